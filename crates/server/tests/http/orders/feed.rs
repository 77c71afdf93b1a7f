//! The finance feed read in small pages, resumed from a saved cursor after more writes: every
//! event exactly once, in order. The receivables ageing and the export.

use super::*;
use forecourt_domain::role::BuiltinRole::*;

async fn read_all(t: &TestApp, s: &Session, mut cursor: String, seen: &mut Vec<i64>) -> String {
    loop {
        let page = t
            .get(
                &format!("/api/v1/finance/feed?cursor={cursor}&limit=2"),
                Auth::Session(s),
            )
            .await;
        assert_eq!(page.status, StatusCode::OK, "{:?}", page.body);
        let items = page.body["items"].as_array().unwrap();
        assert!(items.len() <= 2);
        seen.extend(items.iter().map(|e| e["seq"].as_i64().unwrap()));
        cursor = page.body["next_cursor"].as_str().unwrap().to_owned();
        if !page.body["has_more"].as_bool().unwrap() {
            return cursor;
        }
    }
}

crate::http_test!(async fn the_feed_gives_every_event_once_across_pages_and_restarts(t) {
    let w = crate::http::support::world(&t).await;
    let finance = session(&t, &w, Finance).await;
    let (a, _) = order(&t, &w, "13700030001").await;
    let (b, _) = order(&t, &w, "13700030002").await;
    for (n, id) in [&a, &b, &a].into_iter().enumerate() {
        let paid = post(&t, &finance, id, "payments", json!({
            "purpose": "balance", "method": "transfer", "amount_fen": 10_000 + n as i64, "receipt_no": format!("F-{n}")})).await;
        assert_eq!(paid.status, StatusCode::CREATED, "{:?}", paid.body);
    }
    let mut seen = Vec::new();
    let saved = read_all(&t, &finance, String::new(), &mut seen).await;
    assert_eq!(seen, [1, 2, 3, 4, 5]);
    // More writes after the reader stopped; it resumes from the saved cursor.
    let (c, _) = order(&t, &w, "13700030003").await;
    let paid = post(&t, &finance, &c, "payments", json!({
        "purpose": "advance", "method": "alipay", "amount_fen": 500, "receipt_no": "F-9"})).await;
    assert_eq!(paid.status, StatusCode::CREATED, "{:?}", paid.body);
    let end = read_all(&t, &finance, saved, &mut seen).await;
    assert_eq!(seen, (1..=7).collect::<Vec<_>>());
    let page = t.get(&format!("/api/v1/finance/feed?cursor={end}"), Auth::Session(&finance)).await;
    assert_eq!(page.body["items"].as_array().unwrap().len(), 0);
    assert_eq!(page.body["next_cursor"], end);
    let first = t.get("/api/v1/finance/feed?limit=1", Auth::Session(&finance)).await;
    assert_eq!(first.body["items"][0]["kind"], "order.signed");
    // Nobody but finance (and the admin) reads it; a bad cursor is a 422 naming it.
    let consultant = session(&t, &w, SalesConsultant).await;
    let denied = t.get("/api/v1/finance/feed", Auth::Session(&consultant)).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    let bad = t.get("/api/v1/finance/feed?cursor=abc", Auth::Session(&finance)).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.body["errors"][0]["field"], "cursor");
});

crate::http_test!(async fn receivables_age_by_days_past_due_and_export_in_the_readers_language(t) {
    let w = crate::http::support::world(&t).await;
    let finance = session(&t, &w, Finance).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let (id, _) = order(&t, &w, "13700040001").await;
    // Signed 2 November (local); a 订金 due that day, the balance due 1 December.
    let planned = post(&t, &consultant, &id, "schedule",
        json!({"purpose": "advance", "amount_fen": 1_000_000, "due_on": "2026-11-02"})).await;
    assert_eq!(planned.status, StatusCode::CREATED, "{:?}", planned.body);
    let planned = post(&t, &consultant, &id, "schedule",
        json!({"purpose": "balance", "amount_fen": TOTAL - 1_000_000, "due_on": "2026-12-01"})).await;
    assert_eq!(planned.status, StatusCode::CREATED, "{:?}", planned.body);
    let paid = post(&t, &finance, &id, "payments", json!({
        "purpose": "advance", "method": "cash", "amount_fen": 400_000, "receipt_no": "A-1"})).await;
    assert_eq!(paid.status, StatusCode::CREATED, "{:?}", paid.body);

    let aged = t.get("/api/v1/finance/receivables-ageing?as_of=2027-01-15", Auth::Session(&finance)).await;
    assert_eq!(aged.status, StatusCode::OK, "{:?}", aged.body);
    let row = &aged.body["rows"][0];
    // 600,000 of the 订金 is 74 days late; the balance 45 days.
    assert_eq!(row["buckets"]["days_61_90_fen"], 600_000);
    assert_eq!(row["buckets"]["days_31_60_fen"], TOTAL - 1_000_000);
    assert_eq!(row["buckets"]["total_fen"], TOTAL - 400_000);
    assert_eq!(aged.body["totals"]["total_fen"], TOTAL - 400_000);

    let (status, headers, bytes) = t
        .get_bytes("/api/v1/finance/export?from=2026-11-01&to=2026-11-30&format=csv&lang=en", &finance)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers["content-type"].to_str().unwrap().starts_with("text/csv"));
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("Type,Date,Contract"), "{text}");
    assert!(text.contains("Payments,2026-11-02,HT2026000001,A-1,advance/cash,,4000.00"), "{text}");
    let (status, _, bytes) = t
        .get_bytes("/api/v1/finance/export?from=2026-11-01&to=2026-11-30", &finance)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(bytes.starts_with(b"PK"));
});
