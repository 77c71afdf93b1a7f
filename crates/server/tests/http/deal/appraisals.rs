//! Trade-in appraisals: a customer's own car only, applied as the trade-in line, refused once
//! expired or when of another customer.

use super::{created, deal, lines, opportunity, post, yuan};
use crate::http::support::Auth;
use axum::http::StatusCode;
use chrono::Duration;
use serde_json::json;

crate::http_test!(async fn an_appraisal_is_the_trade_in_line_until_it_expires(t) {
    let d = deal(&t).await;
    let car = created(&t, &d.consultant, "/api/v1/vehicles",
        json!({"customer_id": d.customer_id, "brand": "丰田", "series": "卡罗拉", "plate": "浙A12345"})).await;
    let car_id = car["id"].as_str().unwrap().to_owned();
    let appraisal = created(&t, &d.consultant, "/api/v1/appraisals", json!({
        "customer_id": d.customer_id, "vehicle_id": car_id, "mileage_km": 86_000,
        "condition_notes": "左后门有划痕", "value_fen": yuan(45_000), "valid_until": "2026-11-09",
    })).await;
    assert_eq!(appraisal["expired"], false);
    assert_eq!(appraisal["vehicle_label"], "浙A12345 丰田 卡罗拉");
    let listed = t.get(&format!("/api/v1/appraisals?customer_id={}", d.customer_id), Auth::Session(&d.consultant)).await;
    assert_eq!(listed.body["items"].as_array().unwrap().len(), 1, "{:?}", listed.body);

    // Applied: 189,800 + 6,000 + 3,500 + 5,200 + 1,500 − 8,000 − 45,000 = 153,000.00 before tax.
    let mut body = d.example();
    body["appraisal_id"] = appraisal["id"].clone();
    let q = post(&t, &d.consultant, "/api/v1/quotes", body.clone()).await;
    assert_eq!(q.status, StatusCode::CREATED, "{:?}", q.body);
    assert_eq!(q.body["trade_in_fen"], yuan(45_000));
    assert_eq!(lines(&q.body).last().unwrap(), &("trade_in".to_owned(), -yuan(45_000)));
    assert_eq!(q.body["total_fen"], yuan(153_000) + 1_692_920);

    // Another customer's car cannot be appraised for this customer.
    let (other, _, other_opp) = opportunity(&t, &d.consultant, "李娜", "13900004444").await;
    let refused = post(&t, &d.consultant, "/api/v1/appraisals", json!({
        "customer_id": other, "vehicle_id": car_id, "value_fen": yuan(1_000),
    })).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.body["errors"][0]["field"], "vehicle_id");
    // Nor this customer's appraisal applied to another customer's quote.
    let mut foreign = body.clone();
    foreign["opportunity_id"] = json!(other_opp);
    let refused = post(&t, &d.consultant, "/api/v1/quotes", foreign).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.body["errors"][0]["field"], "appraisal_id");
    assert_eq!(refused.body["errors"][0]["code"], "other_customer");

    // After its last day the appraisal can no longer be applied.
    t.clock.advance(Duration::days(8));
    let d = crate::http::deal::Deal {
        consultant: d.session(&t, forecourt_domain::role::BuiltinRole::SalesConsultant).await,
        ..d
    };
    let expired = post(&t, &d.consultant, "/api/v1/quotes", body).await;
    assert_eq!(expired.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", expired.body);
    assert_eq!(expired.body["errors"][0]["field"], "appraisal_id");
    assert_eq!(expired.body["errors"][0]["code"], "expired");
    let read = t.get(&format!("/api/v1/appraisals/{}", appraisal["id"].as_str().unwrap()), Auth::Session(&d.consultant)).await;
    assert_eq!(read.body["expired"], true);
    // The quote made with it keeps its trade-in, and reads as expired past its own validity.
    let kept = t.get(&format!("/api/v1/quotes/{}", q.body["id"].as_str().unwrap()), Auth::Session(&d.consultant)).await;
    assert_eq!(kept.body["trade_in_fen"], yuan(45_000));
    assert_eq!(kept.body["status"], "expired");
    let late = post(&t, &d.consultant, &format!("/api/v1/quotes/{}/accept", q.body["id"].as_str().unwrap()), json!({"version": kept.body["version"]})).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
});
