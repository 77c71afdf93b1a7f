//! Approval of a discount over the consultant's limit and of a margin under the floor: asked
//! for, approved or rejected through the approvals engine, voided by any change, and needed
//! before acceptance.

use super::{deal, post, settings, yuan};
use crate::http::support::{Auth, Session, TestApp};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

async fn pending_request(t: &TestApp, manager: &Session) -> Value {
    let list = t
        .get("/api/v1/approvals?box=waiting", Auth::Session(manager))
        .await;
    assert_eq!(list.status, StatusCode::OK, "{:?}", list.body);
    list.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "quote.discount" && r["status"] == "pending")
        .cloned()
        .unwrap_or_else(|| panic!("no pending quote approval in {:?}", list.body))
}

async fn step(t: &TestApp, s: &Session, q: &Value, what: &str) -> crate::http::support::Reply {
    post(
        t,
        s,
        &format!("/api/v1/quotes/{}/{what}", q["id"].as_str().unwrap()),
        json!({"version": q["version"]}),
    )
    .await
}

crate::http_test!(async fn a_discount_over_the_limit_waits_for_approval_and_a_change_voids_it(t) {
    let d = deal(&t).await;
    settings(&t, &d, json!({"max_discount_fen": yuan(5_000)})).await;
    let q = post(&t, &d.consultant, "/api/v1/quotes", d.example()).await.body;
    assert_eq!(q["needs_approval"], true);
    assert_eq!(q["approval_reasons"], json!(["discount"]));
    // Not acceptable yet.
    let early = step(&t, &d.consultant, &q, "accept").await;
    assert_eq!(early.status, StatusCode::CONFLICT);
    assert_eq!(early.code(), "invalid_state");
    // Asked for: pending, the manager approves in the approvals list.
    let pending = step(&t, &d.consultant, &q, "request-approval").await;
    assert_eq!(pending.status, StatusCode::OK, "{:?}", pending.body);
    assert_eq!(pending.body["status"], "pending_approval");
    let request = pending_request(&t, &d.manager).await;
    let approved = post(&t, &d.manager, &format!("/api/v1/approvals/{}/approve", request["id"].as_str().unwrap()), json!({"version": request["version"]})).await;
    assert_eq!(approved.status, StatusCode::OK, "{:?}", approved.body);
    let q = t.get(&format!("/api/v1/quotes/{}", q["id"].as_str().unwrap()), Auth::Session(&d.consultant)).await.body;
    assert_eq!(q["status"], "approved");

    // Changing a line voids the approval: a draft needing approval again.
    let mut patch = d.example();
    patch["version"] = q["version"].clone();
    patch["discount_fen"] = json!(yuan(9_000));
    let changed = t.send(Method::PATCH, &format!("/api/v1/quotes/{}", q["id"].as_str().unwrap()), Auth::Session(&d.consultant), Some(patch)).await;
    assert_eq!(changed.status, StatusCode::OK, "{:?}", changed.body);
    assert_eq!(changed.body["status"], "draft");
    assert_eq!(changed.body["needs_approval"], true);
    let q = changed.body;
    assert_eq!(step(&t, &d.consultant, &q, "accept").await.status, StatusCode::CONFLICT);

    // Asked again and rejected: still not acceptable.
    let pending = step(&t, &d.consultant, &q, "request-approval").await.body;
    // A change while pending withdraws the request.
    let mut patch = d.example();
    patch["version"] = pending["version"].clone();
    patch["discount_fen"] = json!(yuan(9_500));
    let withdrawn = t.send(Method::PATCH, &format!("/api/v1/quotes/{}", q["id"].as_str().unwrap()), Auth::Session(&d.consultant), Some(patch)).await.body;
    assert_eq!(withdrawn["status"], "draft");
    assert_eq!(t.count_where("approval_requests", "status = 'pending'").await, 0);
    let pending = step(&t, &d.consultant, &withdrawn, "request-approval").await.body;
    let request = pending_request(&t, &d.manager).await;
    let rejected = post(&t, &d.manager, &format!("/api/v1/approvals/{}/reject", request["id"].as_str().unwrap()), json!({"version": request["version"], "comment": "太多了"})).await;
    assert_eq!(rejected.status, StatusCode::OK, "{:?}", rejected.body);
    let q = t.get(&format!("/api/v1/quotes/{}", pending["id"].as_str().unwrap()), Auth::Session(&d.consultant)).await.body;
    assert_eq!(q["status"], "rejected");
    assert_eq!(step(&t, &d.consultant, &q, "accept").await.status, StatusCode::CONFLICT);

    // Within the limit: no approval needed, accepted at once.
    let mut patch = d.example();
    patch["version"] = q["version"].clone();
    patch["discount_fen"] = json!(yuan(4_000));
    let within = t.send(Method::PATCH, &format!("/api/v1/quotes/{}", q["id"].as_str().unwrap()), Auth::Session(&d.consultant), Some(patch)).await.body;
    assert_eq!(within["needs_approval"], false);
    assert_eq!(step(&t, &d.consultant, &within, "request-approval").await.status, StatusCode::CONFLICT);
    let accepted = step(&t, &d.consultant, &within, "accept").await;
    assert_eq!(accepted.status, StatusCode::OK, "{:?}", accepted.body);
    assert_eq!(accepted.body["status"], "accepted");
});

crate::http_test!(async fn a_margin_under_the_floor_needs_approval_when_the_cost_is_known(t) {
    let d = deal(&t).await;
    settings(&t, &d, json!({"min_margin_fen": yuan(10_000)})).await;
    // No cost known: no margin check.
    let unknown = post(&t, &d.consultant, "/api/v1/quotes", d.example()).await.body;
    assert_eq!(unknown["needs_approval"], false);
    // Cost entered: goods 204,500 − 8,000 discount = 196,500; cost 180,000 + 0 + 6,000 (wheels
    // without a cost count at their price) + 2,500 + 2,000 = 190,500 → margin 6,000 < 10,000.
    let mut body = d.example();
    body["vehicle_cost_fen"] = json!(yuan(180_000));
    let thin = post(&t, &d.consultant, "/api/v1/quotes", body).await.body;
    assert_eq!(thin["needs_approval"], true, "{thin:?}");
    assert_eq!(thin["approval_reasons"], json!(["margin"]));
    assert!(thin["margin_fen"].is_null(), "a consultant does not see the margin");
    let seen = t.get(&format!("/api/v1/quotes/{}", thin["id"].as_str().unwrap()), Auth::Session(&d.manager)).await.body;
    assert_eq!(seen["margin_fen"], yuan(6_000));
    assert_eq!(seen["cost_fen"], yuan(190_500));
    // A manager's own quote needs no approval.
    let mut body = d.example();
    body["vehicle_cost_fen"] = json!(yuan(180_000));
    let own = post(&t, &d.manager, "/api/v1/quotes", body).await.body;
    assert_eq!(own["needs_approval"], false);
});
