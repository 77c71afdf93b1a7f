//! Sales through the API: reception, leads, intake, assignment, follow-ups, loss, the
//! pipeline, test drives and the morning report.

use super::support::{Auth, Session, TestApp, World};
use axum::http::{Method, StatusCode};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

mod leads;
mod losses;
mod pipeline;
mod reception;
mod test_drives;

fn walk_in(name: &str, phone: &str, grade: &str) -> Value {
    json!({
        "customer": {"name": name, "phones": [{"number": phone}]},
        "party_size": 2,
        "companions": [{"relation": "spouse"}],
        "models": [{"text": "途观L"}],
        "test_drive": false,
        "grade": grade,
    })
}

fn at(value: &Value) -> DateTime<Utc> {
    value.as_str().expect("a time").parse().expect("RFC 3339")
}

async fn session(t: &TestApp, w: &World, role: forecourt_domain::role::BuiltinRole) -> Session {
    t.login(&w.a.username(role)).await
}

async fn receive(t: &TestApp, s: &Session, body: Value) -> Value {
    let reply = t
        .send(
            Method::POST,
            "/api/v1/receptions",
            Auth::Session(s),
            Some(body),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
    reply.body
}

async fn lead(t: &TestApp, s: &Session, id: &str) -> Value {
    let reply = t
        .get(&format!("/api/v1/leads/{id}"), Auth::Session(s))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    reply.body
}

/// A token of the dealer's admin with the given grants.
async fn token(t: &TestApp, admin: &Session, grants: Value) -> String {
    let reply = t
        .send(
            Method::POST,
            "/api/v1/api-tokens",
            Auth::Session(admin),
            Some(json!({"name": "官网表单", "grants": grants})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
    reply.body["token"].as_str().unwrap().to_owned()
}
