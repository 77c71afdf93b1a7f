//! A car allocated by VIN, the invoice (once per VIN and number), delivery behind its
//! checklists and the money (or an approved loan), cancellation releasing the car.

use super::*;
use crate::http::stock::{fixture, vin};
use crate::http::support::ok;
use forecourt_domain::role::BuiltinRole::*;

async fn unit(t: &TestApp, manager: &Session, model_id: &str, n: u32) -> String {
    let reply = t
        .send(
            Method::POST,
            "/api/v1/stock-units",
            Auth::Session(manager),
            Some(json!({"vin": vin(n), "catalog_model_id": model_id, "colour": "极地白"})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
    reply.body["id"].as_str().unwrap().to_owned()
}

crate::http_test!(async fn a_car_is_allocated_invoiced_once_and_delivered_when_all_is_done(t) {
    let f = fixture(&t).await;
    let w = &f.w;
    let consultant = session(&t, w, SalesConsultant).await;
    let finance = session(&t, w, Finance).await;
    let (id, lead) = order(&t, w, "13700050001").await;
    let unit_id = unit(&t, &f.manager, &f.model_id, 1).await;
    let o = get_order(&t, &consultant, &id).await;

    // No invoice before a car is allocated.
    let early = post(&t, &finance, &id, "invoice", json!({"invoice_no": "FP001", "version": o["version"]})).await;
    assert_eq!(early.status, StatusCode::CONFLICT, "{:?}", early.body);
    let o = ok(post(&t, &consultant, &id, "allocation", json!({"stock_unit_id": unit_id, "version": o["version"]})).await, StatusCode::OK).await;
    assert_eq!(o["vin"], vin(1));
    // The consultant cannot invoice; finance can, once.
    let denied = post(&t, &consultant, &id, "invoice", json!({"invoice_no": "FP001", "version": o["version"]})).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    let o = ok(post(&t, &finance, &id, "invoice", json!({"invoice_no": "fp001", "version": o["version"]})).await, StatusCode::CREATED).await;
    assert_eq!(o["status"], "invoiced");
    assert_eq!(o["invoice"]["invoice_no"], "FP001");
    let twice = post(&t, &finance, &id, "invoice", json!({"invoice_no": "FP002", "version": o["version"]})).await;
    assert_eq!(twice.status, StatusCode::CONFLICT, "{:?}", twice.body);
    let sold = t.get(&format!("/api/v1/stock-units/{unit_id}"), Auth::Session(&f.manager)).await;
    assert_eq!(sold.body["status"], "sold", "{:?}", sold.body);

    // Delivery is refused while checklists are open and money is owed — all reasons at once.
    let refused = post(&t, &consultant, &id, "delivery", json!({"odometer_km": 12, "version": o["version"]})).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", refused.body);
    let fields: Vec<&str> = refused.body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["pdi", "handover", "receivable"]);
    let o = ok(t.send(Method::PUT, &format!("/api/v1/orders/{id}/checklists"), Auth::Session(&consultant), Some(json!({
        "pdi_done": ["外观检查", "内饰检查", "电气功能", "液位检查", "轮胎胎压"],
        "handover_done": ["讲解用车功能", "交付随车文件", "交付钥匙"],
        "version": o["version"],
    }))).await, StatusCode::OK).await;
    assert_eq!(o["pdi"]["complete"], true);
    assert_eq!(o["handover"]["complete"], false);
    let unknown = t.send(Method::PUT, &format!("/api/v1/orders/{id}/checklists"), Auth::Session(&consultant), Some(json!({
        "handover_done": ["洗车"], "version": o["version"]}))).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unknown.body["errors"][0]["field"], "handover_done.0");
    let o = ok(t.send(Method::PUT, &format!("/api/v1/orders/{id}/checklists"), Auth::Session(&consultant), Some(json!({
        "handover_done": ["讲解用车功能", "交付随车文件", "交付钥匙", "合影留念"], "version": o["version"]}))).await, StatusCode::OK).await;
    let refused = post(&t, &consultant, &id, "delivery", json!({"odometer_km": 12, "version": o["version"]})).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", refused.body);
    assert_eq!(refused.body["errors"][0]["field"], "receivable");
    ok(post(&t, &finance, &id, "payments", json!({
        "purpose": "balance", "method": "transfer", "amount_fen": TOTAL, "receipt_no": "D-1"})).await, StatusCode::CREATED).await;
    let o = get_order(&t, &consultant, &id).await;
    assert_eq!(receivable(&o), 0);
    let o = ok(post(&t, &consultant, &id, "delivery", json!({"odometer_km": 12, "version": o["version"]})).await, StatusCode::OK).await;
    assert_eq!(o["status"], "delivered");
    let vehicle = o["delivered_vehicle_id"].as_str().unwrap().to_owned();
    let car = t.get(&format!("/api/v1/vehicles/{vehicle}"), Auth::Session(&consultant)).await;
    assert_eq!(car.status, StatusCode::OK, "{:?}", car.body);
    assert_eq!(car.body["vin"], vin(1));
    // Delivered: cancelling is refused; the opportunity-less lead stays won (O).
    let cancel = post(&t, &consultant, &id, "cancel", json!({"reason": "customer_withdrew", "version": o["version"]})).await;
    assert_eq!(cancel.status, StatusCode::CONFLICT, "{:?}", cancel.body);
    let lead = t.get(&format!("/api/v1/leads/{lead}"), Auth::Session(&consultant)).await;
    assert_eq!(lead.body["lead"]["grade"], "O");
    let kinds = t.count_where("customer_events", "kind = 'order.delivered'").await;
    assert_eq!(kinds, 1);
});

