//! HTTP tests: the real router in process, on SQLite and (with FORECOURT_TEST_PG) PostgreSQL.

mod http;
