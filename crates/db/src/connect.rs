//! Connecting to SQLite or PostgreSQL, and write transactions.

use crate::migrations::Migrator;
use sea_orm::{
    DatabaseConnection, DatabaseTransaction, DbErr, SqliteTransactionMode, SqlxPostgresConnector,
    SqlxSqliteConnector, TransactionOptions, TransactionTrait,
};
use sea_orm_migration::MigratorTrait;
use sqlx::ConnectOptions as _;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::ops::Deref;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, OwnedMutexGuard};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Pool settings. The defaults suit one dealership on a small box.
#[derive(Clone, Debug)]
pub struct ConnectOptions {
    pub max_connections: u32,
    /// How long a SQLite connection waits for another process's write lock.
    pub busy_timeout: Duration,
    pub acquire_timeout: Duration,
    /// SQLite: the page cache of each pooled connection, in KiB. Every connection keeps its
    /// own, and a commit by any of them makes the others drop theirs (WAL), so the pool's
    /// worst case is `max_connections` times this, held by the process.
    pub sqlite_cache_kib: u32,
    /// Prepared statements each connection keeps. Forecourt runs a few hundred distinct
    /// statements; one that falls out of the cache is parsed and planned again.
    pub statement_cache: usize,
}

/// The default page cache of a pooled SQLite connection: 8 MiB.
pub const DEFAULT_SQLITE_CACHE_KIB: u32 = 8 * 1024;
/// The default number of prepared statements kept per connection.
pub const DEFAULT_STATEMENT_CACHE: usize = 512;

impl Default for ConnectOptions {
    fn default() -> Self {
        Self {
            max_connections: 8,
            busy_timeout: Duration::from_secs(30),
            acquire_timeout: Duration::from_secs(30),
            sqlite_cache_kib: DEFAULT_SQLITE_CACHE_KIB,
            statement_cache: DEFAULT_STATEMENT_CACHE,
        }
    }
}

/// A connection pool to Forecourt's database.
///
/// Reads go straight to the pool ([`Db::conn`]). Writes go through [`Db::begin`], which on
/// SQLite first takes an in-process lock and then `BEGIN IMMEDIATE`, so writers queue instead
/// of failing with "database is locked" halfway through a transaction (SQLite has one writer
/// at a time; WAL lets readers carry on meanwhile). PostgreSQL needs neither.
#[derive(Clone)]
pub struct Db {
    conn: DatabaseConnection,
    backend: Backend,
    writer: Option<Arc<Mutex<()>>>,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

impl Db {
    /// Connects to `sqlite://path` (creating the file and its directory) or `postgres://...`.
    pub async fn connect(url: &str, options: &ConnectOptions) -> Result<Self, DbErr> {
        if url.starts_with("sqlite:") {
            Self::connect_sqlite(url, options).await
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Self::connect_postgres(url, options).await
        } else {
            Err(DbErr::Custom(
                "the database URL must start with sqlite:// or postgres://".to_owned(),
            ))
        }
    }

