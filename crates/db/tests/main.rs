//! Database tests, run on SQLite and (with FORECOURT_TEST_PG) PostgreSQL.

mod db;