crate::http_test!(async fn an_approved_loan_covers_the_balance_and_cancelling_releases_the_car(t) {
    let f = fixture(&t).await;
    let w = &f.w;
    let consultant = session(&t, w, SalesConsultant).await;
    let finance = session(&t, w, Finance).await;
    let (id, _) = order(&t, w, "13700060001").await;
    let unit_id = unit(&t, &f.manager, &f.model_id, 2).await;
    let o = get_order(&t, &consultant, &id).await;
    let o = ok(post(&t, &consultant, &id, "allocation", json!({"stock_unit_id": unit_id, "version": o["version"]})).await, StatusCode::OK).await;
    let o = ok(post(&t, &finance, &id, "invoice", json!({"invoice_no": "FP100", "version": o["version"]})).await, StatusCode::CREATED).await;
    let o = ok(t.send(Method::PUT, &format!("/api/v1/orders/{id}/checklists"), Auth::Session(&consultant), Some(json!({
        "pdi_done": ["外观检查", "内饰检查", "电气功能", "液位检查", "轮胎胎压"],
        "handover_done": ["讲解用车功能", "交付随车文件", "交付钥匙", "合影留念"],
        "version": o["version"],
    }))).await, StatusCode::OK).await;
    ok(post(&t, &finance, &id, "payments", json!({
        "purpose": "earnest", "method": "card", "amount_fen": 3_060_000, "receipt_no": "L-1"})).await, StatusCode::CREATED).await;
    let planned = ok(post(&t, &consultant, &id, "schedule", json!({
        "purpose": "loan", "payer_name": "大众汽车金融", "amount_fen": TOTAL - 3_060_000, "due_on": "2026-11-20"})).await, StatusCode::CREATED).await;
    let loan = planned["schedule"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(planned["schedule"][0]["payer_kind"], "finance_company");
    // A planned loan does not cover the balance; an approved one does.
    let refused = post(&t, &consultant, &id, "delivery", json!({"odometer_km": 5, "version": o["version"]})).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", refused.body);
    let approved = ok(post(&t, &finance, &id, "loan-approvals", json!({"schedule_item_id": loan})).await, StatusCode::OK).await;
    assert_eq!(approved["money"]["loan_open_fen"], TOTAL - 3_060_000);
    let o = ok(post(&t, &consultant, &id, "delivery", json!({"odometer_km": 5, "version": approved["version"]})).await, StatusCode::OK).await;
    assert_eq!(o["status"], "delivered");
    assert_eq!(receivable(&o), TOTAL - 3_060_000);

    // Another order: a second invoice with the same number is refused; cancelling releases the car.
    let (id2, _) = order(&t, w, "13700060002").await;
    let unit2 = unit(&t, &f.manager, &f.model_id, 3).await;
    let o2 = get_order(&t, &consultant, &id2).await;
    let o2 = ok(post(&t, &consultant, &id2, "allocation", json!({"stock_unit_id": unit2, "version": o2["version"]})).await, StatusCode::OK).await;
    let same_no = post(&t, &finance, &id2, "invoice", json!({"invoice_no": "FP100", "version": o2["version"]})).await;
    assert_eq!(same_no.status, StatusCode::CONFLICT, "{:?}", same_no.body);
    assert_eq!(same_no.body["errors"][0]["field"], "invoice_no");
    let bad_reason = post(&t, &consultant, &id2, "cancel", json!({"reason": "bored", "version": o2["version"]})).await;
    assert_eq!(bad_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    let cancelled = ok(post(&t, &consultant, &id2, "cancel", json!({"reason": "loan_refused", "note": "贷款未批", "version": o2["version"]})).await, StatusCode::OK).await;
    assert_eq!(cancelled["status"], "cancelled");
    let freed = t.get(&format!("/api/v1/stock-units/{unit2}"), Auth::Session(&f.manager)).await;
    assert_eq!(freed.body["status"], "in_stock", "{:?}", freed.body);
    let paid = post(&t, &finance, &id2, "payments", json!({
        "purpose": "balance", "method": "cash", "amount_fen": 1, "receipt_no": "L-9"})).await;
    assert_eq!(paid.status, StatusCode::CONFLICT);
});
