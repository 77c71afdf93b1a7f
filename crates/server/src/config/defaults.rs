//! The built-in defaults, as a document figment can merge under the file and the environment.

use super::{DEFAULT_DATABASE_URL, DEFAULT_LISTEN};
use forecourt_kernel::CoreSettings;
use serde::Serialize;

/// The defaults, as a document figment can merge under the file and the environment.
#[derive(Serialize)]
pub(super) struct Defaults {
    database: DefaultDatabase,
    server: DefaultServer,
    auth: DefaultAuth,
    log: DefaultLog,
}

#[derive(Serialize)]
struct DefaultDatabase {
    url: &'static str,
    max_connections: u32,
    busy_timeout_secs: u64,
    sqlite_cache_mib: u32,
    statement_cache: usize,
}

#[derive(Serialize)]
struct DefaultServer {
    listen: &'static str,
    trust_forwarded_headers: bool,
}

#[derive(Serialize)]
struct DefaultAuth {
    session_idle_timeout_minutes: u64,
    session_max_age_days: u64,
    lockout_threshold: i32,
    lockout_minutes: u64,
    login_rate_limit: u64,
    login_rate_window_minutes: u64,
}

#[derive(Serialize)]
struct DefaultLog {
    level: &'static str,
    format: &'static str,
}

pub(super) fn defaults() -> Defaults {
    let core = CoreSettings::default();
    Defaults {
        database: DefaultDatabase {
            url: DEFAULT_DATABASE_URL,
            max_connections: 8,
            busy_timeout_secs: 30,
            sqlite_cache_mib: forecourt_db::DEFAULT_SQLITE_CACHE_KIB / 1024,
            statement_cache: forecourt_db::DEFAULT_STATEMENT_CACHE,
        },
        server: DefaultServer {
            listen: DEFAULT_LISTEN,
            trust_forwarded_headers: false,
        },
        auth: DefaultAuth {
            session_idle_timeout_minutes: core.session_idle_timeout.as_secs() / 60,
            session_max_age_days: core.session_max_age.as_secs() / 86_400,
            lockout_threshold: core.lockout_threshold,
            lockout_minutes: core.lockout_duration.as_secs() / 60,
            login_rate_limit: core.login_rate_limit,
            login_rate_window_minutes: core.login_rate_window.as_secs() / 60,
        },
        log: DefaultLog {
            level: "info",
            format: "text",
        },
    }
}
