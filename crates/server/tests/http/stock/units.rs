//! Units through the API: the VIN's check digit, legal and illegal moves, cost hidden from
//! consultants, edits checked against the version, one unit per VIN under concurrency.

use super::{actor, add_unit, bad_vin, fixture, vin};
use crate::http::support::Auth;
use axum::http::{Method, StatusCode};
use forecourt_domain::role::BuiltinRole::*;
use serde_json::json;

crate::http_test!(async fn a_vin_with_a_wrong_check_digit_is_refused_naming_vin(t) {
    let f = fixture(&t).await;
    let reply = t
        .send(Method::POST, "/api/v1/stock-units", Auth::Session(&f.manager),
            Some(json!({"vin": bad_vin(1), "catalog_model_id": f.model_id})))
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", reply.body);
    assert_eq!(reply.body["errors"][0]["field"], "vin");
    assert_eq!(reply.body["errors"][0]["code"], "vin_check_digit");
    let short = t
        .send(Method::POST, "/api/v1/stock-units", Auth::Session(&f.manager),
            Some(json!({"vin": "LSVAU2180", "catalog_model_id": f.model_id, "status": "sold"})))
        .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = short.body["errors"].as_array().unwrap().iter()
        .map(|e| e["field"].as_str().unwrap()).collect();
    assert!(fields.contains(&"vin") && fields.contains(&"status"), "{fields:?}");
    assert_eq!(t.count("stock_units").await, 0);
});

crate::http_test!(async fn units_move_forward_only_and_a_reservation_can_be_cancelled(t) {
    let f = fixture(&t).await;
    let unit = add_unit(&t, &f, json!({"status": "ordered"})).await;
    assert_eq!(unit["status"], "ordered");
    assert_eq!(unit["arrived_on"], serde_json::Value::Null);
    let id = unit["id"].as_str().unwrap().to_owned();
    let go = |to: &str, version: &serde_json::Value| {
        json!({"status": to, "version": version})
    };
    let path = format!("/api/v1/stock-units/{id}/move");
    // Skipping ahead to sold, or back, is refused.
    for to in ["reserved", "sold", "delivered", "ordered"] {
        let reply = t.send(Method::POST, &path, Auth::Session(&f.manager), Some(go(to, &unit["version"]))).await;
        assert_eq!(reply.status, StatusCode::CONFLICT, "{to}: {:?}", reply.body);
        assert_eq!(reply.code(), "invalid_state");
    }
    let transit = t.send(Method::POST, &path, Auth::Session(&f.manager), Some(go("in_transit", &unit["version"]))).await;
    assert_eq!(transit.status, StatusCode::OK, "{:?}", transit.body);
    assert_eq!(transit.body["status"], "in_transit");
    let stale = t.send(Method::POST, &path, Auth::Session(&f.manager), Some(go("in_stock", &unit["version"]))).await;
    assert_eq!(stale.code(), "version_conflict");
    let arrived = t.send(Method::POST, &path, Auth::Session(&f.manager),
        Some(json!({"status": "in_stock", "version": transit.body["version"], "arrived_on": "2026-10-01"}))).await;
    assert_eq!(arrived.status, StatusCode::OK, "{:?}", arrived.body);
    assert_eq!(arrived.body["arrived_on"], "2026-10-01");
    assert_eq!(arrived.body["days_in_stock"], 32);
    let back = t.send(Method::POST, &path, Auth::Session(&f.manager), Some(go("in_transit", &arrived.body["version"]))).await;
    assert_eq!(back.code(), "invalid_state");
    let history: Vec<(serde_json::Value, serde_json::Value)> = arrived.body["history"].as_array().unwrap().iter()
        .map(|e| (e["from_status"].clone(), e["to_status"].clone())).collect();
    assert_eq!(history, vec![
        (serde_json::Value::Null, json!("ordered")),
        (json!("ordered"), json!("in_transit")),
        (json!("in_transit"), json!("in_stock")),
    ]);
    assert!(arrived.body["history"][1]["actor_name"].is_string());

    // A reservation (from an order) is cancelled by hand: back in stock, the order released.
    let manager = actor(&t, &f, SalesManager).await;
    let tx = t.app.db().begin().await.unwrap();
    let uid = forecourt_domain::ids::StockUnitId::from_uuid(id.parse().unwrap());
    let reserved = forecourt_stock::allocate_in(&*tx, &manager, uid, uuid::Uuid::now_v7(), t.app.now()).await.unwrap();
    tx.commit().await.unwrap();
    let cancel = t.send(Method::POST, &path, Auth::Session(&f.manager), Some(go("in_stock", &json!(reserved.version)))).await;
    assert_eq!(cancel.status, StatusCode::OK, "{:?}", cancel.body);
    assert_eq!(cancel.body["order_id"], serde_json::Value::Null);
    assert_eq!(cancel.body["arrived_on"], "2026-10-01");
});

