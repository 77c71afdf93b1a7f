//! Forecourt's database layer: the only crate that speaks SQL.
//!
//! - [`Db`] connects to SQLite (the embedded default) or PostgreSQL and hands out write
//!   transactions ([`WriteTx`]), serialising writers on SQLite.
//! - [`migrations::Migrator`] is one migration tree for both backends.
//! - [`entities`] are the SeaORM models ([`audited`]: which of their fields the audit log keeps); [`repo`] the tenant-scoped queries over them. Every
//!   query on tenant-owned data takes a [`DealerScope`], which only the auth layer issues.

pub mod audited;
pub mod connect;
pub mod entities;
pub mod error;
pub mod migrations;
pub mod pagination;
pub mod repo;
pub mod scope;
#[cfg(feature = "testing")]
pub mod testing;

pub use connect::{
    Backend, ConnectOptions, DEFAULT_SQLITE_CACHE_KIB, DEFAULT_STATEMENT_CACHE, Db, WriteTx,
};
pub use error::{DbError, DbResult};
pub use pagination::{Cursor, Page, PageRequest, SortDirection};
pub use scope::DealerScope;

/// Re-exported so `core` can name connection types without depending on sea-orm itself.
pub use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr};
