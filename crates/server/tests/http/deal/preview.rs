//! The builder's running price: a configuration priced exactly as saving it would, with the
//! same field errors and the same approval rule, and nothing written.

use super::{deal, lines, post, settings, yuan};
use axum::http::StatusCode;
use forecourt_domain::role::BuiltinRole::*;
use serde_json::json;

crate::http_test!(async fn a_preview_prices_like_a_saved_quote_and_writes_nothing(t) {
    let d = deal(&t).await;
    settings(&t, &d, json!({"max_discount_fen": yuan(5_000)})).await;
    let preview = post(&t, &d.consultant, "/api/v1/quotes/preview", d.example()).await;
    assert_eq!(preview.status, StatusCode::OK, "{:?}", preview.body);
    let p = preview.body;
    assert_eq!(t.count("quotes").await, 0);
    assert_eq!(t.count("quote_lines").await, 0);
    // 189,800 + 6,000 + 3,500 + 5,200 + 1,500 − 8,000, plus the tax on 191,300 / 1.13.
    assert_eq!(p["purchase_tax_fen"], 1_692_920);
    assert_eq!(p["total_fen"], yuan(198_000) + 1_692_920);
    assert_eq!(p["goods_fen"], yuan(189_800 + 6_000 + 3_500));
    assert_eq!(p["discount_fen"], yuan(8_000));
    // ¥8,000 off is over the consultant's ¥5,000: saving it would need the manager.
    assert_eq!(p["needs_approval"], true);
    assert_eq!(p["approval_reasons"], json!(["discount"]));
    assert!(p["margin_fen"].is_null(), "a consultant sees no margin");

    // Saved, the quote has the same lines and total.
    let saved = post(&t, &d.consultant, "/api/v1/quotes", d.example()).await;
    assert_eq!(saved.status, StatusCode::CREATED, "{:?}", saved.body);
    assert_eq!(lines(&saved.body), lines(&p));
    assert_eq!(saved.body["total_fen"], p["total_fen"]);
    assert_eq!(saved.body["needs_approval"], p["needs_approval"]);

    // Within the limit: no approval.
    let mut body = d.example();
    body["discount_fen"] = json!(yuan(3_000));
    let small = post(&t, &d.consultant, "/api/v1/quotes/preview", body).await;
    assert_eq!(small.body["needs_approval"], false, "{:?}", small.body);
    // The discount lowers the taxable price too: (199,300 − 3,000) / 1.13 × 10% = 17,371.68.
    assert_eq!(small.body["total_fen"], yuan(203_000) + 1_737_168);

    // The configuration's rules, refused naming the field; nothing written.
    let mut body = d.example();
    body["option_ids"] = json!([d.wheels19_id]);
    let no_paint = post(&t, &d.consultant, "/api/v1/quotes/preview", body).await;
    assert_eq!(no_paint.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(no_paint.body["errors"][0]["field"], "option_ids");
    let mut body = d.example();
    body["valid_until"] = json!("2000-01-01");
    let past = post(&t, &d.consultant, "/api/v1/quotes/preview", body).await;
    assert_eq!(past.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(past.body["errors"][0]["field"], "valid_until");

    // Finance cannot quote; the manager sees the margin.
    let finance = d.session(&t, Finance).await;
    let denied = post(&t, &finance, "/api/v1/quotes/preview", d.example()).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN, "{:?}", denied.body);
    let by_manager = post(&t, &d.manager, "/api/v1/quotes/preview", d.example()).await;
    assert_eq!(by_manager.status, StatusCode::OK, "{:?}", by_manager.body);
    assert_eq!(by_manager.body["needs_approval"], false, "a manager decides quotes");
    assert_eq!(t.count("quotes").await, 1);
});
