//! Sales through the API: reception, leads, intake, assignment, follow-ups, loss, the
//! pipeline, test drives and the morning report.

use super::support::{Auth, Session, TestApp, World, world};
use axum::http::{Method, StatusCode};
use chrono::{DateTime, Duration, Utc};
use forecourt_domain::role::BuiltinRole::*;
use serde_json::{Value, json};

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

crate::http_test!(async fn a_loss_needs_reason_competitor_and_approval_and_can_be_reopened(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = session(&t, &w, SalesManager).await;
    let outcome = receive(&t, &consultant, walk_in("吴磊", "13600002222", "C")).await;
    let id = outcome["lead"]["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/leads/{id}/lost");
    let version = outcome["lead"]["version"].clone();

    let missing = t
        .send(
            Method::POST,
            &path,
            Auth::Session(&consultant),
            Some(json!({"version": version, "reason": "bought_competitor"})),
        )
        .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", missing.body);
    assert_eq!(missing.body["errors"][0]["field"], "competitor_brand");
    let unknown = t
        .send(
            Method::POST,
            &path,
            Auth::Session(&consultant),
            Some(json!({"version": version, "reason": "no_such_reason", "competitor_brand": "丰田"})),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unknown.body["errors"][0]["field"], "reason");

    let pending = t
        .send(
            Method::POST,
            &path,
            Auth::Session(&consultant),
            Some(json!({"version": version, "reason": "bought_competitor", "competitor_brand": "丰田", "competitor_model": "RAV4荣放"})),
        )
        .await;
    assert_eq!(pending.status, StatusCode::OK, "{:?}", pending.body);
    assert_eq!(pending.body["status"], "lost_pending");
    assert_eq!(pending.body["grade"], "C");
    // The consultant cannot decide their own loss.
    let own = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/lost-decision"),
            Auth::Session(&consultant),
            Some(json!({"version": pending.body["version"], "approve": true})),
        )
        .await;
    assert_eq!(own.status, StatusCode::FORBIDDEN);
    let approved = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/lost-decision"),
            Auth::Session(&manager),
            Some(json!({"version": pending.body["version"], "approve": true})),
        )
        .await;
    assert_eq!(approved.status, StatusCode::OK, "{:?}", approved.body);
    assert_eq!(approved.body["status"], "lost");
    assert_eq!(approved.body["grade"], "F");
    assert_eq!(approved.body["lost"]["competitor_brand"], "丰田");
    assert!(approved.body["next_follow_up_at"].is_null());

    let reopened = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/reopen"),
            Auth::Session(&consultant),
            Some(json!({"version": approved.body["version"], "grade": "B", "note": "竞品没提到车，回来了"})),
        )
        .await;
    assert_eq!(reopened.status, StatusCode::OK, "{:?}", reopened.body);
    assert_eq!(reopened.body["status"], "open");
    assert_eq!(reopened.body["grade"], "B");
    assert!(!reopened.body["next_follow_up_at"].is_null());
    let detail = lead(&t, &consultant, &id).await;
    let origins: Vec<&str> = detail["grade_history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["origin"].as_str().unwrap())
        .collect();
    assert_eq!(origins, ["reception", "lost", "reopened"]);
});

crate::http_test!(async fn a_manager_refusing_a_loss_keeps_the_lead_worked(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = session(&t, &w, SalesManager).await;
    let outcome = receive(&t, &consultant, walk_in("郑爽", "13600003333", "A")).await;
    let id = outcome["lead"]["id"].as_str().unwrap().to_owned();
    let pending = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/lost"),
            Auth::Session(&consultant),
            Some(json!({"version": outcome["lead"]["version"], "reason": "postponed"})),
        )
        .await;
    assert_eq!(pending.body["status"], "lost_pending", "{:?}", pending.body);
    let refused = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/lost-decision"),
            Auth::Session(&manager),
            Some(json!({"version": pending.body["version"], "approve": false})),
        )
        .await;
    assert_eq!(refused.status, StatusCode::OK, "{:?}", refused.body);
    assert_eq!(refused.body["status"], "open");
    assert_eq!(refused.body["grade"], "A");
    // The manager's own loss needs no approval.
    let direct = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/lost"),
            Auth::Session(&manager),
            Some(json!({"version": refused.body["version"], "reason": "financing_refused"})),
        )
        .await;
    assert_eq!(direct.body["status"], "lost", "{:?}", direct.body);
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

