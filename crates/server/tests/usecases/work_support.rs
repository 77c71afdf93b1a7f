//! A dealer with a consultant and a manager, a controllable clock, and loopback SMTP and HTTP
//! message providers.

use chrono::{TimeZone, Utc};
use forecourt_admin::AdminExt as _;
use forecourt_admin::users::NewUser;
use forecourt_db::testing::TestDb;
use forecourt_domain::ids::DealerId;
use forecourt_kernel::auth::LoginInput;
use forecourt_kernel::messaging::{
    HttpProviderSettings, MessagingSettings, SmtpSettings, TlsMode, Transport,
};
use forecourt_kernel::org::NewDealer;
use forecourt_kernel::{Actor, App, CoreSettings, ManualClock};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

pub struct Work {
    pub app: App,
    pub clock: Arc<ManualClock>,
    pub dealer: DealerId,
    pub system: Actor,
    pub consultant: Actor,
    pub manager: Actor,
    pub _db: TestDb,
}

pub async fn work(db: TestDb, messaging: MessagingSettings) -> Work {
    let clock = Arc::new(ManualClock::new(
        Utc.with_ymd_and_hms(2026, 3, 2, 1, 0, 0).unwrap(),
    ));
    let settings = CoreSettings {
        messaging,
        ..CoreSettings::default()
    };
    let app = forecourt_server::modules::app_with_clock(db.db.clone(), settings, clock.clone());
    let dealer = app
        .create_dealer(NewDealer {
            code: "WK01".into(),
            name: "工作4S店".into(),
            group_code: None,
            time_zone: None,
            locale: None,
        })
        .await
        .unwrap()
        .id;
    let system = app.system_actor(dealer).await.unwrap();
    let mut actors = Vec::new();
    for (username, role) in [
        ("wk-consultant", "sales_consultant"),
        ("wk-manager", "sales_manager"),
    ] {
        app.admin()
            .create_user(
                &system,
                NewUser {
                    username: username.into(),
                    display_name: username.into(),
                    password: "long-enough-1".into(),
                    role: role.into(),
                    team_id: None,
                    email: None,
                    phone: None,
                    locale: None,
                },
            )
            .await
            .unwrap();
        actors.push(
            app.login(LoginInput {
                username: username.into(),
                password: "long-enough-1".into(),
                ip: username.into(),
                user_agent: None,
            })
            .await
            .unwrap()
            .actor,
        );
    }
    let manager = actors.pop().unwrap();
    let consultant = actors.pop().unwrap();
    Work {
        app,
        clock,
        dealer,
        system,
        consultant,
        manager,
        _db: db,
    }
}

/// A loopback SMTP server that records every message it accepts.
#[derive(Clone, Default)]
pub struct SmtpSink {
    pub messages: Arc<Mutex<Vec<String>>>,
    pub port: u16,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let messages = Arc::new(Mutex::new(Vec::new()));
        let store = messages.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let store = store.clone();
                tokio::spawn(async move {
                    let (read, mut write) = stream.into_split();
                    let mut lines = BufReader::new(read).lines();
                    let _ = write.write_all(b"220 sink ESMTP\r\n").await;
                    let mut data: Option<String> = None;
                    while let Ok(Some(line)) = lines.next_line().await {
                        if let Some(body) = data.as_mut() {
                            if line == "." {
                                store.lock().unwrap().push(std::mem::take(body));
                                data = None;
                                let _ = write.write_all(b"250 2.0.0 queued as SINK1\r\n").await;
                            } else {
                                body.push_str(&line);
                                body.push('\n');
                            }
                            continue;
                        }
                        let verb = line
                            .split_whitespace()
                            .next()
                            .unwrap_or("")
                            .to_ascii_uppercase();
                        let reply: &[u8] = match verb.as_str() {
                            "EHLO" => b"250-sink\r\n250 8BITMIME\r\n",
                            "HELO" | "MAIL" | "RCPT" | "RSET" | "NOOP" => b"250 OK\r\n",
                            "DATA" => {
                                data = Some(String::new());
                                b"354 go ahead\r\n"
                            }
                            "QUIT" => {
                                let _ = write.write_all(b"221 bye\r\n").await;
                                break;
                            }
                            _ => b"502 unknown\r\n",
                        };
                        let _ = write.write_all(reply).await;
                    }
                });
            }
        });
        SmtpSink { messages, port }
    }

    pub fn settings(&self) -> MessagingSettings {
        MessagingSettings {
            email: Transport::Smtp(SmtpSettings {
                host: "127.0.0.1".into(),
                port: self.port,
                username: None,
                password: None,
                from: "Forecourt <crm@example.cn>".into(),
                tls: TlsMode::None,
            }),
            ..MessagingSettings::default()
        }
    }

    pub fn received(&self) -> Vec<String> {
        self.messages.lock().unwrap().clone()
    }
}

/// One request an SMS/WeChat provider received.
#[derive(Clone, Debug)]
pub struct ProviderRequest {
    pub idempotency_key: Option<String>,
    pub authorization: Option<String>,
    pub body: serde_json::Value,
}

/// A loopback SMS/WeChat provider speaking the HTTP adapter's protocol. It answers the first
/// `fail_first` requests with 503 (a provider outage), then accepts, and, like the real
/// providers, deduplicates by the `Idempotency-Key`: a key seen before gets the same id back.
#[derive(Clone)]
pub struct ProviderSink {
    pub requests: Arc<Mutex<Vec<ProviderRequest>>>,
    pub port: u16,
}

impl ProviderSink {
    pub async fn start(fail_first: usize) -> ProviderSink {
        use axum::http::{HeaderMap, StatusCode};
        let requests: Arc<Mutex<Vec<ProviderRequest>>> = Arc::default();
        let store = requests.clone();
        let accept = move |headers: HeaderMap, axum::Json(body): axum::Json<serde_json::Value>| {
            let store = store.clone();
            async move {
                let header = |name: &str| {
                    headers
                        .get(name)
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned)
                };
                let request = ProviderRequest {
                    idempotency_key: header("idempotency-key"),
                    authorization: header("authorization"),
                    body,
                };
                let mut seen = store.lock().unwrap();
                seen.push(request.clone());
                if seen.len() <= fail_first {
                    return Err(StatusCode::SERVICE_UNAVAILABLE);
                }
                let first = seen
                    .iter()
                    .position(|r| r.idempotency_key == request.idempotency_key)
                    .unwrap_or(0);
                Ok(axum::Json(
                    serde_json::json!({ "id": format!("prov-{first}") }),
                ))
            }
        };
        let router = axum::Router::new().route("/v1/messages", axum::routing::post(accept));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        ProviderSink { requests, port }
    }

    /// SMS through this provider, with a bearer token.
    pub fn sms_settings(&self) -> MessagingSettings {
        MessagingSettings {
            sms: Transport::Http(HttpProviderSettings {
                url: format!("http://127.0.0.1:{}/v1/messages", self.port),
                token: Some("provider-token-1".to_owned().into()),
            }),
            ..MessagingSettings::default()
        }
    }

    pub fn received(&self) -> Vec<ProviderRequest> {
        self.requests.lock().unwrap().clone()
    }
}
