//! A test server: the real router over a fresh database, a clock the test controls, and
//! fixtures of two dealers of one group with a user of every built-in role.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use chrono::{TimeZone, Utc};
use forecourt_db::testing::TestDb;
use forecourt_http::{AppState, HttpSettings};
use forecourt_kernel::{App, CoreSettings, ManualClock};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use tower::ServiceExt;

mod records;
mod world;

pub use records::{DealerRecords, records};
pub use world::{DealerFixture, World, world};

/// POSTs `body` as `s`.
pub async fn post(t: &TestApp, s: &Session, path: &str, body: Value) -> Reply {
    t.send(Method::POST, path, Auth::Session(s), Some(body))
        .await
}

/// The reply's body, once its status is `status` (else the test fails showing the body).
pub async fn ok(reply: Reply, status: StatusCode) -> Value {
    assert_eq!(reply.status, status, "{:?}", reply.body);
    reply.body
}

pub const PASSWORD: &str = "correct-horse-9";

pub struct TestApp {
    pub router: Router,
    pub app: App,
    pub clock: Arc<ManualClock>,
    pub db: TestDb,
    next_ip: AtomicU32,
}

/// A logged-in browser: the session cookie and the CSRF token.
#[derive(Clone, Debug)]
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

/// How a request authenticates.
#[derive(Clone, Copy, Debug)]
pub enum Auth<'a> {
    None,
    Session(&'a Session),
    /// A session cookie without the CSRF header.
    SessionWithoutCsrf(&'a Session),
    Bearer(&'a str),
}

#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Reply {
    /// The problem+json `code`, if the reply is a problem.
    pub fn code(&self) -> &str {
        self.body.get("code").and_then(Value::as_str).unwrap_or("")
    }
}

impl TestApp {
    pub async fn new(db: TestDb) -> Self {
        let clock = Arc::new(ManualClock::new(
            Utc.with_ymd_and_hms(2026, 11, 2, 1, 0, 0).unwrap(),
        ));
        let app = forecourt_server::modules::app_with_clock(
            db.db.clone(),
            CoreSettings::default(),
            clock.clone(),
        );
        let settings = HttpSettings {
            secure_cookies: false,
            trust_forwarded_headers: true,
        };
        let router = forecourt_http::app(AppState::new(
            app.clone(),
            settings,
            forecourt_server::modules::MODULES,
        ));
        Self {
            router,
            app,
            clock,
            db,
            next_ip: AtomicU32::new(1),
        }
    }

    /// A client address of its own for each call, so tests do not trip the login rate limit
    /// unless they mean to.
    pub fn fresh_ip(&self) -> String {
        let n = self.next_ip.fetch_add(1, Ordering::Relaxed);
        format!("10.{}.{}.{}", (n >> 16) & 255, (n >> 8) & 255, n & 255)
    }

    pub async fn send(
        &self,
        method: Method,
        path: &str,
        auth: Auth<'_>,
        body: Option<Value>,
    ) -> Reply {
        self.send_from(method, path, auth, body, &self.fresh_ip())
            .await
    }

    pub async fn send_from(
        &self,
        method: Method,
        path: &str,
        auth: Auth<'_>,
        body: Option<Value>,
        ip: &str,
    ) -> Reply {
        self.send_with(method, path, auth, body, &[("x-forwarded-for", ip)])
            .await
    }

    /// A request with extra headers (`Idempotency-Key`, `Accept-Language`, ...).
    pub async fn send_with(
        &self,
        method: Method,
        path: &str,
        auth: Auth<'_>,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut builder = Request::builder().method(method).uri(path);
        if !headers.iter().any(|(name, _)| *name == "x-forwarded-for") {
            builder = builder.header("x-forwarded-for", self.fresh_ip());
        }
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        match auth {
            Auth::None => {}
            Auth::Session(session) => {
                builder = builder
                    .header(
                        header::COOKIE,
                        format!("forecourt_session={}", session.cookie),
                    )
                    .header("x-csrf-token", &session.csrf);
            }
            Auth::SessionWithoutCsrf(session) => {
                builder = builder.header(
                    header::COOKIE,
                    format!("forecourt_session={}", session.cookie),
                );
            }
            Auth::Bearer(token) => {
                builder = builder.header(header::AUTHORIZATION, format!("Bearer {token}"));
            }
        }
        let request = match body {
            Some(json) => builder
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(json.to_string()))
                .unwrap(),
            None => builder.body(Body::empty()).unwrap(),
        };
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()))
        };
        Reply {
            status,
            headers,
            body,
        }
    }

    /// A GET whose body is returned as bytes (downloads).
    pub async fn get_bytes(
        &self,
        path: &str,
        session: &Session,
    ) -> (StatusCode, HeaderMap, Vec<u8>) {
        let request = Request::builder()
            .uri(path)
            .header(
                header::COOKIE,
                format!("forecourt_session={}", session.cookie),
            )
            .body(Body::empty())
            .unwrap();
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        (status, headers, bytes)
    }

    /// A request with a raw (non-JSON) body: CSV uploads.
    pub async fn send_raw(&self, method: Method, path: &str, auth: Auth<'_>, body: &str) -> Reply {
        let mut builder = Request::builder()
            .method(method)
            .uri(path)
            .header("x-forwarded-for", self.fresh_ip())
            .header(header::CONTENT_TYPE, "text/csv");
        if let Auth::Session(session) = auth {
            builder = builder
                .header(
                    header::COOKIE,
                    format!("forecourt_session={}", session.cookie),
                )
                .header("x-csrf-token", &session.csrf);
        }
        let response = self
            .router
            .clone()
            .oneshot(builder.body(Body::from(body.to_owned())).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str, auth: Auth<'_>) -> Reply {
        self.send(Method::GET, path, auth, None).await
    }

    pub async fn login_reply(&self, username: &str, password: &str, ip: &str) -> Reply {
        self.send_from(
            Method::POST,
            "/api/v1/auth/login",
            Auth::None,
            Some(json!({"username": username, "password": password})),
            ip,
        )
        .await
    }

    pub async fn login(&self, username: &str) -> Session {
        self.login_with(username, PASSWORD).await
    }

    pub async fn login_with(&self, username: &str, password: &str) -> Session {
        let reply = self.login_reply(username, password, &self.fresh_ip()).await;
        assert_eq!(
            reply.status,
            StatusCode::OK,
            "login of {username}: {:?}",
            reply.body
        );
        let cookie = reply
            .headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|v| v.strip_prefix("forecourt_session="))
            .and_then(|v| v.split(';').next())
            .expect("session cookie")
            .to_owned();
        let csrf = reply.body["csrf_token"]
            .as_str()
            .expect("csrf token")
            .to_owned();
        Session { cookie, csrf }
    }

    pub fn clock_now(&self) -> chrono::DateTime<Utc> {
        use forecourt_kernel::Clock;
        self.clock.now()
    }

    /// The count of rows in a table (to prove a denied write changed nothing).
    pub async fn count(&self, table: &str) -> i64 {
        self.count_where(table, "1 = 1").await
    }

    /// The count of rows of a table matching a condition.
    pub async fn count_where(&self, table: &str, condition: &str) -> i64 {
        use forecourt_db::ConnectionTrait;
        let backend = self.db.db.conn().get_database_backend();
        let row = self
            .db
            .db
            .conn()
            .query_one_raw(sea_orm::Statement::from_string(
                backend,
                format!("SELECT COUNT(*) AS n FROM {table} WHERE {condition}"),
            ))
            .await
            .unwrap()
            .unwrap();
        row.try_get::<i64>("", "n").unwrap()
    }
}

/// Declares an HTTP test on both backends with a [`TestApp`].
#[macro_export]
macro_rules! http_test {
    (async fn $name:ident($t:ident) $body:block) => {
        forecourt_db::db_test!(async fn $name(test_db) {
            let $t = $crate::http::support::TestApp::new(test_db).await;
            $body
        });
    };
}
