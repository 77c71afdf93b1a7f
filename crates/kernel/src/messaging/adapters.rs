//! The channel adapters: SMTP (lettre) for e-mail, an HTTP provider for SMS and WeChat, a file
//! of JSON lines (the development default) and the log. Secrets (SMTP password, provider
//! tokens) are held as `SecretString` and never logged.

use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use std::path::PathBuf;
use std::sync::Arc;

/// One message on its way out.
#[derive(Clone, Debug)]
pub struct Outgoing {
    /// Stable across attempts: the e-mail's Message-ID, the providers' idempotency key.
    pub message_id: String,
    pub channel: &'static str,
    pub recipient: String,
    pub subject: Option<String>,
    pub body: String,
}

#[derive(Clone, Debug)]
pub struct Accepted {
    pub provider_message_id: Option<String>,
}

#[async_trait::async_trait]
pub trait Sender: Send + Sync {
    async fn send(&self, message: &Outgoing) -> anyhow::Result<Accepted>;
    /// Whether resending the same message (same id) cannot make a duplicate (the provider
    /// deduplicates by its idempotency key). When false, a send whose outcome is unknown is
    /// not repeated.
    fn idempotent(&self) -> bool;
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TlsMode {
    /// Plain SMTP (a local relay, tests).
    None,
    /// STARTTLS on the submission port (587).
    #[default]
    Starttls,
    /// TLS from the first byte (465).
    Tls,
}

#[derive(Clone, Debug)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<SecretString>,
    /// `Forecourt <crm@example.cn>`
    pub from: String,
    pub tls: TlsMode,
}

#[derive(Clone, Debug)]
pub struct HttpProviderSettings {
    /// Messages are POSTed here as JSON: `{"id", "channel", "to", "subject", "text"}`.
    pub url: String,
    pub token: Option<SecretString>,
}

/// How one channel leaves.
#[derive(Clone, Debug, Default)]
pub enum Transport {
    Smtp(SmtpSettings),
    Http(HttpProviderSettings),
    /// Appends one JSON line per message.
    File(PathBuf),
    /// Only logs that a message would have been sent (no content).
    #[default]
    Log,
}

/// The adapters of the three channels.
#[derive(Clone, Debug, Default)]
pub struct MessagingSettings {
    pub email: Transport,
    pub sms: Transport,
    pub wechat: Transport,
}

pub struct Senders {
    pub email: Arc<dyn Sender>,
    pub sms: Arc<dyn Sender>,
    pub wechat: Arc<dyn Sender>,
}

impl Senders {
    pub fn new(settings: &MessagingSettings) -> Self {
        Self {
            email: build(&settings.email),
            sms: build(&settings.sms),
            wechat: build(&settings.wechat),
        }
    }

    pub fn of(&self, channel: &str) -> Arc<dyn Sender> {
        match channel {
            "email" => self.email.clone(),
            "sms" => self.sms.clone(),
            _ => self.wechat.clone(),
        }
    }
}

fn build(transport: &Transport) -> Arc<dyn Sender> {
    match transport {
        Transport::Smtp(s) => Arc::new(SmtpSender(s.clone())),
        Transport::Http(h) => Arc::new(HttpSender {
            settings: h.clone(),
            client: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(30))
                .build()
                .unwrap_or_default(),
        }),
        Transport::File(path) => Arc::new(FileSender(path.clone())),
        Transport::Log => Arc::new(LogSender),
    }
}

struct SmtpSender(SmtpSettings);

#[async_trait::async_trait]
impl Sender for SmtpSender {
    async fn send(&self, message: &Outgoing) -> anyhow::Result<Accepted> {
        let s = &self.0;
        let mut builder = match s.tls {
            TlsMode::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&s.host),
            TlsMode::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&s.host)?,
            TlsMode::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&s.host)?,
        }
        .port(s.port)
        .timeout(Some(std::time::Duration::from_secs(30)));
        if let (Some(user), Some(password)) = (&s.username, &s.password) {
            builder = builder.credentials(Credentials::new(
                user.clone(),
                password.expose_secret().to_owned(),
            ));
        }
        let transport = builder.build();
        let email = Message::builder()
            .from(s.from.parse()?)
            .to(message.recipient.parse()?)
            .subject(message.subject.clone().unwrap_or_default())
            .message_id(Some(format!("<{}@forecourt>", message.message_id)))
            .header(ContentType::TEXT_PLAIN)
            .body(message.body.clone())?;
        let response = transport.send(email).await?;
        let reply: Vec<&str> = response.message().collect();
        Ok(Accepted {
            provider_message_id: Some(reply.join(" ").chars().take(200).collect()),
        })
    }

    fn idempotent(&self) -> bool {
        false
    }
}

struct HttpSender {
    settings: HttpProviderSettings,
    client: reqwest::Client,
}

#[async_trait::async_trait]
impl Sender for HttpSender {
    async fn send(&self, message: &Outgoing) -> anyhow::Result<Accepted> {
        let mut request = self
            .client
            .post(&self.settings.url)
            .header("Idempotency-Key", &message.message_id)
            .json(&serde_json::json!({
                "id": message.message_id,
                "channel": message.channel,
                "to": message.recipient,
                "subject": message.subject,
                "text": message.body,
            }));
        if let Some(token) = &self.settings.token {
            request = request.bearer_auth(token.expose_secret());
        }
        let response = request.send().await?;
        let status = response.status();
        if !status.is_success() {
            anyhow::bail!("the provider answered {status}");
        }
        let body: serde_json::Value = response.json().await.unwrap_or_default();
        Ok(Accepted {
            provider_message_id: body.get("id").and_then(|v| v.as_str()).map(str::to_owned),
        })
    }

    fn idempotent(&self) -> bool {
        true
    }
}

struct FileSender(PathBuf);

#[async_trait::async_trait]
impl Sender for FileSender {
    async fn send(&self, message: &Outgoing) -> anyhow::Result<Accepted> {
        use tokio::io::AsyncWriteExt;
        if let Some(dir) = self.0.parent().filter(|d| !d.as_os_str().is_empty()) {
            tokio::fs::create_dir_all(dir).await?;
        }
        let line = serde_json::json!({
            "id": message.message_id,
            "channel": message.channel,
            "to": message.recipient,
            "subject": message.subject,
            "body": message.body,
        });
        let mut file = tokio::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.0)
            .await?;
        file.write_all(format!("{line}\n").as_bytes()).await?;
        file.sync_data().await?;
        Ok(Accepted {
            provider_message_id: Some(format!("file:{}", message.message_id)),
        })
    }

    fn idempotent(&self) -> bool {
        true
    }
}

struct LogSender;

#[async_trait::async_trait]
impl Sender for LogSender {
    async fn send(&self, message: &Outgoing) -> anyhow::Result<Accepted> {
        tracing::info!(id = %message.message_id, channel = message.channel, "message not sent: the channel is set to log only");
        Ok(Accepted {
            provider_message_id: None,
        })
    }

    fn idempotent(&self) -> bool {
        true
    }
}
