//! The work engine over HTTP: overlap warnings as problem+json, the private iCalendar feed.

use super::support::{Auth, world};
use axum::http::{Method, StatusCode, header};
use serde_json::json;

crate::http_test!(async fn overlaps_are_problems_and_feeds_are_icalendar(t) {
    let w = world(&t).await;
    let session = t.login(&w.a.username(forecourt_domain::role::BuiltinRole::SalesConsultant)).await;
    let slot = json!({"kind": "appointment", "subject": "试驾 途观L", "starts_at": "2026-11-03T02:00:00Z", "ends_at": "2026-11-03T03:00:00Z"});
    let first = t.send(Method::POST, "/api/v1/activities", Auth::Session(&session), Some(slot.clone())).await;
    assert_eq!(first.status, StatusCode::CREATED, "{:?}", first.body);
    let clash = t.send(Method::POST, "/api/v1/activities", Auth::Session(&session), Some(slot.clone())).await;
    assert_eq!(clash.status, StatusCode::CONFLICT);
    assert_eq!(clash.code(), "schedule_conflict");
    assert_eq!(clash.body["conflicts"][0]["id"], first.body["id"]);
    let mut allowed = slot.clone();
    allowed["allow_overlap"] = json!(true);
    let second = t.send(Method::POST, "/api/v1/activities", Auth::Session(&session), Some(allowed)).await;
    assert_eq!(second.status, StatusCode::CREATED);
    let bad = t.send(Method::POST, "/api/v1/activities", Auth::Session(&session), Some(json!({"kind": "task", "subject": "", "remind_minutes_before": -5}))).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = bad.body["errors"].as_array().unwrap().iter().filter_map(|e| e["field"].as_str()).collect();
    assert!(fields.contains(&"subject") && fields.contains(&"remind_minutes_before"), "{fields:?}");

    let none = t.get("/api/v1/me/calendar-feed", Auth::Session(&session)).await;
    assert_eq!(none.body, json!({"active": false, "created_at": null, "last_used_at": null}));
    let feed = t.send(Method::POST, "/api/v1/me/calendar-feed", Auth::Session(&session), None).await;
    assert_eq!(feed.status, StatusCode::CREATED);
    let path = feed.body["path"].as_str().unwrap().to_owned();
    let status = t.get("/api/v1/me/calendar-feed", Auth::Session(&session)).await;
    assert_eq!(status.body["active"], true);
    assert_eq!(status.body["created_at"], feed.body["created_at"]);
    assert!(status.body.get("token").is_none() && !status.body.to_string().contains(feed.body["token"].as_str().unwrap()), "the token is never shown again");
    let ics = t.get(&path, Auth::None).await;
    assert_eq!(ics.status, StatusCode::OK);
    assert!(ics.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/calendar"));
    let text = ics.body.as_str().unwrap();
    assert!(text.contains("BEGIN:VEVENT") && text.contains("DTSTART:20261103T020000Z"), "{text}");
    let used = t.get("/api/v1/me/calendar-feed", Auth::Session(&session)).await;
    assert!(used.body["last_used_at"].is_string(), "the fetch is recorded: {}", used.body);
    let revoked = t.send(Method::DELETE, "/api/v1/me/calendar-feed", Auth::Session(&session), None).await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT);
    assert_eq!(t.get("/api/v1/me/calendar-feed", Auth::Session(&session)).await.body["active"], false);
    let gone = t.get(&path, Auth::None).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    assert_eq!(gone.code(), "not_found");
});
