//! Sales tests of reception and intake: walk-ins, paper forms, and leads arriving
//! from outside (replays, retries, joining open leads).

use super::{at, lead, receive, session, token, walk_in};
use crate::http::support::{Auth, world};
use axum::http::{Method, StatusCode};
use chrono::Duration;
use forecourt_domain::role::BuiltinRole::*;
use serde_json::{Value, json};

crate::http_test!(async fn a_walk_in_makes_customer_and_lead_and_a_second_visit_updates_them(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let first = receive(&t, &consultant, walk_in("王小明", "139 0000 1111", "A")).await;
    assert_eq!(first["customer_created"], true);
    assert_eq!(first["lead_created"], true);
    assert_eq!(first["reception"]["first_visit"], true);
    assert_eq!(first["lead"]["grade"], "A");
    assert_eq!(first["lead"]["source"], "walk_in");
    assert_eq!(first["lead"]["status"], "open");
    // A: every 7 days, due by the dealer's follow-up hour (18:00 Shanghai = 10:00 UTC).
    let due = at(&first["lead"]["next_follow_up_at"]);
    assert_eq!(due.to_rfc3339(), "2026-11-09T10:00:00+00:00");
    let lead_id = first["lead"]["id"].as_str().unwrap().to_owned();

    t.clock.advance(Duration::days(2));
    let consultant = session(&t, &w, SalesConsultant).await;
    let second = receive(&t, &consultant, walk_in("王小明", "13900001111", "H")).await;
    assert_eq!(second["customer_created"], false);
    assert_eq!(second["lead_created"], false);
    assert_eq!(second["reception"]["first_visit"], false);
    assert_eq!(second["lead"]["id"], lead_id.as_str());
    assert_eq!(second["lead"]["grade"], "H");

    let detail = lead(&t, &consultant, &lead_id).await;
    let history = detail["grade_history"].as_array().unwrap();
    assert_eq!(history.len(), 2, "{history:?}");
    assert_eq!(history[1]["from"], "A");
    assert_eq!(history[1]["to"], "H");
    assert_eq!(history[1]["upgrade"], true);
    assert_eq!(history[1]["origin"], "reception");
    assert_eq!(detail["receptions"].as_array().unwrap().len(), 2);
    assert_eq!(t.count("customers").await, 1);
});

crate::http_test!(async fn paper_forms_are_saved_row_by_row(t) {
    let w = world(&t).await;
    let assistant = session(&t, &w, SalesAssistant).await;
    let consultant_id = {
        let s = session(&t, &w, SalesConsultant).await;
        t.get("/api/v1/me", Auth::Session(&s)).await.body["user"]["id"].clone()
    };
    let mut good = walk_in("李娜", "13900002222", "B");
    good["consultant_id"] = consultant_id.clone();
    good["arrived_at"] = json!("2026-11-01T02:00:00Z");
    good["left_at"] = json!("2026-11-01T03:10:00Z");
    let mut bad = walk_in("赵六", "12345", "B");
    bad["consultant_id"] = consultant_id.clone();
    let mut third = walk_in("钱七", "13900003333", "C");
    third["consultant_id"] = consultant_id;
    let reply = t
        .send(
            Method::POST,
            "/api/v1/receptions/bulk",
            Auth::Session(&assistant),
            Some(json!({"rows": [good, bad, third]})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert_eq!(reply.body["saved"], 2);
    assert_eq!(reply.body["failed"], 1);
    let rows = reply.body["rows"].as_array().unwrap();
    assert!(rows[0]["errors"].as_array().unwrap().is_empty());
    let errors = rows[1]["errors"].as_array().unwrap();
    assert!(
        errors.iter().any(|e| e["field"].as_str().unwrap().contains("phones")),
        "{errors:?}"
    );
    assert!(rows[1]["lead_id"].is_null());
    // The assistant entered them; the consultant owns the leads.
    let consultant = session(&t, &w, SalesConsultant).await;
    let mine = t.get("/api/v1/leads", Auth::Session(&consultant)).await;
    assert_eq!(mine.body["items"].as_array().unwrap().len(), 2);
    assert_eq!(t.count("receptions").await, 2);
});

crate::http_test!(async fn intake_replays_retries_and_joins_open_leads(t) {
    let w = world(&t).await;
    let admin = session(&t, &w, Admin).await;
    let key = token(&t, &admin, json!([{"permission": "lead:intake", "scope": "dealer"}])).await;
    let form = json!({"name": "孙悟空", "phone": "13700001234", "message": "想了解途观L", "source": "web"});
    let post = |k: Option<&'static str>, body: Value| {
        let t = &t;
        let key = key.clone();
        async move {
            let mut req = axum::http::Request::builder()
                .method(Method::POST)
                .uri("/api/v1/lead-intake")
                .header("authorization", format!("Bearer {key}"))
                .header("content-type", "application/json");
            if let Some(k) = k {
                req = req.header("idempotency-key", k);
            }
            let reply = tower::ServiceExt::oneshot(
                t.router.clone(),
                req.body(axum::body::Body::from(body.to_string())).unwrap(),
            )
            .await
            .unwrap();
            let status = reply.status();
            let bytes = http_body_util::BodyExt::collect(reply.into_body())
                .await
                .unwrap()
                .to_bytes();
            (status, serde_json::from_slice::<Value>(&bytes).unwrap())
        }
    };
    let (status, first) = post(Some("form-1"), form.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{first:?}");
    assert_eq!(first["created"], true);
    assert_eq!(first["replayed"], false);
    let (status, again) = post(Some("form-1"), form.clone()).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(again["replayed"], true);
    assert_eq!(again["lead_id"], first["lead_id"]);
    let (status, reused) = post(Some("form-1"), json!({"name": "猪八戒", "phone": "13700005678"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{reused:?}");
    assert_eq!(reused["errors"][0]["field"], "idempotency-key");
    assert_eq!(reused["errors"][0]["code"], "key_reused");
    let (status, missing) = post(None, form.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{missing:?}");
    assert_eq!(missing["errors"][0]["field"], "idempotency-key");
    // Another form from the same phone joins the open lead.
    let (status, joined) = post(Some("form-2"), json!({"name": "孙悟空", "phone": "+86 137-0000-1234"})).await;
    assert_eq!(status, StatusCode::OK, "{joined:?}");
    assert_eq!(joined["created"], false);
    assert_eq!(joined["lead_id"], first["lead_id"]);
    assert_eq!(t.count("leads").await, 1);
    assert_eq!(t.count("customers").await, 1);
    // A token without lead:intake is refused and writes nothing.
    let (status, _) = {
        let other = token(&t, &admin, json!([{"permission": "lead:read", "scope": "dealer"}])).await;
        let reply = t
            .send(
                Method::POST,
                "/api/v1/lead-intake",
                Auth::Bearer(&other),
                Some(json!({"name": "唐僧", "phone": "13700009999"})),
            )
            .await;
        (reply.status, reply.body)
    };
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(t.count("leads").await, 1);
});
