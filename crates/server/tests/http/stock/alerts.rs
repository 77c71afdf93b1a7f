//! Aged-stock alerts, once per unit and threshold, through the job runner on a controlled
//! clock; low stock once per model and day.

use super::{add_unit, fixture, vin};
use crate::http::support::Auth;
use axum::http::Method;
use chrono::Duration;
use forecourt_domain::role::BuiltinRole::*;
use forecourt_kernel::jobs::{JobRegistry, JobRunner, RunnerOptions};
use serde_json::json;

crate::http_test!(async fn aged_stock_raises_each_threshold_once(t) {
    let mut f = fixture(&t).await;
    add_unit(&t, &f, json!({"arrived_on": "2026-09-05"})).await;
    t.app.ensure_schedules().await.unwrap();
    let runner = JobRunner::new(t.app.clone(), JobRegistry::builtin(), RunnerOptions::default());
    let aged = || t.count_where("notifications", "kind = 'stock.aged'");
    // 2026-11-02 is day 58: nothing yet.
    t.clock.advance(Duration::hours(1));
    runner.run_due_once().await.unwrap();
    assert_eq!(aged().await, 0);
    // Day 60 (local time): one alert, for the stock managers (the sales manager and admin).
    t.clock.advance(Duration::days(2));
    runner.run_due_once().await.unwrap();
    let first = aged().await;
    assert!(first >= 2, "{first}");
    assert_eq!(t.count_where("stock_alerts", "threshold_days = 60").await, 1);
    // Running again raises nothing more.
    t.clock.advance(Duration::hours(1));
    runner.run_due_once().await.unwrap();
    assert_eq!(t.count("stock_alerts").await, 1);
    assert_eq!(aged().await, first);
    // Past 90: the second threshold, once.
    t.clock.advance(Duration::days(30));
    runner.run_due_once().await.unwrap();
    assert_eq!(t.count_where("stock_alerts", "threshold_days = 90").await, 1);
    assert_eq!(aged().await, first * 2);
    f.manager = t.login(&f.w.a.username(SalesManager)).await;
    let manager = t.get("/api/v1/notifications", Auth::Session(&f.manager)).await;
    let titles: Vec<&str> = manager.body["items"].as_array().unwrap().iter()
        .filter_map(|n| n["title"].as_str()).collect();
    assert!(titles.iter().any(|t| t.contains(&vin(1))), "{titles:?}");
});

crate::http_test!(async fn low_stock_alerts_once_a_day(t) {
    let mut f = fixture(&t).await;
    add_unit(&t, &f, json!({})).await;
    let set = t.send(Method::PATCH, "/api/v1/stock/settings", Auth::Session(&f.manager),
        Some(json!({"version": 0, "minimums": [{"catalog_model_id": f.model_id, "minimum": 3}]}))).await;
    assert_eq!(set.status, axum::http::StatusCode::OK, "{:?}", set.body);
    let low = || t.count_where("stock_alerts", "kind = 'low_stock'");
    use forecourt_stock::StockExt as _;
    t.app.stock().raise_stock_alerts().await.unwrap();
    assert_eq!(low().await, 1);
    t.app.stock().raise_stock_alerts().await.unwrap();
    assert_eq!(low().await, 1);
    assert!(t.count_where("notifications", "kind = 'stock.low'").await >= 1);
    t.clock.advance(Duration::days(1));
    t.app.stock().raise_stock_alerts().await.unwrap();
    assert_eq!(low().await, 2);
    f.manager = t.login(&f.w.a.username(SalesManager)).await;
    add_unit(&t, &f, json!({"vin": vin(2)})).await;
    add_unit(&t, &f, json!({"vin": vin(3)})).await;
    t.clock.advance(Duration::days(1));
    t.app.stock().raise_stock_alerts().await.unwrap();
    assert_eq!(low().await, 2);
    f.manager = t.login(&f.w.a.username(SalesManager)).await;
});
