//! The OpenAPI document describes every route, and every documented route exists.

use super::support::{Auth, world};
use axum::http::{Method, StatusCode};
use std::path::Path;

crate::http_test!(async fn every_documented_operation_is_routed(t) {
    let _w = world(&t).await;
    let admin = t.login("da-admin").await;
    let doc = t.get("/api/openapi.json", Auth::None).await;
    assert_eq!(doc.status, StatusCode::OK);
    assert!(doc.body["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = doc.body["paths"].as_object().unwrap();
    assert!(paths.len() >= 25);
    for (path, item) in paths {
        for method in item.as_object().unwrap().keys() {
            let concrete = path.replace("{id}", "00000000-0000-7000-8000-000000000000").replace("{key}", "no_such_role");
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            if concrete == "/api/v1/auth/logout" {
                continue;
            }
            let reply = t.send(method.clone(), &concrete, Auth::Session(&admin), None).await;
            assert!(
                !matches!(reply.code(), "route_not_found" | "method_not_allowed"),
                "{method} {path} is documented but not routed: {:?}",
                reply.body
            );
        }
    }
    // Each operation names its responses and the problem format.
    let login = &paths["/api/v1/auth/login"]["post"];
    assert!(login["responses"]["4XX"]["content"]["application/problem+json"].is_object());
    assert_eq!(login["security"], serde_json::json!([{}]), "login needs no authentication");
});

/// Every `$ref` points at a schema the document defines (utoipa does not collect schemas used
/// only by query parameters; the web's type generator refuses a dangling reference).
#[test]
fn every_reference_resolves() {
    fn walk(value: &serde_json::Value, refs: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(r)) = map.get("$ref") {
                    refs.push(r.clone());
                }
                map.values().for_each(|v| walk(v, refs));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, refs)),
            _ => {}
        }
    }
    let doc = serde_json::to_value(forecourt_http::openapi_document(
        forecourt_server::modules::MODULES,
    ))
    .unwrap();
    let mut refs = Vec::new();
    walk(&doc, &mut refs);
    assert!(refs.len() > 50, "{}", refs.len());
    for r in refs {
        let pointer = r
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("{r} is not local"));
        assert!(doc.pointer(pointer).is_some(), "{r} does not resolve");
    }
}

/// Every operation has its own `operationId` (the OpenAPI rule; clients generated from the
/// document name their methods by it): two modules' handlers of one name are told apart with
/// `operation_id`.
#[test]
fn every_operation_id_is_unique() {
    let doc = serde_json::to_value(forecourt_http::openapi_document(
        forecourt_server::modules::MODULES,
    ))
    .unwrap();
    let mut seen = std::collections::HashMap::new();
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            if let Some(id) = op.get("operationId").and_then(|v| v.as_str()) {
                let here = format!("{method} {path}");
                if let Some(first) = seen.insert(id.to_owned(), here.clone()) {
                    panic!("operationId {id} names both {first} and {here}");
                }
            }
        }
    }
    assert!(seen.len() > 100, "{}", seen.len());
}

/// The reverse direction: every handler carrying `#[utoipa::path]` is registered through
/// `routes!` (which documents it), and nothing is routed around the document with `.route(`.
#[test]
fn every_handler_is_registered_through_the_documenting_router() {
    let routes_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../http/src/routes");
    let mut handlers = 0;
    // The kernel's routes and each module's live in a folder whose `mod.rs` registers them.
    for group in std::fs::read_dir(&routes_dir).unwrap() {
        let group = group.unwrap().path();
        if !group.is_dir() {
            continue;
        }
        let registry = std::fs::read_to_string(group.join("mod.rs")).unwrap();
        let registered: String = registry
            .split("routes!(")
            .skip(1)
            .map(|s| s.split(')').next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join(",");
        let normalized: String = registered.split_whitespace().collect();
        for entry in std::fs::read_dir(&group).unwrap() {
            let path = entry.unwrap().path();
            let source = std::fs::read_to_string(&path).unwrap();
            let module = path.file_stem().unwrap().to_str().unwrap().to_owned();
            for chunk in source.split("#[utoipa::path(").skip(1) {
                let name = chunk
                    .split("pub async fn ")
                    .nth(1)
                    .and_then(|rest| rest.split(['(', '<']).next())
                    .expect("a handler follows #[utoipa::path]");
                let handler = format!("{module}::{name}");
                assert!(
                    normalized.split(',').any(|r| r == handler),
                    "{handler} is not registered with routes! in {}",
                    group.display()
                );
                handlers += 1;
            }
        }
        assert!(
            !registry.contains(".route("),
            "{} routes around the OpenAPI document",
            group.display()
        );
    }
    assert!(handlers >= 100, "{handlers}");
    for file in ["mod.rs", "../lib.rs"] {
        let source = std::fs::read_to_string(routes_dir.join(file)).unwrap();
        assert!(
            !source.contains(".route("),
            "{file} routes around the OpenAPI document"
        );
    }
}

crate::http_test!(async fn health_readiness_and_metrics(t) {
    assert_eq!(t.get("/healthz", Auth::None).await.body, "ok");
    assert_eq!(t.get("/readyz", Auth::None).await.body, "ready");
    t.get("/api/v1/me", Auth::None).await;
    let metrics = t.get("/metrics", Auth::None).await;
    let text = metrics.body.as_str().unwrap();
    assert!(text.contains("http_requests_total{method=\"GET\",route=\"/api/v1/me\",status=\"401\"} 1"), "{text}");
    assert!(text.contains("http_request_duration_seconds_bucket"), "{text}");
});
