//! Settings: built-in defaults, then a TOML file (`--config`), then `FORECOURT_*` environment
//! variables, then command-line flags. Secrets (the database URL's password) are held in
//! `secrecy` types and only ever shown redacted.

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use forecourt_db::ConnectOptions;
use forecourt_kernel::CoreSettings;
use forecourt_kernel::crypto::PiiKey;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::Duration;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://./data/forecourt.db";
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

#[derive(Clone, Debug, Deserialize)]
pub struct Settings {
    pub database: DatabaseSettings,
    pub server: ServerSettings,
    pub auth: AuthSettings,
    pub log: LogSettings,
    #[serde(default)]
    pub security: SecuritySettings,
    #[serde(default)]
    pub jobs: JobsSettings,
    #[serde(default)]
    pub mail: MailSettings,
    #[serde(default)]
    pub sms: ProviderSettings,
    #[serde(default)]
    pub wechat: ProviderSettings,
}

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
}

impl DatabaseSettings {
    pub fn connect_options(&self) -> ConnectOptions {
        ConnectOptions {
            max_connections: self.max_connections,
            busy_timeout: Duration::from_secs(self.busy_timeout_secs),
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

/// The defaults, as a document figment can merge under the file and the environment.
#[derive(Serialize)]
struct Defaults {
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

fn defaults() -> Defaults {
    let core = CoreSettings::default();
    Defaults {
        database: DefaultDatabase {
            url: DEFAULT_DATABASE_URL,
            max_connections: 8,
            busy_timeout_secs: 30,
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

impl Settings {
    /// Loads the settings. `FORECOURT_DATABASE_URL` and `FORECOURT_LISTEN` are the common
    /// overrides; any setting can be set as `FORECOURT_<SECTION>__<KEY>`
    /// (`FORECOURT_AUTH__LOCKOUT_MINUTES=30`).
    pub fn load(config_file: Option<&Path>) -> Result<Self, figment::Error> {
        Self::figment(config_file).extract()
    }

    fn figment(config_file: Option<&Path>) -> Figment {
        let mut figment = Figment::from(Serialized::defaults(defaults()));
        if let Some(path) = config_file {
            figment = figment.merge(Toml::file_exact(path));
        }
        figment
            .merge(
                Env::prefixed("FORECOURT_")
                    .split("__")
                    .ignore(&["database_url", "listen"]),
            )
            .merge(
                Env::raw()
                    .only(&["FORECOURT_DATABASE_URL"])
                    .map(|_| "database.url".into()),
            )
            .merge(
                Env::raw()
                    .only(&["FORECOURT_LISTEN"])
                    .map(|_| "server.listen".into()),
            )
    }

    /// The use cases' settings, with the PII key read (or, the first time, created).
    pub fn core_settings(&self) -> anyhow::Result<CoreSettings> {
        Ok(CoreSettings {
            pii_key: self.pii_key()?,
            session_idle_timeout: Duration::from_secs(self.auth.session_idle_timeout_minutes * 60),
            session_max_age: Duration::from_secs(self.auth.session_max_age_days * 86_400),
            lockout_threshold: self.auth.lockout_threshold,
            lockout_duration: Duration::from_secs(self.auth.lockout_minutes * 60),
            login_rate_limit: self.auth.login_rate_limit,
            login_rate_window: Duration::from_secs(self.auth.login_rate_window_minutes * 60),
            messaging: self.messaging()?,
        })
    }

    /// The channel adapters from `[mail]`, `[sms]` and `[wechat]`.
    pub fn messaging(&self) -> anyhow::Result<forecourt_kernel::messaging::MessagingSettings> {
        use forecourt_kernel::messaging::{
            HttpProviderSettings, MessagingSettings, SmtpSettings, Transport,
        };
        let outbox = |file: &Option<std::path::PathBuf>| {
            file.clone()
                .unwrap_or_else(|| self.default_key_file().with_file_name("outbox.jsonl"))
        };
        let email = match self.mail.transport.as_str() {
            "smtp" => Transport::Smtp(SmtpSettings {
                host: self.mail.host.clone(),
                port: self.mail.port,
                username: self.mail.username.clone(),
                password: self.mail.password.clone(),
                from: self.mail.from.clone(),
                tls: self.mail.tls,
            }),
            "file" => Transport::File(outbox(&self.mail.file)),
            "log" => Transport::Log,
            other => anyhow::bail!("mail.transport: {other:?} is not smtp, file or log"),
        };
        let provider = |name: &str, p: &ProviderSettings| -> anyhow::Result<Transport> {
            Ok(match p.transport.as_str() {
                "http" => Transport::Http(HttpProviderSettings {
                    url: p.url.clone().ok_or_else(|| {
                        anyhow::anyhow!("{name}.url is required with transport = \"http\"")
                    })?,
                    token: p.token.clone(),
                }),
                "file" => Transport::File(outbox(&p.file)),
                "log" => Transport::Log,
                other => anyhow::bail!("{name}.transport: {other:?} is not http, file or log"),
            })
        };
        Ok(MessagingSettings {
            email,
            sms: provider("sms", &self.sms)?,
            wechat: provider("wechat", &self.wechat)?,
        })
    }

    fn pii_key(&self) -> anyhow::Result<PiiKey> {
        use anyhow::Context;
        if let Some(key) = &self.security.pii_key {
            return PiiKey::from_base64(key.expose_secret())
                .map_err(|e| anyhow::anyhow!("security.pii_key: {e}"));
        }
        let path = match &self.security.pii_key_file {
            Some(path) => path.clone(),
            None => self.default_key_file(),
        };
        if !path.exists() {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
            }
            write_private(&path, &PiiKey::generate_base64())?;
            tracing::warn!(path = %path.display(), "created a new key for personal data; back it up with the database");
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading the key file {}", path.display()))?;
        PiiKey::from_base64(&text)
            .map_err(|e| anyhow::anyhow!("the key file {}: {e}", path.display()))
    }

    /// `pii.key` in the directory of an embedded database, else `./data/pii.key`.
    fn default_key_file(&self) -> std::path::PathBuf {
        let url = self.database.url.expose();
        let sqlite_path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"));
        match sqlite_path.map(|p| std::path::Path::new(p.split('?').next().unwrap_or(p))) {
            Some(db) => db
                .parent()
                .unwrap_or(std::path::Path::new("."))
                .join("pii.key"),
            None => std::path::PathBuf::from("./data/pii.key"),
        }
    }

    /// Settings for tests: the defaults with the given database.
    pub fn for_database(url: &str) -> Self {
        let mut settings: Settings = Figment::from(Serialized::defaults(defaults()))
            .extract()
            .expect("the defaults are valid settings");
        settings.database.url = DatabaseUrl::new(url);
        settings.security.pii_key = Some(SecretString::from(PiiKey::generate_base64()));
        settings
    }
}

/// Writes a file only its owner can read.
fn write_private(path: &std::path::Path, contents: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .map_err(|e| anyhow::anyhow!("creating {}: {e}", path.display()))?;
    file.write_all(contents.as_bytes())?;
    file.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_then_environment_override_defaults_and_secrets_stay_hidden() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "forecourt.toml",
                r#"
                [database]
                url = "postgres://forecourt:s3cret@db.internal/forecourt"
                [server]
                listen = "0.0.0.0:9000"
                public_url = "https://crm.example.cn"
                "#,
            )?;
            jail.set_env("FORECOURT_LISTEN", "127.0.0.1:9999");
            jail.set_env("FORECOURT_AUTH__LOCKOUT_MINUTES", "30");
            let settings = Settings::load(Some(Path::new("forecourt.toml")))?;
            assert_eq!(settings.server.listen, "127.0.0.1:9999");
            assert_eq!(settings.auth.lockout_minutes, 30);
            assert!(settings.server.secure_cookies());
            assert_eq!(
                settings.database.url.redacted(),
                "postgres://forecourt:***@db.internal/forecourt"
            );
            assert!(!format!("{settings:?}").contains("s3cret"));

            jail.set_env("FORECOURT_DATABASE_URL", "sqlite://./other.db");
            let settings = Settings::load(Some(Path::new("forecourt.toml")))?;
            assert_eq!(settings.database.url.expose(), "sqlite://./other.db");
            Ok(())
        });
    }

    #[test]
    fn the_pii_key_file_is_created_once_next_to_the_database() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("db/forecourt.db").display());
        let mut settings = Settings::for_database(&url);
        settings.security.pii_key = None;
        let first = settings.core_settings().unwrap();
        let key_file = dir.path().join("db/pii.key");
        assert!(key_file.exists());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&key_file).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
        let second = settings.core_settings().unwrap();
        // The same key both times: what was encrypted stays readable.
        let cipher = forecourt_kernel::crypto::PiiCipher::new(&first.pii_key);
        let again = forecourt_kernel::crypto::PiiCipher::new(&second.pii_key);
        assert_eq!(
            again
                .decrypt(&cipher.encrypt("11010519491231002X"))
                .unwrap(),
            "11010519491231002X"
        );
    }

    #[test]
    fn defaults_are_the_embedded_database_on_localhost() {
        figment::Jail::expect_with(|_| {
            let settings = Settings::load(None)?;
            assert_eq!(settings.database.url.expose(), DEFAULT_DATABASE_URL);
            assert_eq!(settings.server.listen, DEFAULT_LISTEN);
            assert!(!settings.server.secure_cookies());
            Ok(())
        });
    }
}