    async fn connect_sqlite(url: &str, options: &ConnectOptions) -> Result<Self, DbErr> {
        let connect = SqliteConnectOptions::from_str(url)
            .map_err(|e| DbErr::Custom(format!("invalid SQLite URL: {e}")))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a committed transaction survives a power cut, not only a crash.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(options.busy_timeout)
            .pragma("temp_store", "memory")
            // A negative cache_size is KiB (see `ConnectOptions::sqlite_cache_kib`).
            .pragma(
                "cache_size",
                format!("-{}", options.sqlite_cache_kib.max(1024)),
            )
            .statement_cache_capacity(options.statement_cache)
            .disable_statement_logging();
        if let Some(parent) = connect.get_filename().parent()
            && !parent.as_os_str().is_empty()
        {
            std::fs::create_dir_all(parent)
                .map_err(|e| DbErr::Custom(format!("cannot create {}: {e}", parent.display())))?;
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(options.max_connections.max(2))
            .acquire_timeout(options.acquire_timeout)
            .connect_with(connect)
            .await
            .map_err(|e| DbErr::Conn(sea_orm::RuntimeErr::Internal(e.to_string())))?;
        Ok(Self {
            conn: SqlxSqliteConnector::from_sqlx_sqlite_pool(pool),
            backend: Backend::Sqlite,
            writer: Some(Arc::new(Mutex::new(()))),
        })
    }

    async fn connect_postgres(url: &str, options: &ConnectOptions) -> Result<Self, DbErr> {
        let connect = PgConnectOptions::from_str(url)
            .map_err(|e| DbErr::Custom(format!("invalid PostgreSQL URL: {e}")))?
            .statement_cache_capacity(options.statement_cache)
            .disable_statement_logging();
        let pool = PgPoolOptions::new()
            .max_connections(options.max_connections)
            .acquire_timeout(options.acquire_timeout)
            .connect_with(connect)
            .await
            .map_err(|e| DbErr::Conn(sea_orm::RuntimeErr::Internal(e.to_string())))?;
        Ok(Self {
            conn: SqlxPostgresConnector::from_sqlx_postgres_pool(pool),
            backend: Backend::Postgres,
            writer: None,
        })
    }

    /// The pool, for reads (and for repository calls outside a transaction).
    pub fn conn(&self) -> &DatabaseConnection {
        &self.conn
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Brings PostgreSQL's planner statistics of `tables` up to date (`ANALYZE`). Called after a
    /// bulk write such as an import: until autovacuum gets round to it, the planner still
    /// believes the tables as small as before, and a first import into an empty dealer would
    /// leave it planning sequential scans where an index lookup takes milliseconds. SQLite's
    /// planner keeps no such statistics here, so there it does nothing.
    pub async fn refresh_statistics(&self, tables: &[&str]) -> Result<(), DbErr> {
        use sea_orm::ConnectionTrait;
        if self.backend != Backend::Postgres || tables.is_empty() {
            return Ok(());
        }
        let quoted: Vec<String> = tables
            .iter()
            .map(|t| format!("\"{}\"", t.replace('"', "")))
            .collect();
        self.conn
            .execute_unprepared(&format!("ANALYZE {}", quoted.join(", ")))
            .await?;
        Ok(())
    }

    /// Starts a write transaction. Everything a use case changes, its audit rows and its
    /// outbox messages go through one of these and commit together.
    pub async fn begin(&self) -> Result<WriteTx, DbErr> {
        let guard = match &self.writer {
            Some(lock) => Some(lock.clone().lock_owned().await),
            None => None,
        };
        let options = TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..TransactionOptions::default()
        };
        let tx = self.conn.begin_with_options(options).await?;
        Ok(WriteTx { tx, _guard: guard })
    }

    /// Applies pending migrations; returns how many were applied.
    pub async fn migrate(&self) -> Result<usize, DbErr> {
        let pending = Migrator::get_pending_migrations(&self.conn).await?.len();
        Migrator::up(&self.conn, None).await?;
        Ok(pending)
    }

    /// Whether the database answers (for `/readyz`).
    pub async fn ping(&self) -> Result<(), DbErr> {
        self.conn.ping().await
    }

    /// Closes the pool, waiting for connections in use to be returned.
    pub async fn close(self) -> Result<(), DbErr> {
        self.conn.close().await
    }
}

/// A write transaction. Dereferences to the SeaORM transaction, so repository functions take
/// it like any connection. Dropped without [`WriteTx::commit`], it rolls back.
pub struct WriteTx {
    tx: DatabaseTransaction,
    _guard: Option<OwnedMutexGuard<()>>,
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), DbErr> {
        self.tx.commit().await
    }
}

impl Deref for WriteTx {
    type Target = DatabaseTransaction;
    fn deref(&self) -> &DatabaseTransaction {
        &self.tx
    }
}
