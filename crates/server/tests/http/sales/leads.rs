//! Sales tests of working leads: assignment in the team, follow-ups and regrading, and
//! what a consultant sees.

use super::{at, lead, receive, session, token, walk_in};
use crate::http::support::{Auth, world};
use axum::http::{Method, StatusCode};
use chrono::Duration;
use forecourt_domain::role::BuiltinRole::*;
use serde_json::{Value, json};

crate::http_test!(async fn round_robin_and_load_share_new_leads_in_the_team(t) {
    let w = world(&t).await;
    let manager = session(&t, &w, SalesManager).await;
    let admin = session(&t, &w, Admin).await;
    let settings = t.get("/api/v1/sales/settings", Auth::Session(&manager)).await;
    let reply = t
        .send(
            Method::PATCH,
            "/api/v1/sales/settings",
            Auth::Session(&manager),
            Some(json!({
                "version": settings.body["version"],
                "assignment_mode": "round_robin",
                "assignment_team_id": w.a.team_id,
            })),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let key = token(&t, &admin, json!([{"permission": "lead:intake", "scope": "dealer"}])).await;
    let mut owners = Vec::new();
    for n in 0..6 {
        let reply = t
            .send(
                Method::POST,
                "/api/v1/lead-intake",
                Auth::Bearer(&key),
                Some(json!({"name": format!("客户{n}"), "phone": format!("1370000100{n}")})),
            )
            .await;
        // The helper sends no Idempotency-Key; send it raw instead.
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        let mut req = axum::http::Request::builder()
            .method(Method::POST)
            .uri("/api/v1/lead-intake")
            .header("authorization", format!("Bearer {key}"))
            .header("idempotency-key", format!("rr-{n}"))
            .header("content-type", "application/json");
        req = req.header("x-forwarded-for", "10.9.9.9");
        let body = json!({"name": format!("客户{n}"), "phone": format!("1370000100{n}")});
        let reply = tower::ServiceExt::oneshot(
            t.router.clone(),
            req.body(axum::body::Body::from(body.to_string())).unwrap(),
        )
        .await
        .unwrap();
        assert_eq!(reply.status(), StatusCode::CREATED);
        let bytes = http_body_util::BodyExt::collect(reply.into_body())
            .await
            .unwrap()
            .to_bytes();
        let outcome: Value = serde_json::from_slice(&bytes).unwrap();
        let lead = lead(&t, &manager, outcome["lead_id"].as_str().unwrap()).await;
        owners.push(lead["lead"]["owner"]["id"].as_str().unwrap().to_owned());
    }
    // Three people in the team work leads (two consultants and the manager): each gets two,
    // in turn.
    let mut distinct = owners.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 3, "{owners:?}");
    assert_eq!(owners[0..3], owners[3..6], "{owners:?}");

    // By load: the one with the fewest open leads gets the next. Give the first owner's leads
    // away so they have none.
    let settings = t.get("/api/v1/sales/settings", Auth::Session(&manager)).await;
    let reply = t
        .send(
            Method::PATCH,
            "/api/v1/sales/settings",
            Auth::Session(&manager),
            Some(json!({"version": settings.body["version"], "assignment_mode": "load"})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let theirs = t
        .get(
            &format!("/api/v1/leads?owner_id={}", owners[0]),
            Auth::Session(&manager),
        )
        .await;
    let ids: Vec<Value> = theirs.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].clone())
        .collect();
    assert_eq!(ids.len(), 2);
    let reply = t
        .send(
            Method::POST,
            "/api/v1/leads/bulk-assign",
            Auth::Session(&manager),
            Some(json!({"ids": ids, "owner_id": owners[1]})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert_eq!(reply.body["assigned"], 2);
    let created = t
        .send(
            Method::POST,
            "/api/v1/leads",
            Auth::Session(&manager),
            Some(json!({"customer": {"name": "新客户", "phones": [{"number": "13700002000"}]}, "source": "phone"})),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.body);
    // The manager works leads too but holds some; the emptied owner has none.
    assert_eq!(created.body["owner"]["id"].as_str().unwrap(), owners[0]);
});

crate::http_test!(async fn a_follow_up_regrades_and_schedules_the_next(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let outcome = receive(&t, &consultant, walk_in("周杰", "13600001111", "B")).await;
    let id = outcome["lead"]["id"].as_str().unwrap().to_owned();
    // B: every 14 days.
    assert_eq!(
        at(&outcome["lead"]["next_follow_up_at"]).to_rfc3339(),
        "2026-11-16T10:00:00+00:00"
    );
    t.clock.advance(Duration::days(15));
    let consultant = session(&t, &w, SalesConsultant).await;
    let overdue = t
        .get("/api/v1/leads?overdue=true", Auth::Session(&consultant))
        .await;
    assert_eq!(overdue.body["items"].as_array().unwrap().len(), 1, "{:?}", overdue.body);
    assert_eq!(overdue.body["items"][0]["follow_up_overdue"], true);

    let reply = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/follow-ups"),
            Auth::Session(&consultant),
            Some(json!({
                "version": outcome["lead"]["version"],
                "channel": "phone",
                "summary": "周末带家人来试驾",
                "grade": "H",
                "next_step": "约周六试驾",
            })),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert_eq!(reply.body["grade"], "H");
    assert_eq!(reply.body["follow_up_overdue"], false);
    // H: every 2 days from now (2026-11-17 09:00 Shanghai) → 11-19 18:00 Shanghai.
    assert_eq!(
        at(&reply.body["next_follow_up_at"]).to_rfc3339(),
        "2026-11-19T10:00:00+00:00"
    );
    // A stale version is refused.
    let stale = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/follow-ups"),
            Auth::Session(&consultant),
            Some(json!({"version": outcome["lead"]["version"], "channel": "phone", "summary": "x", "grade": "A"})),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    // A follow-up must say what was said.
    let empty = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/follow-ups"),
            Auth::Session(&consultant),
            Some(json!({"version": reply.body["version"], "channel": "phone", "summary": " ", "grade": "A"})),
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(empty.body["errors"][0]["field"], "summary");
    let detail = lead(&t, &consultant, &id).await;
    assert_eq!(detail["follow_ups"].as_array().unwrap().len(), 1);
    assert_eq!(detail["grade_history"][1]["upgrade"], true);
    assert_eq!(detail["grade_history"][1]["origin"], "follow_up");
});

crate::http_test!(async fn a_consultant_sees_only_their_own_leads(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = session(&t, &w, SalesManager).await;
    let mine = receive(&t, &consultant, walk_in("冯巩", "13600004444", "B")).await;
    let theirs = receive(&t, &manager, walk_in("陈红", "13600005555", "A")).await;
    let list = t.get("/api/v1/leads", Auth::Session(&consultant)).await;
    let ids: Vec<&str> = list.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [mine["lead"]["id"].as_str().unwrap()]);
    let other = theirs["lead"]["id"].as_str().unwrap();
    let reply = t
        .get(&format!("/api/v1/leads/{other}"), Auth::Session(&consultant))
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    let all = t.get("/api/v1/leads", Auth::Session(&manager)).await;
    assert_eq!(all.body["items"].as_array().unwrap().len(), 2);
    let board = t.get("/api/v1/leads/board", Auth::Session(&consultant)).await;
    let counts: Vec<(String, i64)> = board.body["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["grade"].as_str().unwrap().to_owned(), c["count"].as_i64().unwrap()))
        .collect();
    assert!(counts.contains(&("B".into(), 1)) && counts.contains(&("A".into(), 0)), "{counts:?}");
});
