//! Sales tests of the pipeline and the morning report: moving opportunities between
//! stages, the funnel, and the day's counts.

use super::{lead, receive, session, walk_in};
use crate::http::support::{Auth, world};
use axum::http::{Method, StatusCode};
use chrono::Duration;
use forecourt_domain::role::BuiltinRole::*;
use serde_json::json;

crate::http_test!(async fn dragging_an_opportunity_moves_its_stage_and_feeds_the_funnel(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let outcome = receive(&t, &consultant, walk_in("蒋欣", "13600006666", "A")).await;
    let lead_id = outcome["lead"]["id"].as_str().unwrap().to_owned();
    let opened = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{lead_id}/opportunity"),
            Auth::Session(&consultant),
            Some(json!({"amount_fen": 21_980_000, "expected_on": "2026-11-30", "competitors": ["丰田 RAV4"]})),
        )
        .await;
    assert_eq!(opened.status, StatusCode::CREATED, "{:?}", opened.body);
    let opp = opened.body["id"].as_str().unwrap().to_owned();
    let stages = t.get("/api/v1/pipeline-stages", Auth::Session(&consultant)).await;
    let stage = |key: &str| {
        stages.body.as_array().unwrap().iter().find(|s| s["key"] == key).unwrap()["id"].clone()
    };
    let names: Vec<&str> = stages
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["需求确认", "试驾", "报价", "谈判", "签约", "交车"]);
    assert_eq!(opened.body["stage"]["id"], stage("needs"));

    t.clock.advance(Duration::hours(1));
    let moved = t
        .send(
            Method::POST,
            &format!("/api/v1/opportunities/{opp}/stage"),
            Auth::Session(&consultant),
            Some(json!({"version": opened.body["version"], "stage_id": stage("quote")})),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{:?}", moved.body);
    assert_eq!(moved.body["stage"]["key"], "quote");
    let signed = t
        .send(
            Method::POST,
            &format!("/api/v1/opportunities/{opp}/stage"),
            Auth::Session(&consultant),
            Some(json!({"version": moved.body["version"], "stage_id": stage("contract")})),
        )
        .await;
    assert_eq!(signed.status, StatusCode::OK, "{:?}", signed.body);
    // Signing orders the lead: grade O.
    let detail = lead(&t, &consultant, &lead_id).await;
    assert_eq!(detail["lead"]["grade"], "O");
    let got = t
        .get(&format!("/api/v1/opportunities/{opp}"), Auth::Session(&consultant))
        .await;
    let history: Vec<&str> = got.body["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["to"]["key"].as_str().unwrap_or_else(|| h["to"].as_str().unwrap()))
        .collect();
    assert_eq!(history.len(), 3, "{:?}", got.body["history"]);

    // The funnel: one opportunity reached needs, quote and contract (test drive and
    // negotiation were skipped but count as passed), none reached delivery.
    let funnel = t.get("/api/v1/opportunities/funnel", Auth::Session(&consultant)).await;
    assert_eq!(funnel.status, StatusCode::OK, "{:?}", funnel.body);
    assert_eq!(funnel.body["opened"], 1);
    let reached: Vec<i64> = funnel.body["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["reached"].as_i64().unwrap())
        .collect();
    assert_eq!(reached, [1, 1, 1, 1, 1, 0]);
    // The board shows the card in the contract column with its weighted amount (90%).
    let board = t.get("/api/v1/opportunities/board", Auth::Session(&consultant)).await;
    let column = board.body["columns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["stage"]["key"] == "contract")
        .unwrap()
        .clone();
    assert_eq!(column["count"], 1);
    assert_eq!(column["weighted_fen"], 19_782_000);

    // Another consultant's card cannot be moved by a consultant who does not own it.
    let stale = t
        .send(
            Method::POST,
            &format!("/api/v1/opportunities/{opp}/stage"),
            Auth::Session(&consultant),
            Some(json!({"version": moved.body["version"], "stage_id": stage("negotiation")})),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
});

crate::http_test!(async fn the_morning_report_counts_what_happened_in_the_dealers_day(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = session(&t, &w, SalesManager).await;
    // Yesterday (Shanghai): one walk-in, which must not count today.
    t.clock.set(t.clock_now() - Duration::days(1));
    receive(&t, &consultant, walk_in("昨日客", "13500000001", "C")).await;
    t.clock.set(t.clock_now() + Duration::days(1));
    // Today: two walk-ins for the consultant, one upgraded by a follow-up, one lost; one for
    // the manager.
    let a = receive(&t, &consultant, walk_in("甲", "13500000002", "B")).await;
    let b = receive(&t, &consultant, walk_in("乙", "13500000003", "C")).await;
    receive(&t, &manager, walk_in("丙", "13500000004", "A")).await;
    let reply = t
        .send(Method::POST, &format!("/api/v1/leads/{}/follow-ups", a["lead"]["id"].as_str().unwrap()),
            Auth::Session(&consultant),
            Some(json!({"version": a["lead"]["version"], "channel": "wechat", "summary": "报价满意", "grade": "H"})))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let lost = t
        .send(Method::POST, &format!("/api/v1/leads/{}/lost", b["lead"]["id"].as_str().unwrap()),
            Auth::Session(&manager),
            Some(json!({"version": b["lead"]["version"], "reason": "price", "competitor_brand": "比亚迪"})))
        .await;
    assert_eq!(lost.status, StatusCode::OK, "{:?}", lost.body);

    let report = t.get("/api/v1/sales/report?period=today", Auth::Session(&manager)).await;
    assert_eq!(report.status, StatusCode::OK, "{:?}", report.body);
    let total = &report.body["totals"];
    assert_eq!(total["new_leads"], 3, "{total:?}");
    assert_eq!(total["visits"], 3);
    assert_eq!(total["grade_upgrades"], 1);
    assert_eq!(total["lost"], 1);
    let me_id = t.get("/api/v1/me", Auth::Session(&consultant)).await.body["user"]["id"].clone();
    let row = report.body["consultants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["user"]["id"] == me_id)
        .unwrap()
        .clone();
    assert_eq!(row["figures"]["new_leads"], 2, "{row:?}");
    let walk_ins = report.body["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == "walk_in")
        .unwrap()["count"]
        .clone();
    assert_eq!(walk_ins, 3);

    // The week (Monday 2 November onwards) leaves out Sunday's walk-in too; the month holds it.
    let week = t.get("/api/v1/sales/report?period=week", Auth::Session(&manager)).await;
    assert_eq!(week.body["totals"]["new_leads"], 3);
    let month = t.get("/api/v1/sales/report?period=month", Auth::Session(&manager)).await;
    assert_eq!(month.body["totals"]["new_leads"], 4);
    // The consultant's home page: their own numbers only.
    let mine = t.get("/api/v1/sales/report?mine=true", Auth::Session(&consultant)).await;
    assert_eq!(mine.status, StatusCode::OK, "{:?}", mine.body);
    assert_eq!(mine.body["totals"]["new_leads"], 2);
    // A consultant's report is theirs alone, whatever they ask for.
    let own = t.get("/api/v1/sales/report", Auth::Session(&consultant)).await;
    assert_eq!(own.status, StatusCode::OK);
    assert_eq!(own.body["consultants"].as_array().unwrap().len(), 1);
    assert_eq!(own.body["totals"]["new_leads"], 2);
});
