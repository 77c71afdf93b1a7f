//! What an attacker or a careless client meets: browser security headers, no caching of
//! personal data, literal search, clear problems for oversized or badly encoded requests,
//! explicit "mark all read", and links only to records one may see.

use super::support::{Auth, Reply, Session, TestApp, World, world};
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use forecourt_domain::role::BuiltinRole::*;
use forecourt_sales::SalesExt as _;
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

async fn session(t: &TestApp, w: &World, role: forecourt_domain::role::BuiltinRole) -> Session {
    t.login(&w.a.username(role)).await
}

/// A raw request, for what the JSON helpers cannot send.
async fn raw(t: &TestApp, request: Request<Body>) -> (StatusCode, axum::http::HeaderMap, Value) {
    let response = t.router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        headers,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

crate::http_test!(async fn pages_and_the_api_carry_the_browsers_protections(t) {
    let w = world(&t).await;
    let admin = session(&t, &w, Admin).await;
    let page = t.get("/admin/users", Auth::None).await;
    let csp = page.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("script-src 'self'") && !csp.contains("script-src 'self' 'unsafe"));
    assert_eq!(page.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(page.headers[header::X_FRAME_OPTIONS], "DENY");
    assert_eq!(page.headers[header::REFERRER_POLICY], "same-origin");
    // Personal data is never kept by a cache; plain http has no HSTS.
    let me = t.get("/api/v1/customers", Auth::Session(&admin)).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.headers[header::CACHE_CONTROL], "no-store");
    assert!(!me.headers.contains_key(header::STRICT_TRANSPORT_SECURITY));
    let problem = t.get("/api/v1/customers", Auth::None).await;
    assert_eq!(problem.headers[header::CACHE_CONTROL], "no-store");
    assert_eq!(problem.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
});

crate::http_test!(async fn oversized_and_badly_encoded_requests_are_problems(t) {
    let w = world(&t).await;
    let admin = session(&t, &w, Admin).await;
    // A body over the limit: 413 problem+json.
    let big = format!("{{\"name\": \"{}\"}}", "张".repeat(1_100_000));
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/customers")
        .header(header::COOKIE, format!("forecourt_session={}", admin.cookie))
        .header("x-csrf-token", &admin.csrf)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(big))
        .unwrap();
    let (status, headers, body) = raw(&t, request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
    assert_eq!(body["code"], "payload_too_large");
    // A URL over 8 KiB: 414 problem+json.
    let long = format!("/api/v1/customers?q={}", "a".repeat(9000));
    let reply = t.get(&long, Auth::Session(&admin)).await;
    assert_eq!(reply.status, StatusCode::URI_TOO_LONG);
    assert_eq!(reply.headers[header::CONTENT_TYPE], "application/problem+json");
    assert_eq!(reply.code(), "uri_too_long");
    // Bytes that are not UTF-8 in a query: 422 naming the parameter.
    let reply = t.get("/api/v1/customers?q=%FF%FE", Auth::Session(&admin)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", reply.body);
    assert_eq!(reply.body["errors"][0]["field"], "q");
    assert_eq!(reply.body["errors"][0]["code"], "invalid_encoding");
});

crate::http_test!(async fn vehicle_search_takes_wildcards_literally(t) {
    let w = world(&t).await;
    let admin = session(&t, &w, Admin).await;
    let made = t
        .send(
            Method::POST,
            "/api/v1/vehicles",
            Auth::Session(&admin),
            Some(json!({"plate": "浙A12345"})),
        )
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{:?}", made.body);
    for q in ["%25", "_", "%25345", "A1234_"] {
        let found = t
            .get(&format!("/api/v1/vehicles?q={q}"), Auth::Session(&admin))
            .await;
        assert_eq!(found.status, StatusCode::OK, "{:?}", found.body);
        assert!(
            found.body["items"].as_array().unwrap().is_empty(),
            "q={q}: {:?}",
            found.body
        );
    }
    let found = t.get("/api/v1/vehicles?q=2345", Auth::Session(&admin)).await;
    assert_eq!(found.body["items"].as_array().unwrap().len(), 1);
});

crate::http_test!(async fn marking_all_read_is_explicit(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = session(&t, &w, SalesManager).await;
    // Two notifications for the manager: two cancellation requests.
    for phone in ["13712340201", "13712340202"] {
        t.send(
            Method::POST,
            "/api/v1/receptions",
            Auth::Session(&consultant),
            Some(json!({"customer": {"name": "张无忌", "phones": [{"number": phone}]},
                        "models": [{"text": "途观L"}], "grade": "H"})),
        )
        .await;
    }
    t.clock.advance(chrono::Duration::days(2));
    t.app.sales().push_follow_up_tasks().await.unwrap();
    let consultant = session(&t, &w, SalesConsultant).await;
    let work = t.get("/api/v1/my-work", Auth::Session(&consultant)).await;
    for task in work.body["today"].as_array().unwrap() {
        let asked = t
            .send(
                Method::POST,
                &format!("/api/v1/activities/{}/cancel", task["id"].as_str().unwrap()),
                Auth::Session(&consultant),
                Some(json!({"version": task["version"], "reason": "客户出差"})),
            )
            .await;
        assert_eq!(asked.status, StatusCode::OK, "{:?}", asked.body);
    }
    let manager = {
        let _ = manager;
        session(&t, &w, SalesManager).await
    };
    let unread = |reply: Reply| reply.body["unread"].as_u64().unwrap();
    let count = unread(t.get("/api/v1/notifications/unread-count", Auth::Session(&manager)).await);
    assert!(count >= 2, "{count}");
    for body in [json!({"ids": []}), json!({"ids": null}), json!({})] {
        let reply = t
            .send(Method::POST, "/api/v1/notifications/read", Auth::Session(&manager), Some(body))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
        assert_eq!(unread(reply), count, "an empty list marks nothing");
    }
    let reply = t
        .send(
            Method::POST,
            "/api/v1/notifications/read",
            Auth::Session(&manager),
            Some(json!({"all": true})),
        )
        .await;
    assert_eq!(unread(reply), 0);
});

crate::http_test!(async fn an_activity_links_only_to_records_one_may_see(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let colleague = t.login("da-target").await;
    let other_dealer = t.login(&w.b.username(SalesConsultant)).await;
    let theirs = t
        .send(
            Method::POST,
            "/api/v1/receptions",
            Auth::Session(&colleague),
            Some(json!({"customer": {"name": "殷素素", "phones": [{"number": "13712340301"}]},
                        "models": [{"text": "途观L"}], "grade": "B"})),
        )
        .await;
    let lead_id = theirs.body["lead"]["id"].as_str().unwrap().to_owned();
    let plan = |s: &Session, ref_type: &str, ref_id: &str| {
        let t = &t;
        let body = json!({"kind": "task", "subject": "看看", "due_at": "2026-11-03T02:00:00Z",
                          "ref_type": ref_type, "ref_id": ref_id});
        let s = s.clone();
        async move {
            t.send(Method::POST, "/api/v1/activities", Auth::Session(&s), Some(body))
                .await
        }
    };
    // A colleague's lead, another dealer's lead, a made-up one: all refused alike.
    for reply in [
        plan(&consultant, "lead", &lead_id).await,
        plan(&other_dealer, "lead", &lead_id).await,
        plan(&consultant, "lead", &uuid::Uuid::now_v7().to_string()).await,
    ] {
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", reply.body);
        assert_eq!(reply.body["errors"][0]["field"], "ref_id");
    }
    let unknown = plan(&consultant, "spaceship", &lead_id).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unknown.body["errors"][0]["field"], "ref_type");
    // The colleague's own lead is fine for them.
    let ok = plan(&colleague, "lead", &lead_id).await;
    assert_eq!(ok.status, StatusCode::CREATED, "{:?}", ok.body);
    assert_eq!(t.count("activities").await, 1);
});
