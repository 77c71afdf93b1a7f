//! The morning report read the way the meeting reads it: yesterday, last week and last month in
//! the dealer's time zone; consultants only in the consultant table; the Excel export; and a
//! funnel whose "won" counts the same opportunities as its stages.

use super::support::{Auth, Session, TestApp, World, world};
use axum::http::{Method, StatusCode, header};
use chrono::Duration;
use forecourt_domain::role::BuiltinRole::*;
use serde_json::{Value, json};

async fn session(t: &TestApp, w: &World, role: forecourt_domain::role::BuiltinRole) -> Session {
    t.login(&w.a.username(role)).await
}

async fn walk_in(t: &TestApp, s: &Session, name: &str, phone: &str) -> Value {
    let reply = t
        .send(
            Method::POST,
            "/api/v1/receptions",
            Auth::Session(s),
            Some(json!({
                "customer": {"name": name, "phones": [{"number": phone}]},
                "party_size": 1,
                "models": [{"text": "途观L"}],
                "test_drive": false,
                "grade": "B",
            })),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
    reply.body
}

crate::http_test!(async fn yesterday_last_week_and_last_month_are_the_dealers_days(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = session(&t, &w, SalesManager).await;
    // The clock stands on Monday 2 November (Shanghai). A walk-in on Sunday 1 November, one on
    // Friday 30 October, one today.
    let now = t.clock_now();
    t.clock.set(now - Duration::days(1));
    walk_in(&t, &consultant, "周日客", "13500001001").await;
    t.clock.set(now - Duration::days(3));
    walk_in(&t, &consultant, "周五客", "13500001002").await;
    t.clock.set(now);
    walk_in(&t, &consultant, "今日客", "13500001003").await;

    let get = |query: &'static str| {
        let manager = &manager;
        let t = &t;
        async move {
            let reply = t
                .get(&format!("/api/v1/sales/report?{query}"), Auth::Session(manager))
                .await;
            assert_eq!(reply.status, StatusCode::OK, "{query}: {:?}", reply.body);
            reply.body
        }
    };
    let yesterday = get("period=yesterday").await;
    assert_eq!(yesterday["first_day"], "2026-11-01");
    assert_eq!(yesterday["last_day"], "2026-11-01");
    assert_eq!(yesterday["totals"]["new_leads"], 1, "{yesterday:?}");
    let last_week = get("period=last_week").await;
    assert_eq!(last_week["first_day"], "2026-10-26");
    assert_eq!(last_week["last_day"], "2026-11-01");
    assert_eq!(last_week["totals"]["new_leads"], 2);
    let last_month = get("period=last_month").await;
    assert_eq!(last_month["first_day"], "2026-10-01");
    assert_eq!(last_month["last_day"], "2026-10-31");
    assert_eq!(last_month["totals"]["new_leads"], 1);
    // Relative to another day: the day before 1 November is in October.
    let before = get("period=yesterday&date=2026-11-01").await;
    assert_eq!(before["first_day"], "2026-10-31");
});