crate::http_test!(async fn consultants_see_stock_but_not_its_cost_and_cannot_change_it(t) {
    let f = fixture(&t).await;
    let unit = add_unit(&t, &f, json!({})).await;
    assert_eq!(unit["cost_fen"], 18_000_000);
    let id = unit["id"].as_str().unwrap();
    let consultant = t.login(&f.w.a.username(SalesConsultant)).await;
    let seen = t.get(&format!("/api/v1/stock-units/{id}"), Auth::Session(&consultant)).await;
    assert_eq!(seen.status, StatusCode::OK);
    assert_eq!(seen.body["cost_fen"], serde_json::Value::Null);
    let listed = t.get("/api/v1/stock-units", Auth::Session(&consultant)).await;
    assert_eq!(listed.body["items"][0]["cost_fen"], serde_json::Value::Null);
    let edit = t.send(Method::PATCH, &format!("/api/v1/stock-units/{id}"), Auth::Session(&consultant),
        Some(json!({"version": unit["version"], "location": "B区"}))).await;
    assert_eq!(edit.status, StatusCode::FORBIDDEN);
    let finance = t.login(&f.w.a.username(Finance)).await;
    let costed = t.get(&format!("/api/v1/stock-units/{id}"), Auth::Session(&finance)).await;
    assert_eq!(costed.body["cost_fen"], 18_000_000);
    // The manager edits, checked against the version.
    let path = format!("/api/v1/stock-units/{id}");
    let edited = t.send(Method::PATCH, &path, Auth::Session(&f.manager),
        Some(json!({"version": unit["version"], "location": "B区", "cost_fen": null, "colour": "黑"}))).await;
    assert_eq!(edited.status, StatusCode::OK, "{:?}", edited.body);
    assert_eq!((edited.body["location"].as_str(), edited.body["colour"].as_str()), (Some("B区"), Some("黑")));
    assert_eq!(edited.body["cost_fen"], serde_json::Value::Null);
    let stale = t.send(Method::PATCH, &path, Auth::Session(&f.manager),
        Some(json!({"version": unit["version"], "location": "C区"}))).await;
    assert_eq!(stale.code(), "version_conflict");
});

crate::http_test!(async fn eight_concurrent_additions_of_one_vin_add_one_unit(t) {
    let f = fixture(&t).await;
    let attempts = (0..8).map(|_| {
        t.send(Method::POST, "/api/v1/stock-units", Auth::Session(&f.manager),
            Some(json!({"vin": vin(7), "catalog_model_id": f.model_id})))
    });
    let replies = futures_util::future::join_all(attempts).await;
    let created = replies.iter().filter(|r| r.status == StatusCode::CREATED).count();
    assert_eq!(created, 1, "{:?}", replies.iter().map(|r| &r.body).collect::<Vec<_>>());
    for r in replies.iter().filter(|r| r.status != StatusCode::CREATED) {
        assert_eq!(r.status, StatusCode::CONFLICT, "{:?}", r.body);
        assert_eq!(r.code(), "already_exists");
    }
    assert_eq!(t.count("stock_units").await, 1);
});
