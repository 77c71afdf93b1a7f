//! The hooks orders call in their own transaction: allocation (one winner under concurrency,
//! decided by the database), release, sale and delivery into the customer's vehicle.

use super::{actor, add_unit, customer, fixture, vin};
use crate::http::support::Auth;
use chrono::NaiveDate;
use forecourt_domain::ids::{CustomerId, StockUnitId};
use forecourt_domain::role::BuiltinRole::*;
use uuid::Uuid;

fn unit_id(body: &serde_json::Value) -> StockUnitId {
    StockUnitId::from_uuid(body["id"].as_str().unwrap().parse().unwrap())
}

crate::http_test!(async fn eight_concurrent_allocations_of_one_unit_let_exactly_one_through(t) {
    let f = fixture(&t).await;
    let unit = add_unit(&t, &f, serde_json::json!({})).await;
    let id = unit_id(&unit);
    let manager = actor(&t, &f, SalesManager).await;
    let attempts = (0..8).map(|_| {
        let app = t.app.clone();
        let manager = manager.clone();
        async move {
            let tx = app.db().begin().await.unwrap();
            let now = app.now();
            let result = forecourt_stock::allocate_in(&*tx, &manager, id, Uuid::now_v7(), now).await;
            if result.is_ok() {
                tx.commit().await.unwrap();
            }
            result
        }
    });
    let results = futures_util::future::join_all(attempts).await;
    let won = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(won, 1, "{results:?}");
    for lost in results.iter().filter_map(|r| r.as_ref().err()) {
        assert_eq!(lost.code().as_str(), "invalid_state", "{lost:?}");
    }
    assert_eq!(t.count_where("stock_units", "status = 'reserved' AND order_id IS NOT NULL").await, 1);
    assert_eq!(t.count_where("stock_unit_events", "to_status = 'reserved'").await, 1);
});

crate::http_test!(async fn an_order_holds_one_unit_and_a_release_frees_it(t) {
    let f = fixture(&t).await;
    let first = unit_id(&add_unit(&t, &f, serde_json::json!({})).await);
    let second = unit_id(&add_unit(&t, &f, serde_json::json!({"vin": vin(2)})).await);
    let manager = actor(&t, &f, SalesManager).await;
    let order = Uuid::now_v7();
    let now = t.app.now();
    let tx = t.app.db().begin().await.unwrap();
    let reserved = forecourt_stock::allocate_in(&*tx, &manager, first, order, now).await.unwrap();
    assert_eq!(reserved.status, "reserved");
    assert_eq!(reserved.order_id, Some(order));
    let again = forecourt_stock::allocate_in(&*tx, &manager, second, order, now).await.unwrap_err();
    assert_eq!(again.code().as_str(), "invalid_state");
    let found = forecourt_stock::unit_for_order(&*tx, manager.scope(), order).await.unwrap();
    assert_eq!(found.map(|u| u.id), Some(first.uuid()));
    let released = forecourt_stock::release_in(&*tx, &manager, first, now).await.unwrap();
    assert_eq!((released.status.as_str(), released.order_id), ("in_stock", None));
    let moved = forecourt_stock::allocate_in(&*tx, &manager, second, order, now).await.unwrap();
    assert_eq!(moved.order_id, Some(order));
    // Selling needs a reservation; a unit in stock cannot be sold.
    let unsold = forecourt_stock::mark_sold_in(&*tx, &manager, first, now).await.unwrap_err();
    assert_eq!(unsold.code().as_str(), "invalid_state");
    tx.commit().await.unwrap();
    // Another dealer's unit is 404 for B's manager.
    let other = t.app.login(forecourt_kernel::auth::LoginInput {
        username: f.w.b.username(SalesManager),
        password: crate::http::support::PASSWORD.into(),
        ip: t.fresh_ip(),
        user_agent: None,
    }).await.unwrap().actor;
    let tx = t.app.db().begin().await.unwrap();
    let foreign = forecourt_stock::allocate_in(&*tx, &other, first, Uuid::now_v7(), now).await.unwrap_err();
    assert_eq!(foreign.code().as_str(), "not_found");
});

crate::http_test!(async fn delivery_makes_the_unit_the_customers_vehicle_with_the_same_vin(t) {
    let f = fixture(&t).await;
    let unit = add_unit(&t, &f, serde_json::json!({})).await;
    let id = unit_id(&unit);
    let buyer = customer(&t, &f, "王芳", "13900002222").await;
    let manager = actor(&t, &f, SalesManager).await;
    let order = Uuid::now_v7();
    let now = t.app.now();
    let tx = t.app.db().begin().await.unwrap();
    forecourt_stock::allocate_in(&*tx, &manager, id, order, now).await.unwrap();
    let early = forecourt_stock::deliver_in(&*tx, &manager, id, CustomerId::from_uuid(buyer.parse().unwrap()),
        NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(), 12, now).await.unwrap_err();
    assert_eq!(early.code().as_str(), "invalid_state");
    forecourt_stock::mark_sold_in(&*tx, &manager, id, now).await.unwrap();
    let vehicle = forecourt_stock::deliver_in(&*tx, &manager, id, CustomerId::from_uuid(buyer.parse().unwrap()),
        NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(), 12, now).await.unwrap();
    tx.commit().await.unwrap();

    let car = t.get(&format!("/api/v1/vehicles/{}", vehicle.uuid()), Auth::Session(&f.manager)).await;
    assert_eq!(car.status, axum::http::StatusCode::OK, "{:?}", car.body);
    assert_eq!(car.body["vin"], vin(1));
    assert_eq!(car.body["purchase_date"], "2026-11-02");
    assert_eq!(car.body["mileage_km"], 12);
    assert_eq!(car.body["colour"], "白");
    assert_eq!(car.body["bought_here"], true);
    let detail = t.get(&format!("/api/v1/stock-units/{}", id.uuid()), Auth::Session(&f.manager)).await;
    assert_eq!(detail.body["status"], "delivered");
    assert_eq!(detail.body["vehicle_id"], vehicle.uuid().to_string());
    assert_eq!(detail.body["customer_id"], buyer);
    let statuses: Vec<&str> = detail.body["history"].as_array().unwrap().iter()
        .map(|e| e["to_status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["in_stock", "reserved", "sold", "delivered"]);
    assert_eq!(t.count_where("customer_events", "kind = 'stock.delivered'").await, 1);
    assert_eq!(t.count_where("vehicles", &format!("vin = '{}'", vin(1))).await, 1);
});
