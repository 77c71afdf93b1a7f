//! Settings: built-in defaults, then a TOML file (`--config`), then `FORECOURT_*` environment
//! variables, then command-line flags. Secrets (the database URL's password) are held in
//! `secrecy` types and only ever shown redacted.

mod defaults;
mod pii_key;
mod sections;

pub use sections::{
    AuthSettings, DatabaseSettings, DatabaseUrl, JobsSettings, LogSettings, MailSettings,
    ProviderSettings, SecuritySettings, ServerSettings,
};

use defaults::defaults;
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use forecourt_kernel::CoreSettings;
use forecourt_kernel::crypto::PiiKey;
use secrecy::SecretString;
use serde::Deserialize;
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
