//! Test support: a fresh, migrated database per test, on SQLite always and on PostgreSQL when
//! `FORECOURT_TEST_PG` holds a server URL (e.g. `postgres://postgres@127.0.0.1:5432/postgres`).
//!
//! PostgreSQL test databases are cloned from a template that is migrated once per schema
//! (`CREATE DATABASE ... TEMPLATE`), which takes milliseconds instead of a migration run per
//! test, and dropped when the test ends, passed or failed.

use crate::{ConnectOptions, Db};
use sqlx::Connection;

/// The environment variable naming the PostgreSQL server tests may use.
pub const TEST_PG_ENV: &str = "FORECOURT_TEST_PG";

/// A migrated database that exists for one test.
pub struct TestDb {
    pub db: Db,
    /// The URL the database was opened with (tests that start the whole server need it).
    pub url: String,
    _sqlite_dir: Option<tempfile::TempDir>,
    _pg_drop: Option<PgDropGuard>,
}

impl TestDb {
    /// A new SQLite database in a temporary directory, with the same pragmas as production.
    pub async fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        let url = format!("sqlite://{}", dir.path().join("forecourt.db").display());
        let db = Db::connect(&url, &ConnectOptions::default())
            .await
            .expect("open SQLite");
        db.migrate().await.expect("migrate SQLite");
        Self {
            db,
            url,
            _sqlite_dir: Some(dir),
            _pg_drop: None,
        }
    }

    /// A new PostgreSQL database, or `None` when `FORECOURT_TEST_PG` is not set. Panics when it
    /// is set but the server cannot be used: a configured backend must not be skipped silently.
    pub async fn postgres() -> Option<Self> {
        let server = std::env::var(TEST_PG_ENV)
            .ok()
            .filter(|v| !v.trim().is_empty())?;
        let template = ensure_template(&server).await;
        let name = format!("forecourt_test_{}", uuid::Uuid::now_v7().simple());
        let mut admin = sqlx::PgConnection::connect(&server)
            .await
            .expect("connect to FORECOURT_TEST_PG");
        let mut attempts = 0;
        loop {
            let created = sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "CREATE DATABASE \"{name}\" TEMPLATE \"{template}\""
            )))
            .execute(&mut admin)
            .await;
            match created {
                Ok(_) => break,
                // Another test may be cloning the template at this instant.
                Err(e) if attempts < 20 => {
                    attempts += 1;
                    tracing::debug!("retrying CREATE DATABASE: {e}");
                    tokio::time::sleep(std::time::Duration::from_millis(50 * attempts)).await;
                }
                Err(e) => panic!("cannot create test database: {e}"),
            }
        }
        let _ = admin.close().await;
        let url = database_url(&server, &name);
        let options = ConnectOptions {
            max_connections: 5,
            ..ConnectOptions::default()
        };
        let db = Db::connect(&url, &options)
            .await
            .expect("connect to test database");
        Some(Self {
            db,
            url,
            _sqlite_dir: None,
            _pg_drop: Some(PgDropGuard { server, name }),
        })
    }
}

/// `server` with its database name replaced by `name`.
fn database_url(server: &str, name: &str) -> String {
    let mut url = url::Url::parse(server).expect("FORECOURT_TEST_PG is a URL");
    url.set_path(name);
    url.to_string()
}

/// Creates (once per schema) a migrated template database and returns its name. Guarded by an
/// advisory lock because every test process races to create it; built under a temporary name
/// and renamed, so a half-migrated template is never used.
async fn ensure_template(server: &str) -> String {
    // Set by build.rs from the migration sources' text. Worktrees sharing one target directory
    // share that build script's output, so the names of the migrations this binary runs are
    // hashed in too: a binary with other migrations never clones another's template.
    let names = {
        use sea_orm_migration::MigratorTrait;
        use std::hash::{DefaultHasher, Hash, Hasher};
        let mut hasher = DefaultHasher::new();
        for m in crate::migrations::Migrator::migrations() {
            m.name().hash(&mut hasher);
        }
        hasher.finish()
    };
    let template = format!(
        "forecourt_tpl_{}_{names:08x}",
        env!("FORECOURT_SCHEMA_FINGERPRINT")
    );
    let mut admin = sqlx::PgConnection::connect(server)
        .await
        .expect("connect to FORECOURT_TEST_PG");
    sqlx::query("SELECT pg_advisory_lock(7301202611)")
        .execute(&mut admin)
        .await
        .expect("lock");
    let exists: Option<i32> = sqlx::query_scalar("SELECT 1 FROM pg_database WHERE datname = $1")
        .bind(&template)
        .fetch_optional(&mut admin)
        .await
        .expect("look up template");
    if exists.is_none() {
        let building = format!("{template}_building");
        let run = |sql: String| sqlx::raw_sql(sqlx::AssertSqlSafe(sql));
        run(format!(
            "DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)"
        ))
        .execute(&mut admin)
        .await
        .expect("drop stale template");
        run(format!("CREATE DATABASE \"{building}\""))
            .execute(&mut admin)
            .await
            .expect("create template");
        let db = Db::connect(&database_url(server, &building), &ConnectOptions::default())
            .await
            .expect("connect to template");
        db.migrate().await.expect("migrate template");
        db.close().await.expect("close template");
        run(format!(
            "ALTER DATABASE \"{building}\" RENAME TO \"{template}\""
        ))
        .execute(&mut admin)
        .await
        .expect("publish template");
    }
    sqlx::query("SELECT pg_advisory_unlock(7301202611)")
        .execute(&mut admin)
        .await
        .expect("unlock");
    let _ = admin.close().await;
    template
}

/// Drops the test's PostgreSQL database when the test ends, even by panic.
struct PgDropGuard {
    server: String,
    name: String,
}

impl Drop for PgDropGuard {
    fn drop(&mut self) {
        let server = self.server.clone();
        let name = self.name.clone();
        // Drop runs inside the test's runtime, which cannot be blocked on; use a thread with a
        // runtime of its own.
        let handle = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build();
            let Ok(runtime) = runtime else { return };
            runtime.block_on(async move {
                if let Ok(mut admin) = sqlx::PgConnection::connect(&server).await {
                    let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                    let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                        .execute(&mut admin)
                        .await;
                    let _ = admin.close().await;
                }
            });
        });
        let _ = handle.join();
    }
}

/// Declares a test that runs on SQLite and, when `FORECOURT_TEST_PG` is set, on PostgreSQL:
/// two test functions, `name::sqlite` and `name::postgres`, each with a fresh database.
///
/// ```ignore
/// db_test!(async fn finds_users(test_db) {
///     let db = &test_db.db;
///     ...
/// });
/// ```
#[macro_export]
macro_rules! db_test {
    ($(#[$attr:meta])* async fn $name:ident($db:ident) $body:block) => {
        $(#[$attr])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let $db = $crate::testing::TestDb::sqlite().await;
                $body
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some($db) = $crate::testing::TestDb::postgres().await else {
                    eprintln!("{} is not set: not run on PostgreSQL", $crate::testing::TEST_PG_ENV);
                    return;
                };
                $body
            }
        }
    };
}
