//! Forecourt's integration tests, one binary: the use cases through the kernel's handle
//! (`usecases`), the real router in process (`http`), and the real binary on port 0 with the
//! command line as people run it (`server`) — on SQLite and, with FORECOURT_TEST_PG,
//! PostgreSQL.

mod http;
mod server;
mod usecases;
