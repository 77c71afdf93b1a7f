//! The configurator: a trim's configuration with the prices of a day; prices effective from a
//! date, which old quotes do not follow; only managers maintain it.

use super::{deal, post, yuan};
use crate::http::support::Auth;
use axum::http::{Method, StatusCode};
use chrono::Duration;
use forecourt_domain::role::BuiltinRole::*;
use serde_json::json;

crate::http_test!(async fn prices_take_effect_on_their_day_and_quotes_keep_theirs(t) {
    let d = deal(&t).await;
    let config = t.get(&format!("/api/v1/configurator/models/{}", d.model_id), Auth::Session(&d.consultant)).await;
    assert_eq!(config.status, StatusCode::OK, "{:?}", config.body);
    assert_eq!(config.body["vehicle_price_fen"], yuan(189_800));
    assert_eq!(config.body["groups"].as_array().unwrap().len(), 2);
    assert_eq!(config.body["options"].as_array().unwrap().len(), 4);
    assert_eq!(config.body["accessories"][0]["price_fen"], yuan(5_200));
    // A consultant sees no cost.
    assert!(config.body["accessories"][0]["cost_fen"].is_null());
    let blue = config.body["colours"].as_array().unwrap().iter().find(|c| c["name"] == "宝石蓝").unwrap().clone();
    assert_eq!(blue["price_fen"], yuan(2_000));

    let old = post(&t, &d.consultant, "/api/v1/quotes", d.example()).await.body;
    // The wheels cost ¥7,000 from tomorrow; the trim ¥185,800.
    let tomorrow = "2026-11-03";
    let repriced = post(&t, &d.manager, &format!("/api/v1/configurator/items/{}/prices", d.wheels19_id),
        json!({"effective_from": tomorrow, "price_fen": yuan(7_000)})).await;
    assert_eq!(repriced.status, StatusCode::OK, "{:?}", repriced.body);
    assert_eq!(repriced.body["price_fen"], yuan(6_000), "today's price is unchanged");
    assert_eq!(repriced.body["prices"].as_array().unwrap().len(), 2);
    let trim_price = post(&t, &d.manager, "/api/v1/configurator/items", json!({
        "kind": "vehicle", "model_id": d.model_id, "name": "车价",
        "price": {"effective_from": tomorrow, "price_fen": yuan(185_800), "cost_fen": yuan(176_000)},
    })).await;
    assert_eq!(trim_price.status, StatusCode::CREATED, "{:?}", trim_price.body);
    let on_tomorrow = t.get(&format!("/api/v1/configurator/models/{}?on={tomorrow}", d.model_id), Auth::Session(&d.manager)).await;
    assert_eq!(on_tomorrow.body["vehicle_price_fen"], yuan(185_800), "{:?}", on_tomorrow.body);
    assert_eq!(on_tomorrow.body["vehicle_cost_fen"], yuan(176_000));

    t.clock.advance(Duration::days(1));
    let d = crate::http::deal::Deal {
        consultant: d.session(&t, SalesConsultant).await,
        manager: d.session(&t, SalesManager).await,
        ..d
    };
    let new = post(&t, &d.consultant, "/api/v1/quotes", d.example()).await.body;
    assert_eq!(new["vehicle_price_fen"], yuan(185_800));
    assert_eq!(new["options_fen"], yuan(7_000));
    // The old quote keeps the prices it was made with, even when changed later.
    let kept = t.get(&format!("/api/v1/quotes/{}", old["id"].as_str().unwrap()), Auth::Session(&d.consultant)).await.body;
    assert_eq!(kept["vehicle_price_fen"], yuan(189_800));
    assert_eq!(kept["options_fen"], yuan(6_000));
    assert_eq!(kept["total_fen"], old["total_fen"]);
    let mut patch = d.example();
    patch["version"] = kept["version"].clone();
    patch["insurance_fen"] = json!(yuan(3_000));
    let changed = t.send(Method::PATCH, &format!("/api/v1/quotes/{}", old["id"].as_str().unwrap()), Auth::Session(&d.consultant), Some(patch)).await;
    assert_eq!(changed.status, StatusCode::OK, "{:?}", changed.body);
    assert_eq!(changed.body["options_fen"], yuan(6_000));
    assert_eq!(changed.body["total_fen"].as_i64().unwrap(), old["total_fen"].as_i64().unwrap() + yuan(3_000));
    // Stale version: 409.
    let mut stale = d.example();
    stale["version"] = kept["version"].clone();
    let conflict = t.send(Method::PATCH, &format!("/api/v1/quotes/{}", old["id"].as_str().unwrap()), Auth::Session(&d.consultant), Some(stale)).await;
    assert_eq!(conflict.status, StatusCode::CONFLICT);
    assert_eq!(conflict.code(), "version_conflict");
    // Yesterday's configuration still shows yesterday's prices.
    let yesterday = t.get(&format!("/api/v1/configurator/models/{}?on=2026-11-02", d.model_id), Auth::Session(&d.consultant)).await;
    assert_eq!(yesterday.body["vehicle_price_fen"], yuan(189_800));

    // Only managers maintain it; a consultant's attempt changes nothing.
    let denied = post(&t, &d.consultant, &format!("/api/v1/configurator/items/{}/prices", d.wheels19_id),
        json!({"effective_from": "2026-12-01", "price_fen": 1})).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    let finance = d.session(&t, Finance).await;
    let denied = post(&t, &finance, "/api/v1/configurator/groups", json!({"model_id": d.model_id, "name": "内饰", "rule": "exclusive"})).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    // Invalid input names the field.
    let bad = post(&t, &d.manager, "/api/v1/configurator/items", json!({
        "kind": "option", "model_id": d.model_id, "name": "x", "colour": "紫色",
        "price": {"effective_from": "2026-11-01", "price_fen": -1},
    })).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = bad.body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["colour", "price.price_fen"]);
    // Another dealer's trim is 404.
    let foreign = t.login(&d.w.b.username(Admin)).await;
    let hidden = t.get(&format!("/api/v1/configurator/models/{}", d.model_id), Auth::Session(&foreign)).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    // Withdrawing an option takes it out of the consultants' configuration.
    let item = on_tomorrow.body["options"].as_array().unwrap().iter().find(|o| o["id"] == d.wheels20_id.as_str()).unwrap().clone();
    let off = t.send(Method::PATCH, &format!("/api/v1/configurator/items/{}", d.wheels20_id), Auth::Session(&d.manager),
        Some(json!({"version": item["version"], "active": false}))).await;
    assert_eq!(off.status, StatusCode::OK, "{:?}", off.body);
    let now = t.get(&format!("/api/v1/configurator/models/{}", d.model_id), Auth::Session(&d.consultant)).await;
    assert_eq!(now.body["options"].as_array().unwrap().len(), 3);
});

crate::http_test!(async fn a_trim_that_quotes_and_the_configurator_refer_to_cannot_be_deleted(t) {
    let d = deal(&t).await;
    let quoted = post(&t, &d.consultant, "/api/v1/quotes", d.example()).await;
    assert_eq!(quoted.status, StatusCode::CREATED, "{:?}", quoted.body);
    let admin = d.session(&t, Admin).await;
    // Both trims have configurator rows; the first one a quote too: 409 on both databases.
    for model in [&d.model_id, &d.bev_model_id] {
        let reply = t
            .send(
                Method::DELETE,
                &format!("/api/v1/catalog/models/{model}"),
                Auth::Session(&admin),
                None,
            )
            .await;
        assert_eq!(reply.status, StatusCode::CONFLICT, "{:?}", reply.body);
        assert_eq!(reply.code(), "in_use");
    }
    assert_eq!(t.count("quotes").await, 1);
});
