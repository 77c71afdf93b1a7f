//! `forecourt demo`: a short sales history played through the use cases; running it again
//! changes nothing; the morning report and the lead list agree about it.

use super::support::Auth;
use axum::http::StatusCode;
use forecourt_demo::DEMO_PASSWORD;
use forecourt_demo::DemoExt as _;

crate::http_test!(async fn the_demo_plays_a_sales_history_once_and_the_report_agrees(t) {
    let first = t.app.demo().load_demo_with(10, &|_| {}).await.unwrap();
    assert!(first.created);
    let leads = t.count("leads").await;
    assert!(leads > 20, "{leads} leads");
    assert!(t.count("lead_follow_ups").await > 0);
    assert!(t.count("receptions").await > 0);
    assert!(t.count("test_drive_bookings").await > 0);
    assert!(t.count("opportunities").await > 0);

    let again = t.app.demo().load_demo_with(10, &|_| {}).await.unwrap();
    assert!(!again.created);
    assert_eq!(t.count("leads").await, leads);

    // The clock stands at Monday 2 November, 09:00 in Hangzhou: this month began on Sunday
    // 1 November, 00:00 local (31 October, 16:00 UTC).
    let manager = t.login_with("hz-sales-manager", DEMO_PASSWORD).await;
    let report = t
        .get("/api/v1/sales/report?period=month", Auth::Session(&manager))
        .await;
    assert_eq!(report.status, StatusCode::OK, "{:?}", report.body);
    let listed = t
        .get(
            "/api/v1/leads?created_from=2026-10-31T16:00:00Z&with_count=true&limit=1",
            Auth::Session(&manager),
        )
        .await;
    assert_eq!(listed.status, StatusCode::OK, "{:?}", listed.body);
    assert_eq!(report.body["totals"]["new_leads"], listed.body["count"]);
    let per_consultant: i64 = report.body["consultants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["figures"]["new_leads"].as_i64().unwrap())
        .sum();
    assert_eq!(per_consultant, report.body["totals"]["new_leads"].as_i64().unwrap());
    let funnel = t
        .get("/api/v1/opportunities/funnel", Auth::Session(&manager))
        .await;
    assert_eq!(funnel.status, StatusCode::OK);
    assert!(funnel.body["opened"].as_i64().unwrap() > 0, "{:?}", funnel.body);
});