crate::http_test!(async fn only_sales_consultants_are_listed_as_consultants(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = session(&t, &w, SalesManager).await;
    walk_in(&t, &consultant, "顾问的客户", "13500002001").await;
    // The manager receives a walk-in of their own: it counts in the totals, yet the manager
    // is no consultant.
    walk_in(&t, &manager, "经理的客户", "13500002002").await;
    let report = t.get("/api/v1/sales/report", Auth::Session(&manager)).await;
    assert_eq!(report.status, StatusCode::OK, "{:?}", report.body);
    assert_eq!(report.body["totals"]["new_leads"], 2);
    let users = t.get("/api/v1/users?limit=100", Auth::Session(&manager)).await;
    let role_of = |id: &Value| {
        users.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| &u["id"] == id)
            .map(|u| u["role"].as_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    let roles: Vec<String> = report.body["consultants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| role_of(&r["user"]["id"]))
        .collect();
    assert!(!roles.is_empty());
    assert!(
        roles.iter().all(|r| r == "sales_consultant"),
        "only consultants: {roles:?}"
    );
});

crate::http_test!(async fn the_report_exports_as_a_workbook_in_the_readers_language(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = session(&t, &w, SalesManager).await;
    walk_in(&t, &consultant, "导出客", "13500003001").await;
    let rows_of = |bytes: Vec<u8>| {
        use calamine::Reader;
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range_at(0).unwrap().unwrap();
        sheet
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>())
            .collect::<Vec<_>>()
    };

    let (status, headers, bytes) = t
        .get_bytes("/api/v1/sales/report/export?period=today&lang=en", &manager)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE].to_str().unwrap().contains("spreadsheetml"));
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("sales-report-2026-11-02.xlsx")
    );
    let rows = rows_of(bytes);
    assert_eq!(rows[0][1], "2026-11-02");
    assert_eq!(rows[2][0], "Consultant");
    assert_eq!(rows[2][2], "New leads");
    let total = rows.last().unwrap();
    assert_eq!(total[0], "Total");
    assert_eq!(total[2], "1");

    let (_, _, bytes) = t
        .get_bytes("/api/v1/sales/report/export?period=today&lang=zh-TW", &manager)
        .await;
    assert_eq!(rows_of(bytes)[2][0], "銷售顧問");
    let (_, _, bytes) = t.get_bytes("/api/v1/sales/report/export", &manager).await;
    assert_eq!(rows_of(bytes)[2][2], "新增线索");

    // Whoever may not read the report may not export it.
    let advisor = session(&t, &w, ServiceAdvisor).await;
    let (status, _, _) = t.get_bytes("/api/v1/sales/report/export", &advisor).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
});

crate::http_test!(async fn the_funnel_counts_won_among_the_opportunities_it_draws(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let stages = t.get("/api/v1/pipeline-stages", Auth::Session(&consultant)).await;
    let stage = |key: &str| {
        stages.body.as_array().unwrap().iter().find(|s| s["key"] == key).unwrap()["id"].clone()
    };
    let now = t.clock_now();
    // Opened 40 days ago, delivered today: outside this period's cohort.
    t.clock.set(now - Duration::days(40));
    let old = walk_in(&t, &consultant, "老商机", "13500004001").await;
    let opened = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{}/opportunity", old["lead"]["id"].as_str().unwrap()),
            Auth::Session(&consultant),
            Some(json!({"amount_fen": 20_000_000})),
        )
        .await;
    assert_eq!(opened.status, StatusCode::CREATED, "{:?}", opened.body);
    t.clock.set(now);
    let delivered = t
        .send(
            Method::POST,
            &format!("/api/v1/opportunities/{}/stage", opened.body["id"].as_str().unwrap()),
            Auth::Session(&consultant),
            Some(json!({"version": opened.body["version"], "stage_id": stage("delivered")})),
        )
        .await;
    assert_eq!(delivered.status, StatusCode::OK, "{:?}", delivered.body);
    // Opened this week, still at the start.
    let fresh = walk_in(&t, &consultant, "新商机", "13500004002").await;
    let reply = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{}/opportunity", fresh["lead"]["id"].as_str().unwrap()),
            Auth::Session(&consultant),
            Some(json!({})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);

    let from = (now - Duration::days(10)).to_rfc3339();
    let to = (now + Duration::hours(1)).to_rfc3339();
    let funnel = t
        .get(
            &format!(
                "/api/v1/opportunities/funnel?from={}&to={}",
                from.replace('+', "%2B"),
                to.replace('+', "%2B")
            ),
            Auth::Session(&consultant),
        )
        .await;
    assert_eq!(funnel.status, StatusCode::OK, "{:?}", funnel.body);
    assert_eq!(funnel.body["opened"], 1);
    let delivery = funnel.body["stages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["stage"]["key"] == "delivered")
        .unwrap()["reached"]
        .clone();
    assert_eq!(delivery, 0);
    // "Won" beside the stages counts the same cohort: none of this period's is won yet.
    assert_eq!(funnel.body["won"], 0, "{:?}", funnel.body);
    assert_eq!(funnel.body["won_fen"], 0);
});
