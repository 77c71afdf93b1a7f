//! A trade-in enters used-car stock as the same VIN record, its history kept; a car sold here
//! and traded back keeps its unit.

use super::{actor, add_unit, customer, fixture, vin};
use crate::http::support::Auth;
use axum::http::{Method, StatusCode};
use forecourt_domain::ids::{CustomerId, StockUnitId};
use forecourt_domain::role::BuiltinRole::*;
use serde_json::json;

crate::http_test!(async fn a_trade_in_enters_used_stock_as_the_same_car(t) {
    let f = fixture(&t).await;
    let owner = customer(&t, &f, "李雷", "13700003333").await;
    let car = t.send(Method::POST, "/api/v1/vehicles", Auth::Session(&f.manager),
        Some(json!({"customer_id": owner, "vin": vin(9), "brand": "丰田", "series": "凯美瑞", "colour": "银", "mileage_km": 50000}))).await;
    assert_eq!(car.status, StatusCode::CREATED, "{:?}", car.body);
    let unknown = t.send(Method::POST, "/api/v1/stock-units/trade-ins", Auth::Session(&f.manager),
        Some(json!({"vin": vin(8)}))).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unknown.body["errors"][0]["field"], "vin");
    let unit = t.send(Method::POST, "/api/v1/stock-units/trade-ins", Auth::Session(&f.manager),
        Some(json!({"vin": vin(9), "location": "二手车区", "cost_fen": 8_000_000}))).await;
    assert_eq!(unit.status, StatusCode::CREATED, "{:?}", unit.body);
    assert_eq!(unit.body["used"], true);
    assert_eq!(unit.body["status"], "in_stock");
    assert_eq!(unit.body["vehicle_id"], car.body["id"]);
    assert_eq!(unit.body["model_name"], "丰田 凯美瑞");
    assert_eq!(unit.body["colour"], "银");
    // The car left its owner; its record (and its mileage) stays.
    let vehicle = t.get(&format!("/api/v1/vehicles/{}", car.body["id"].as_str().unwrap()), Auth::Session(&f.manager)).await;
    assert_eq!(vehicle.body["owner_customer_id"], serde_json::Value::Null, "{:?}", vehicle.body);
    assert_eq!(vehicle.body["mileage_km"], 50000);
    assert_eq!(t.count_where("vehicles", &format!("vin = '{}'", vin(9))).await, 1);
    assert_eq!(t.count_where("customer_events", "kind = 'stock.traded_in'").await, 1);
    let again = t.send(Method::POST, "/api/v1/stock-units/trade-ins", Auth::Session(&f.manager),
        Some(json!({"vin": vin(9)}))).await;
    assert_eq!(again.code(), "invalid_state");
    let used = t.get("/api/v1/stock-units?used=true", Auth::Session(&f.manager)).await;
    assert_eq!(used.body["items"].as_array().unwrap().len(), 1);
});

crate::http_test!(async fn a_car_sold_here_and_traded_back_keeps_its_unit_and_vehicle(t) {
    let mut f = fixture(&t).await;
    let unit = add_unit(&t, &f, json!({})).await;
    let id = StockUnitId::from_uuid(unit["id"].as_str().unwrap().parse().unwrap());
    let buyer = customer(&t, &f, "王芳", "13900002222").await;
    let manager = actor(&t, &f, SalesManager).await;
    let now = t.app.now();
    let tx = t.app.db().begin().await.unwrap();
    forecourt_stock::allocate_in(&*tx, &manager, id, uuid::Uuid::now_v7(), now).await.unwrap();
    forecourt_stock::mark_sold_in(&*tx, &manager, id, now).await.unwrap();
    let vehicle = forecourt_stock::deliver_in(&*tx, &manager, id, CustomerId::from_uuid(buyer.parse().unwrap()),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(), 10, now).await.unwrap();
    tx.commit().await.unwrap();
    t.clock.advance(chrono::Duration::days(400));
    f.manager = t.login(&f.w.a.username(SalesManager)).await;
    let back = t.send(Method::POST, "/api/v1/stock-units/trade-ins", Auth::Session(&f.manager),
        Some(json!({"vin": vin(1)}))).await;
    assert_eq!(back.status, StatusCode::CREATED, "{:?}", back.body);
    assert_eq!(back.body["id"], unit["id"]);
    assert_eq!(back.body["used"], true);
    assert_eq!(back.body["vehicle_id"], vehicle.uuid().to_string());
    assert_eq!(back.body["days_in_stock"], 0);
    let statuses: Vec<&str> = back.body["history"].as_array().unwrap().iter().map(|e| e["to_status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["in_stock", "reserved", "sold", "delivered", "in_stock"]);
    // Sold again to someone else: the same vehicle row changes hands.
    let second = customer(&t, &f, "赵六", "13900004444").await;
    let tx = t.app.db().begin().await.unwrap();
    let now = t.app.now();
    forecourt_stock::allocate_in(&*tx, &manager, id, uuid::Uuid::now_v7(), now).await.unwrap();
    forecourt_stock::mark_sold_in(&*tx, &manager, id, now).await.unwrap();
    let again = forecourt_stock::deliver_in(&*tx, &manager, id, CustomerId::from_uuid(second.parse().unwrap()),
        chrono::NaiveDate::from_ymd_opt(2027, 12, 7).unwrap(), 30_000, now).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(again, vehicle);
    assert_eq!(t.count_where("vehicles", &format!("vin = '{}'", vin(1))).await, 1);
    assert_eq!(t.count("vehicle_ownerships").await, 2);
});
