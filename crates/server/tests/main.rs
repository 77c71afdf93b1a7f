//! Tests of the binary: the real server on port 0, and the command line as people run it.

mod server;
