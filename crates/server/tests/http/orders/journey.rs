//! The whole sale through the API: walk-in → quote → approved discount → order with a 定金 →
//! payments → a car allocated by VIN → invoice → delivery. And eight identical orders of one
//! quote at once make one.

use super::*;
use crate::http::deal::{Deal, deal};
use crate::http::stock::vin;
use crate::http::support::ok;
use forecourt_domain::role::BuiltinRole::*;
use futures_util::future::join_all;

async fn step(t: &TestApp, s: &Session, q: &Value, what: &str) -> Value {
    ok(
        t.send(
            Method::POST,
            &format!("/api/v1/quotes/{}/{what}", q["id"].as_str().unwrap()),
            Auth::Session(s),
            Some(json!({"version": q["version"]})),
        )
        .await,
        StatusCode::OK,
    )
    .await
}

/// The worked example quoted, its discount approved by the manager, accepted.
async fn accepted_quote(t: &TestApp, d: &Deal, body: Value) -> Value {
    let q = ok(
        t.send(
            Method::POST,
            "/api/v1/quotes",
            Auth::Session(&d.consultant),
            Some(body),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let q = if q["needs_approval"] == true {
        let pending = step(t, &d.consultant, &q, "request-approval").await;
        let list = t
            .get("/api/v1/approvals?box=waiting", Auth::Session(&d.manager))
            .await;
        let request = list.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["status"] == "pending")
            .cloned()
            .expect("the discount's approval request");
        ok(
            t.send(
                Method::POST,
                &format!(
                    "/api/v1/approvals/{}/approve",
                    request["id"].as_str().unwrap()
                ),
                Auth::Session(&d.manager),
                Some(json!({"version": request["version"]})),
            )
            .await,
            StatusCode::OK,
        )
        .await;
        let q = t
            .get(
                &format!("/api/v1/quotes/{}", pending["id"].as_str().unwrap()),
                Auth::Session(&d.consultant),
            )
            .await
            .body;
        assert_eq!(q["status"], "approved", "{q:?}");
        q
    } else {
        q
    };
    step(t, &d.consultant, &q, "accept").await
}

crate::http_test!(async fn walk_in_to_delivery_through_the_api(t) {
    let d = deal(&t).await;
    let finance = d.session(&t, Finance).await;
    let q = accepted_quote(&t, &d, d.example()).await;
    assert_eq!(q["status"], "accepted");
    let total = q["total_fen"].as_i64().unwrap();
    let cap = total / 5;

    // A 定金 above 20% of the contract is refused, naming the field; exactly 20% is taken.
    let over = t.send(Method::POST, "/api/v1/orders", Auth::Session(&d.consultant), Some(json!({
        "quote_id": q["id"], "deposit": {"kind": "earnest", "amount_fen": cap + 1}}))).await;
    assert_eq!(over.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", over.body);
    assert_eq!(over.body["errors"][0]["field"], "deposit.amount_fen");
    // Finance cannot make an order (nor touch a price).
    let denied = t.send(Method::POST, "/api/v1/orders", Auth::Session(&finance), Some(json!({"quote_id": q["id"]}))).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN, "{:?}", denied.body);
    let mut patch = d.example();
    patch["version"] = q["version"].clone();
    patch["discount_fen"] = json!(0);
    let price_edit = t.send(Method::PATCH, &format!("/api/v1/quotes/{}", q["id"].as_str().unwrap()), Auth::Session(&finance), Some(patch)).await;
    assert_eq!(price_edit.status, StatusCode::FORBIDDEN, "{:?}", price_edit.body);

    let o = ok(t.send(Method::POST, "/api/v1/orders", Auth::Session(&d.consultant), Some(json!({
        "quote_id": q["id"], "deposit": {"kind": "earnest", "amount_fen": cap}}))).await, StatusCode::CREATED).await;
    let id = o["id"].as_str().unwrap().to_owned();
    assert_eq!(o["money"]["total_fen"], total);
    assert_eq!(receivable(&o), total);
    assert_eq!(o["schedule"][0]["purpose"], "earnest");
    let lines: i64 = o["lines"].as_array().unwrap().iter().map(|l| l["amount_fen"].as_i64().unwrap()).sum();
    assert_eq!(lines, total, "the agreed lines add up to the contract");
    assert_eq!(o["opportunity_id"], json!(d.opportunity_id));
    // The lead is O, the opportunity at the order stage.
    let lead = t.get(&format!("/api/v1/leads/{}", d.lead_id), Auth::Session(&d.consultant)).await;
    assert_eq!(lead.body["lead"]["grade"], "O", "{:?}", lead.body);
    let opp = t.get(&format!("/api/v1/opportunities/{}", d.opportunity_id), Auth::Session(&d.consultant)).await;
    assert_eq!(opp.body["stage"]["kind"], "order", "{:?}", opp.body);
    // The quote is ordered once.
    let again = t.send(Method::POST, "/api/v1/orders", Auth::Session(&d.consultant), Some(json!({"quote_id": q["id"]}))).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{:?}", again.body);

    // Money: the 定金, then the balance; the receivable after each step.
    let paid = ok(post(&t, &finance, &id, "payments", json!({"purpose": "earnest", "method": "wechat", "amount_fen": cap, "receipt_no": "J-1"})).await, StatusCode::CREATED).await;
    assert_eq!(receivable(&paid), total - cap);
    // The 定金 planned at signing is paid in full (computed from the payments).
    assert_eq!(paid["schedule"][0]["paid_fen"], cap);
    assert_eq!(paid["schedule"][0]["settled"], true);
    // The order carries the trim it was quoted with (to match stock by).
    assert_eq!(paid["model_id"], json!(d.model_id));
    let paid = ok(post(&t, &finance, &id, "payments", json!({"purpose": "balance", "method": "transfer", "amount_fen": total - cap, "receipt_no": "J-2"})).await, StatusCode::CREATED).await;
    assert_eq!(receivable(&paid), 0);

    // A car by VIN, the invoice, the checklists, the handover.
    let unit = ok(t.send(Method::POST, "/api/v1/stock-units", Auth::Session(&d.manager), Some(json!({
        "vin": vin(77), "catalog_model_id": d.model_id, "colour": "珍珠白"}))).await, StatusCode::CREATED).await;
    let o = ok(post(&t, &d.consultant, &id, "allocation", json!({"stock_unit_id": unit["id"], "version": paid["version"]})).await, StatusCode::OK).await;
    let o = ok(post(&t, &finance, &id, "invoice", json!({"invoice_no": "JDC-0001", "version": o["version"]})).await, StatusCode::CREATED).await;
    let o = ok(t.send(Method::PUT, &format!("/api/v1/orders/{id}/checklists"), Auth::Session(&d.consultant), Some(json!({
        "pdi_done": ["外观检查", "内饰检查", "电气功能", "液位检查", "轮胎胎压"],
        "handover_done": ["讲解用车功能", "交付随车文件", "交付钥匙", "合影留念"],
        "version": o["version"]}))).await, StatusCode::OK).await;
    let o = ok(post(&t, &d.consultant, &id, "delivery", json!({"odometer_km": 8, "version": o["version"]})).await, StatusCode::OK).await;
    assert_eq!(o["status"], "delivered");
    let opp = t.get(&format!("/api/v1/opportunities/{}", d.opportunity_id), Auth::Session(&d.consultant)).await;
    assert_eq!(opp.body["status"], "won", "{:?}", opp.body);
    let timeline = t.get(&format!("/api/v1/customers/{}/timeline", d.customer_id), Auth::Session(&d.consultant)).await;
    assert!(timeline.body.to_string().contains("order.delivered"), "{:?}", timeline.body);

    // The finance feed has the whole story, in order.
    let feed = t.get("/api/v1/finance/feed", Auth::Session(&finance)).await;
    let kinds: Vec<&str> = feed.body["items"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["order.signed", "payment.recorded", "payment.recorded", "invoice.issued", "order.delivered"]);
});

crate::http_test!(async fn eight_identical_orders_of_an_accepted_quote_make_one_order(t) {
    let d = deal(&t).await;
    let mut within = d.example();
    within["discount_fen"] = json!(0);
    let q = accepted_quote(&t, &d, within).await;
    let body = json!({"quote_id": q["id"]});
    let replies = join_all((0..8).map(|_| t.send(Method::POST, "/api/v1/orders", Auth::Session(&d.consultant), Some(body.clone())))).await;
    let created = replies.iter().filter(|r| r.status == StatusCode::CREATED).count();
    assert_eq!(created, 1, "{replies:?}");
    for r in replies.iter().filter(|r| r.status != StatusCode::CREATED) {
        assert_eq!(r.status, StatusCode::CONFLICT, "{:?}", r.body);
    }
    assert_eq!(t.count("orders").await, 1);
    assert_eq!(t.count("finance_events").await, 1);
});
