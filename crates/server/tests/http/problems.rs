//! Errors are problem+json with a stable code and the invalid fields; every response carries a
//! request id.

use super::support::{Auth, world};
use axum::http::{Method, StatusCode, header};
use serde_json::json;

crate::http_test!(async fn bad_input_names_the_field(t) {
    let _w = world(&t).await;
    let admin = t.login("da-admin").await;
    let missing = t.send(Method::POST, "/api/v1/teams", Auth::Session(&admin), Some(json!({}))).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(missing.headers.get(header::CONTENT_TYPE).unwrap(), "application/problem+json");
    assert_eq!(missing.code(), "validation_failed");
    assert_eq!(missing.body["errors"][0], json!({"field": "name", "code": "required", "message": "is required"}));
    assert!(missing.body["type"].as_str().unwrap().ends_with(":validation_failed"));

    let wrong_type = t.send(Method::POST, "/api/v1/teams", Auth::Session(&admin), Some(json!({"name": 42}))).await;
    assert_eq!(wrong_type.body["errors"][0]["field"], "name");
    assert_eq!(wrong_type.body["errors"][0]["code"], "invalid_type");

    let many = t
        .send(Method::POST, "/api/v1/users", Auth::Session(&admin), Some(json!({"username": "x", "display_name": " ", "password": "x", "role": "nope", "phone": "12345", "email": "nope"})))
        .await;
    let fields: Vec<&str> = many.body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    for field in ["username", "display_name", "password", "phone", "email", "role"] {
        assert!(fields.contains(&field), "{field} missing from {fields:?}");
    }

    let bad_query = t.get("/api/v1/users?limit=many", Auth::Session(&admin)).await;
    assert_eq!(bad_query.body["errors"][0]["field"], "limit");
    let bad_sort = t.get("/api/v1/users?sort=password", Auth::Session(&admin)).await;
    assert_eq!(bad_sort.body["errors"][0]["field"], "sort");
    let bad_cursor = t.get("/api/v1/users?cursor=garbage", Auth::Session(&admin)).await;
    assert_eq!(bad_cursor.body["errors"][0]["code"], "invalid_cursor");
});

crate::http_test!(async fn malformed_requests_and_unknown_routes(t) {
    let _w = world(&t).await;
    let admin = t.login("da-admin").await;
    let request = axum::http::Request::builder()
        .method(Method::POST)
        .uri("/api/v1/teams")
        .header(header::COOKIE, format!("forecourt_session={}", admin.cookie))
        .header("x-csrf-token", &admin.csrf)
        .header(header::CONTENT_TYPE, "application/json")
        .body(axum::body::Body::from("{\"name\": "))
        .unwrap();
    let response = tower::ServiceExt::oneshot(t.router.clone(), request).await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    let not_json = axum::http::Request::builder()
        .method(Method::POST)
        .uri("/api/v1/auth/login")
        .header(header::CONTENT_TYPE, "text/plain")
        .body(axum::body::Body::from("username=x"))
        .unwrap();
    let response = tower::ServiceExt::oneshot(t.router.clone(), not_json).await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    let unknown = t.get("/api/v1/does-not-exist", Auth::Session(&admin)).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.code(), "route_not_found");
    let method = t.send(Method::DELETE, "/api/v1/users", Auth::Session(&admin), None).await;
    assert_eq!(method.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(method.code(), "method_not_allowed");
    let bad_id = t.get("/api/v1/users/not-a-uuid", Auth::Session(&admin)).await;
    assert_eq!(bad_id.status, StatusCode::NOT_FOUND);

    let huge = "x".repeat(3 * 1024 * 1024);
    let too_big = t.send(Method::POST, "/api/v1/teams", Auth::Session(&admin), Some(json!({"name": huge}))).await;
    assert_eq!(too_big.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(too_big.code(), "payload_too_large");
});

crate::http_test!(async fn every_response_has_a_request_id(t) {
    let reply = t.get("/healthz", Auth::None).await;
    let id = reply.headers.get("x-request-id").unwrap().to_str().unwrap().to_owned();
    assert!(uuid::Uuid::parse_str(&id).is_ok());

    let problem = t.get("/api/v1/me", Auth::None).await;
    assert_eq!(problem.status, StatusCode::UNAUTHORIZED);
    assert_eq!(problem.body["request_id"], problem.headers.get("x-request-id").unwrap().to_str().unwrap());

    // A sane id from a proxy is kept; anything else is replaced.
    for (sent, kept) in [("edge-42.abc", true), ("bad id\twith tab", false)] {
        let request = axum::http::Request::builder()
            .uri("/healthz")
            .header("x-request-id", sent)
            .body(axum::body::Body::empty())
            .unwrap();
        let response = tower::ServiceExt::oneshot(t.router.clone(), request).await.unwrap();
        let got = response.headers().get("x-request-id").unwrap().to_str().unwrap();
        assert_eq!(got == sent, kept, "{sent:?} → {got:?}");
    }
});

crate::http_test!(async fn the_web_app_never_answers_for_api_or_files(t) {
    // An app route gets the SPA (or, in a build without the app, a clear 503); an unknown file
    // is 404, never index.html.
    let page = t.get("/admin/users", Auth::None).await;
    assert!(page.status == StatusCode::OK || page.status == StatusCode::SERVICE_UNAVAILABLE, "{}", page.status);
    let file = t.get("/assets/does-not-exist.js", Auth::None).await;
    assert_eq!(file.status, StatusCode::NOT_FOUND);
    let api = t.get("/api/v1/nothing-here", Auth::None).await;
    assert_eq!(api.code(), "route_not_found");
});
