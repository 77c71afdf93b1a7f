//! The sections of the settings file: database, server, auth, log, security, jobs, mail and the
//! message providers.

use forecourt_db::ConnectOptions;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use std::time::Duration;

/// The background workers of this node.
#[derive(Clone, Debug, Deserialize)]
#[serde(default)]
pub struct JobsSettings {
    /// Run workers in this process (turn off on nodes that should only serve HTTP).
    pub workers: bool,
    /// How often an idle worker looks for due jobs.
    pub poll_interval_ms: u64,
    /// How long a worker's lease on a job lasts; a worker that dies mid-job loses the job to
    /// another after this long.
    pub lease_seconds: u64,
    /// Jobs leased per pass.
    pub batch: u64,
}

impl Default for JobsSettings {
    fn default() -> Self {
        Self {
            workers: true,
            poll_interval_ms: 1000,
            lease_seconds: 60,
            batch: 10,
        }
    }
}

/// E-mail: `transport = "smtp"`, `"file"` (the default: JSON lines in `file`) or `"log"`.
#[derive(Clone, Debug, Deserialize)]
#[serde(default)]
pub struct MailSettings {
    pub transport: String,
    pub file: Option<std::path::PathBuf>,
    pub host: String,
    pub port: u16,
    pub username: Option<String>,
    /// Never printed or logged.
    pub password: Option<SecretString>,
    pub from: String,
    /// `starttls` (default), `tls` or `none`.
    pub tls: forecourt_kernel::messaging::TlsMode,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            transport: "file".into(),
            file: None,
            host: "localhost".into(),
            port: 587,
            username: None,
            password: None,
            from: "Forecourt <noreply@localhost>".into(),
            tls: Default::default(),
        }
    }
}

/// An SMS or WeChat provider: `transport = "http"` (POST JSON to `url` with `token`),
/// `"file"` (the default) or `"log"`.
#[derive(Clone, Debug, Deserialize)]
#[serde(default)]
pub struct ProviderSettings {
    pub transport: String,
    pub file: Option<std::path::PathBuf>,
    pub url: Option<String>,
    /// Never printed or logged.
    pub token: Option<SecretString>,
}

impl Default for ProviderSettings {
    fn default() -> Self {
        Self {
            transport: "file".into(),
            file: None,
            url: None,
            token: None,
        }
    }
}

/// The master key that encrypts personal data (ID numbers) at rest.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct SecuritySettings {
    /// 32 bytes, base64 (`openssl rand -base64 32`). Set it (or `pii_key_file`) when several
    /// servers share one PostgreSQL: they must all use the same key.
    pub pii_key: Option<SecretString>,
    /// A file holding the key. Default: `pii.key` next to an embedded database (created on
    /// first start), or `./data/pii.key`.
    pub pii_key_file: Option<std::path::PathBuf>,
}

/// A database URL, which may carry a password.
#[derive(Clone, Deserialize)]
#[serde(transparent)]
pub struct DatabaseUrl(SecretString);

impl DatabaseUrl {
    pub fn new(url: impl Into<String>) -> Self {
        Self(SecretString::from(url.into()))
    }

    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    /// The URL with any password replaced by `***`, for logs and messages.
    pub fn redacted(&self) -> String {
        match url::Url::parse(self.expose()) {
            Ok(mut url) if url.password().is_some() => {
                let _ = url.set_password(Some("***"));
                url.to_string()
            }
            _ => self.expose().to_owned(),
        }
    }
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.redacted())
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct DatabaseSettings {
    pub url: DatabaseUrl,
    pub max_connections: u32,
    pub busy_timeout_secs: u64,
    /// SQLite: the page cache of each pooled connection, in MiB.
    pub sqlite_cache_mib: u32,
    /// Prepared statements kept per connection.
    pub statement_cache: usize,
}

impl DatabaseSettings {
    pub fn connect_options(&self) -> ConnectOptions {
        ConnectOptions {
            max_connections: self.max_connections,
            busy_timeout: Duration::from_secs(self.busy_timeout_secs),
            sqlite_cache_kib: self.sqlite_cache_mib.saturating_mul(1024),
            statement_cache: self.statement_cache,
            ..ConnectOptions::default()
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct ServerSettings {
    pub listen: String,
    /// The address people use to reach Forecourt, when it differs from `listen` (behind a
    /// proxy). An https URL makes cookies `Secure`.
    pub public_url: Option<String>,
    /// Take client addresses from `X-Forwarded-For`; only behind a trusted reverse proxy.
    pub trust_forwarded_headers: bool,
}

impl ServerSettings {
    pub fn secure_cookies(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|url| url.starts_with("https://"))
    }

    /// The URL to print for people to open.
    pub fn display_url(&self, bound: std::net::SocketAddr) -> String {
        match &self.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{bound}"),
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct AuthSettings {
    pub session_idle_timeout_minutes: u64,
    pub session_max_age_days: u64,
    pub lockout_threshold: i32,
    pub lockout_minutes: u64,
    pub login_rate_limit: u64,
    pub login_rate_window_minutes: u64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct LogSettings {
    /// An `EnvFilter` directive: `info`, `forecourt_kernel=debug,info`, ... (`RUST_LOG` wins).
    pub level: String,
    /// `text` or `json`.
    pub format: String,
}