crate::http_test!(async fn dragging_an_opportunity_moves_its_stage_and_feeds_the_funnel(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let outcome = receive(&t, &consultant, walk_in("蒋欣", "13600006666", "A")).await;
    let lead_id = outcome["lead"]["id"].as_str().unwrap().to_owned();
    let opened = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{lead_id}/opportunity"),
            Auth::Session(&consultant),
            Some(json!({"amount_fen": 21_980_000, "expected_on": "2026-11-30", "competitors": ["丰田 RAV4"]})),
        )
        .await;
    assert_eq!(opened.status, StatusCode::CREATED, "{:?}", opened.body);
    let opp = opened.body["id"].as_str().unwrap().to_owned();
    let stages = t.get("/api/v1/pipeline-stages", Auth::Session(&consultant)).await;
    let stage = |key: &str| {
        stages.body.as_array().unwrap().iter().find(|s| s["key"] == key).unwrap()["id"].clone()
    };
    let names: Vec<&str> = stages
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["需求确认", "试驾", "报价", "谈判", "签约", "交车"]);
    assert_eq!(opened.body["stage"]["id"], stage("needs"));

    t.clock.advance(Duration::hours(1));
    let moved = t
        .send(
            Method::POST,
            &format!("/api/v1/opportunities/{opp}/stage"),
            Auth::Session(&consultant),
            Some(json!({"version": opened.body["version"], "stage_id": stage("quote")})),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{:?}", moved.body);
    assert_eq!(moved.body["stage"]["key"], "quote");
    let signed = t
        .send(
            Method::POST,
            &format!("/api/v1/opportunities/{opp}/stage"),
            Auth::Session(&consultant),
            Some(json!({"version": moved.body["version"], "stage_id": stage("contract")})),
        )
        .await;
    assert_eq!(signed.status, StatusCode::OK, "{:?}", signed.body);
    // Signing orders the lead: grade O.
    let detail = lead(&t, &consultant, &lead_id).await;
    assert_eq!(detail["lead"]["grade"], "O");
    let got = t
        .get(&format!("/api/v1/opportunities/{opp}"), Auth::Session(&consultant))
        .await;
    let history: Vec<&str> = got.body["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["to"]["key"].as_str().unwrap_or_else(|| h["to"].as_str().unwrap()))
        .collect();
    assert_eq!(history.len(), 3, "{:?}", got.body["history"]);

    // The funnel: one opportunity reached needs, quote and contract (test drive and
    // negotiation were skipped but count as passed), none reached delivery.
    let funnel = t.get("/api/v1/opportunities/funnel", Auth::Session(&consultant)).await;
    assert_eq!(funnel.status, StatusCode::OK, "{:?}", funnel.body);
    assert_eq!(funnel.body["opened"], 1);
    let reached: Vec<i64> = funnel.body["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["reached"].as_i64().unwrap())
        .collect();
    assert_eq!(reached, [1, 1, 1, 1, 1, 0]);
    // The board shows the card in the contract column with its weighted amount (90%).
    let board = t.get("/api/v1/opportunities/board", Auth::Session(&consultant)).await;
    let column = board.body["columns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["stage"]["key"] == "contract")
        .unwrap()
        .clone();
    assert_eq!(column["count"], 1);
    assert_eq!(column["weighted_fen"], 19_782_000);

    // Another consultant's card cannot be moved by a consultant who does not own it.
    let stale = t
        .send(
            Method::POST,
            &format!("/api/v1/opportunities/{opp}/stage"),
            Auth::Session(&consultant),
            Some(json!({"version": moved.body["version"], "stage_id": stage("negotiation")})),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
});

/// A car, a customer with an open lead, and the consultant's session.
async fn drive_setup(t: &TestApp, w: &World) -> (Session, String, String) {
    let manager = session(t, w, SalesManager).await;
    let car = t
        .send(
            Method::POST,
            "/api/v1/test-drive-cars",
            Auth::Session(&manager),
            Some(json!({"name": "途观L 白色试驾车", "plate": "浙A12345", "colour": "白"})),
        )
        .await;
    assert_eq!(car.status, StatusCode::CREATED, "{:?}", car.body);
    let consultant = session(t, w, SalesConsultant).await;
    let outcome = receive(t, &consultant, walk_in("韩梅梅", "13600007777", "A")).await;
    (
        consultant,
        car.body["id"].as_str().unwrap().to_owned(),
        outcome["reception"]["customer"]["id"]
            .as_str()
            .unwrap()
            .to_owned(),
    )
}

crate::http_test!(async fn concurrent_bookings_of_one_car_let_exactly_one_through(t) {
    let w = world(&t).await;
    let (consultant, car, customer) = drive_setup(&t, &w).await;
    let book = |start: &str, end: &str| {
        json!({"car_id": car, "customer_id": customer, "starts_at": start, "ends_at": end,
               "licence_number": "11010519491231002X"})
    };
    let attempts = (0..6).map(|n| {
        // Overlapping windows, each a little different.
        let start = format!("2026-11-03T0{}:00:00Z", 2 + n % 2);
        let end = format!("2026-11-03T0{}:30:00Z", 3 + n % 2);
        t.send(Method::POST, "/api/v1/test-drives", Auth::Session(&consultant), Some(book(&start, &end)))
    });
    let replies = futures_util::future::join_all(attempts).await;
    let created = replies.iter().filter(|r| r.status == StatusCode::CREATED).count();
    let conflicts: Vec<_> = replies.iter().filter(|r| r.status == StatusCode::CONFLICT).collect();
    assert_eq!(created, 1, "{:?}", replies.iter().map(|r| (r.status, r.body.clone())).collect::<Vec<_>>());
    assert_eq!(conflicts.len(), 5);
    for reply in conflicts {
        assert_eq!(reply.code(), "schedule_conflict", "{:?}", reply.body);
    }
    assert_eq!(t.count("test_drive_bookings").await, 1);
    // Back to back is fine; the licence is masked.
    let next = t
        .send(Method::POST, "/api/v1/test-drives", Auth::Session(&consultant),
            Some(book("2026-11-03T05:00:00Z", "2026-11-03T05:30:00Z")))
        .await;
    assert_eq!(next.status, StatusCode::CREATED, "{:?}", next.body);
    assert_eq!(next.body["licence"], "**************002X");
});

crate::http_test!(async fn the_database_itself_refuses_an_overlapping_booking(t) {
    let w = world(&t).await;
    let (consultant, car, customer) = drive_setup(&t, &w).await;
    for (start, end) in [
        ("2026-11-03T02:00:00Z", "2026-11-03T03:00:00Z"),
        ("2026-11-03T04:00:00Z", "2026-11-03T05:00:00Z"),
    ] {
        let reply = t
            .send(Method::POST, "/api/v1/test-drives", Auth::Session(&consultant),
                Some(json!({"car_id": car, "customer_id": customer, "starts_at": start, "ends_at": end})))
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
    }
    // Straight into the table, past the application's own check: move the later booking
    // onto the earlier one.
    use forecourt_db::ConnectionTrait;
    let conn = t.db.db.conn();
    let backend = conn.get_database_backend();
    let sql = "UPDATE test_drive_bookings \
        SET starts_at = (SELECT MIN(b.starts_at) FROM test_drive_bookings b), \
            ends_at = (SELECT MIN(b.ends_at) FROM test_drive_bookings b) \
        WHERE starts_at = (SELECT MAX(b.starts_at) FROM test_drive_bookings b)";
    let err = conn
        .execute_raw(sea_orm::Statement::from_string(backend, sql))
        .await
        .expect_err("the database refuses the overlap");
    assert!(err.to_string().contains("exclusion") || err.to_string().contains("overlap"), "{err}");
    // A cancelled booking no longer holds the car.
    let sql = "UPDATE test_drive_bookings SET status = 'cancelled' \
        WHERE starts_at = (SELECT MIN(b.starts_at) FROM test_drive_bookings b)";
    conn.execute_raw(sea_orm::Statement::from_string(backend, sql)).await.unwrap();
    let reply = t
        .send(Method::POST, "/api/v1/test-drives", Auth::Session(&consultant),
            Some(json!({"car_id": car, "customer_id": customer,
                "starts_at": "2026-11-03T02:30:00Z", "ends_at": "2026-11-03T03:30:00Z"})))
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
});

crate::http_test!(async fn feedback_after_a_drive_can_regrade_the_lead(t) {
    let w = world(&t).await;
    let (consultant, car, customer) = drive_setup(&t, &w).await;
    let booked = t
        .send(Method::POST, "/api/v1/test-drives", Auth::Session(&consultant),
            Some(json!({"car_id": car, "customer_id": customer,
                "starts_at": "2026-11-02T02:00:00Z", "ends_at": "2026-11-02T02:45:00Z"})))
        .await;
    assert_eq!(booked.status, StatusCode::CREATED, "{:?}", booked.body);
    let id = booked.body["id"].as_str().unwrap();
    t.clock.advance(Duration::hours(2));
    let no_licence = t
        .send(Method::POST, &format!("/api/v1/test-drives/{id}/feedback"), Auth::Session(&consultant),
            Some(json!({"version": booked.body["version"], "rating": 5, "grade": "H"})))
        .await;
    assert_eq!(no_licence.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", no_licence.body);
    assert_eq!(no_licence.body["errors"][0]["field"], "licence_number");
    let bad_licence = t
        .send(Method::POST, &format!("/api/v1/test-drives/{id}/feedback"), Auth::Session(&consultant),
            Some(json!({"version": booked.body["version"], "rating": 5, "grade": "H", "licence_number": "110105194912310021"})))
        .await;
    assert_eq!(bad_licence.status, StatusCode::UNPROCESSABLE_ENTITY);
    let done = t
        .send(Method::POST, &format!("/api/v1/test-drives/{id}/feedback"), Auth::Session(&consultant),
            Some(json!({"version": booked.body["version"], "rating": 5, "liked": "动力好", "concerns": "后排略窄",
                "grade": "H", "licence_number": "11010519491231002X"})))
        .await;
    assert_eq!(done.status, StatusCode::OK, "{:?}", done.body);
    assert_eq!(done.body["status"], "done");
    assert_eq!(done.body["feedback"]["rating"], 5);
    let lead_id = done.body["lead_id"].as_str().unwrap();
    let detail = lead(&t, &consultant, lead_id).await;
    assert_eq!(detail["lead"]["grade"], "H");
    assert_eq!(detail["grade_history"].as_array().unwrap().last().unwrap()["origin"], "test_drive");
    // The licence is stored encrypted, never in the clear.
    assert_eq!(
        t.count_where("test_drive_bookings", "licence_cipher LIKE '%11010519491231002X%'").await,
        0
    );
});

crate::http_test!(async fn the_morning_report_counts_what_happened_in_the_dealers_day(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = session(&t, &w, SalesManager).await;
    // Yesterday (Shanghai): one walk-in, which must not count today.
    t.clock.set(t.clock_now() - Duration::days(1));
    receive(&t, &consultant, walk_in("昨日客", "13500000001", "C")).await;
    t.clock.set(t.clock_now() + Duration::days(1));
    // Today: two walk-ins for the consultant, one upgraded by a follow-up, one lost; one for
    // the manager.
    let a = receive(&t, &consultant, walk_in("甲", "13500000002", "B")).await;
    let b = receive(&t, &consultant, walk_in("乙", "13500000003", "C")).await;
    receive(&t, &manager, walk_in("丙", "13500000004", "A")).await;
    let reply = t
        .send(Method::POST, &format!("/api/v1/leads/{}/follow-ups", a["lead"]["id"].as_str().unwrap()),
            Auth::Session(&consultant),
            Some(json!({"version": a["lead"]["version"], "channel": "wechat", "summary": "报价满意", "grade": "H"})))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let lost = t
        .send(Method::POST, &format!("/api/v1/leads/{}/lost", b["lead"]["id"].as_str().unwrap()),
            Auth::Session(&manager),
            Some(json!({"version": b["lead"]["version"], "reason": "price", "competitor_brand": "比亚迪"})))
        .await;
    assert_eq!(lost.status, StatusCode::OK, "{:?}", lost.body);

    let report = t.get("/api/v1/sales/report?period=today", Auth::Session(&manager)).await;
    assert_eq!(report.status, StatusCode::OK, "{:?}", report.body);
    let total = &report.body["totals"];
    assert_eq!(total["new_leads"], 3, "{total:?}");
    assert_eq!(total["visits"], 3);
    assert_eq!(total["grade_upgrades"], 1);
    assert_eq!(total["lost"], 1);
    let me_id = t.get("/api/v1/me", Auth::Session(&consultant)).await.body["user"]["id"].clone();
    let row = report.body["consultants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["user"]["id"] == me_id)
        .unwrap()
        .clone();
    assert_eq!(row["figures"]["new_leads"], 2, "{row:?}");
    let walk_ins = report.body["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == "walk_in")
        .unwrap()["count"]
        .clone();
    assert_eq!(walk_ins, 3);

    // The week (Monday 2 November onwards) leaves out Sunday's walk-in too; the month holds it.
    let week = t.get("/api/v1/sales/report?period=week", Auth::Session(&manager)).await;
    assert_eq!(week.body["totals"]["new_leads"], 3);
    let month = t.get("/api/v1/sales/report?period=month", Auth::Session(&manager)).await;
    assert_eq!(month.body["totals"]["new_leads"], 4);
    // The consultant's home page: their own numbers only.
    let mine = t.get("/api/v1/sales/report?mine=true", Auth::Session(&consultant)).await;
    assert_eq!(mine.status, StatusCode::OK, "{:?}", mine.body);
    assert_eq!(mine.body["totals"]["new_leads"], 2);
    // A consultant's report is theirs alone, whatever they ask for.
    let own = t.get("/api/v1/sales/report", Auth::Session(&consultant)).await;
    assert_eq!(own.status, StatusCode::OK);
    assert_eq!(own.body["consultants"].as_array().unwrap().len(), 1);
    assert_eq!(own.body["totals"]["new_leads"], 2);
});

crate::http_test!(async fn a_loss_waits_in_the_managers_approvals_and_is_decided_there(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = session(&t, &w, SalesManager).await;
    let outcome = receive(&t, &consultant, walk_in("许晴", "13600008888", "B")).await;
    let id = outcome["lead"]["id"].as_str().unwrap().to_owned();
    let pending = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/lost"),
            Auth::Session(&consultant),
            Some(json!({"version": outcome["lead"]["version"], "reason": "bought_competitor",
                "competitor_brand": "本田", "competitor_model": "CR-V"})),
        )
        .await;
    assert_eq!(pending.body["status"], "lost_pending", "{:?}", pending.body);
    let waiting = t
        .get("/api/v1/approvals?box=waiting", Auth::Session(&manager))
        .await;
    let request = waiting.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "lead.lost")
        .cloned()
        .unwrap_or_else(|| panic!("{:?}", waiting.body));
    assert_eq!(request["title"], "许晴");
    let approved = t
        .send(
            Method::POST,
            &format!("/api/v1/approvals/{}/approve", request["id"].as_str().unwrap()),
            Auth::Session(&manager),
            Some(json!({"version": request["version"]})),
        )
        .await;
    assert_eq!(approved.status, StatusCode::OK, "{:?}", approved.body);
    let lead = lead(&t, &consultant, &id).await;
    assert_eq!(lead["lead"]["status"], "lost");
    assert_eq!(lead["lead"]["grade"], "F");
    assert_eq!(
        t.count_where("notifications", "kind = 'approval.approved'").await,
        1
    );
    // Deciding on the lead page closes the request too.
    let again = receive(&t, &consultant, walk_in("许晴二", "13600009999", "C")).await;
    let again_id = again["lead"]["id"].as_str().unwrap().to_owned();
    let pending = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{again_id}/lost"),
            Auth::Session(&consultant),
            Some(json!({"version": again["lead"]["version"], "reason": "postponed"})),
        )
        .await;
    let refused = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{again_id}/lost-decision"),
            Auth::Session(&manager),
            Some(json!({"version": pending.body["version"], "approve": false})),
        )
        .await;
    assert_eq!(refused.body["status"], "open", "{:?}", refused.body);
    assert_eq!(
        t.count_where("approval_requests", "kind = 'lead.lost' AND status = 'pending'").await,
        0
    );
});
