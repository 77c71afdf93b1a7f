//! The stock list: filters, keyset paging, the export, and the low-stock list.

use super::{add_unit, fixture, vin};
use crate::http::support::Auth;
use axum::http::{Method, StatusCode, header};
use forecourt_domain::role::BuiltinRole::*;
use serde_json::json;

crate::http_test!(async fn the_list_filters_and_pages_by_keyset(t) {
    let f = fixture(&t).await;
    for n in 1..=5 {
        let colour = if n % 2 == 0 { "黑" } else { "白" };
        add_unit(&t, &f, json!({"vin": vin(n), "colour": colour, "location": format!("A区-{n}"),
            "arrived_on": format!("2026-0{}-01", 4 + n)})).await;
        t.clock.advance(chrono::Duration::seconds(1));
    }
    add_unit(&t, &f, json!({"vin": vin(6), "status": "in_transit"})).await;
    let consultant = t.login(&f.w.a.username(SalesConsultant)).await;
    let (tr, cs) = (&t, &consultant);
    let get = |q: &str| {
        let path = format!("/api/v1/stock-units?{q}");
        async move { tr.get(&path, Auth::Session(cs)).await }
    };
    let vins = |body: &serde_json::Value| -> Vec<String> {
        body["items"].as_array().unwrap().iter().map(|u| u["vin"].as_str().unwrap().to_owned()).collect()
    };
    let all = get("").await;
    assert_eq!(all.status, StatusCode::OK, "{:?}", all.body);
    assert_eq!(vins(&all.body).len(), 6);
    assert_eq!(vins(&get("colour=黑").await.body), [vin(4), vin(2)]);
    assert_eq!(vins(&get("status=in_transit").await.body), [vin(6)]);
    assert_eq!(vins(&get("status=in_stock,in_transit").await.body).len(), 6);
    assert_eq!(get("status=gone").await.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Today is 2026-11-02: units that arrived by 2026-08-04 (90 days).
    assert_eq!(vins(&get("min_days=90").await.body), [vin(4), vin(3), vin(2), vin(1)]);
    assert_eq!(vins(&get("min_days=100").await.body), [vin(3), vin(2), vin(1)]);
    assert_eq!(vins(&get("location=A区-5").await.body), [vin(5)]);
    let last6 = &vin(3)[11..];
    assert_eq!(vins(&get(&format!("q={last6}")).await.body), [vin(3)]);
    assert_eq!(vins(&get(&format!("series_id={}", f.series_id)).await.body).len(), 6);
    assert_eq!(vins(&get(&format!("catalog_model_id={}", f.model_id)).await.body).len(), 6);
    assert_eq!(vins(&get("used=true").await.body).len(), 0);
    // Keyset pages: every unit once, newest first.
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let q = match &cursor { Some(c) => format!("limit=2&cursor={c}"), None => "limit=2".into() };
        let page = get(&q).await;
        seen.extend(vins(&page.body));
        match page.body["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    assert_eq!(seen, vins(&all.body));
    assert_eq!(seen.len(), 6);
    // Another dealer sees none of them.
    let other = t.login(&f.w.b.username(SalesManager)).await;
    let theirs = t.get("/api/v1/stock-units", Auth::Session(&other)).await;
    assert_eq!(theirs.body["items"].as_array().unwrap().len(), 0);
});

crate::http_test!(async fn the_export_is_a_workbook_headed_in_the_readers_language(t) {
    let f = fixture(&t).await;
    add_unit(&t, &f, json!({"arrived_on": "2026-09-01"})).await;
    add_unit(&t, &f, json!({"vin": vin(2), "colour": "黑"})).await;
    let rows_of = |bytes: Vec<u8>| {
        use calamine::Reader;
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range_at(0).unwrap().unwrap();
        sheet.rows().map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>()).collect::<Vec<_>>()
    };
    let (status, headers, bytes) = t.get_bytes("/api/v1/stock-units/export?lang=en&colour=白", &f.manager).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE].to_str().unwrap().contains("spreadsheetml"));
    assert!(headers[header::CONTENT_DISPOSITION].to_str().unwrap().contains("stock-2026-11-02.xlsx"));
    let rows = rows_of(bytes);
    assert_eq!(rows[0][0], "VIN");
    assert_eq!(rows[0][3], "Status");
    assert_eq!(rows[0][10], "Cost (yuan)");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][0], vin(1));
    assert_eq!(rows[1][3], "In stock");
    assert_eq!(rows[1][6], "62");
    assert_eq!(rows[1][10], "180000");
    let (_, _, bytes) = t.get_bytes("/api/v1/stock-units/export", &f.manager).await;
    let rows = rows_of(bytes);
    assert_eq!(rows[0][1], "车型");
    assert_eq!(rows.len(), 3);
    let consultant = t.login(&f.w.a.username(SalesConsultant)).await;
    let (status, _, _) = t.get_bytes("/api/v1/stock-units/export", &consultant).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
});

crate::http_test!(async fn models_below_their_minimum_are_flagged_low(t) {
    let f = fixture(&t).await;
    add_unit(&t, &f, json!({})).await;
    let settings = t.get("/api/v1/stock/settings", Auth::Session(&f.manager)).await;
    assert_eq!(settings.status, StatusCode::OK, "{:?}", settings.body);
    assert_eq!(settings.body["aged_days"], json!([60, 90]));
    assert_eq!(settings.body["version"], 0);
    let bad = t.send(Method::PATCH, "/api/v1/stock/settings", Auth::Session(&f.manager),
        Some(json!({"version": 0, "aged_days": [30, 30], "minimums": [{"catalog_model_id": f.model_id, "minimum": 1000}]}))).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = bad.body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["aged_days", "minimums[0].minimum"]);
    let set = t.send(Method::PATCH, "/api/v1/stock/settings", Auth::Session(&f.manager),
        Some(json!({"version": 0, "aged_days": [90, 30], "minimums": [{"catalog_model_id": f.model_id, "minimum": 2}]}))).await;
    assert_eq!(set.status, StatusCode::OK, "{:?}", set.body);
    assert_eq!(set.body["aged_days"], json!([30, 90]));
    assert_eq!(set.body["version"], 1);
    let stale = t.send(Method::PATCH, "/api/v1/stock/settings", Auth::Session(&f.manager),
        Some(json!({"version": 0, "aged_days": [45]}))).await;
    assert_eq!(stale.code(), "version_conflict");
    let consultant = t.login(&f.w.a.username(SalesConsultant)).await;
    let models = t.get("/api/v1/stock-models", Auth::Session(&consultant)).await;
    assert_eq!(models.status, StatusCode::OK, "{:?}", models.body);
    assert_eq!(models.body[0]["in_stock"], 1);
    assert_eq!(models.body[0]["minimum"], 2);
    assert_eq!(models.body[0]["low_stock"], true);
    add_unit(&t, &f, json!({"vin": vin(2), "status": "in_transit"})).await;
    let models = t.get("/api/v1/stock-models", Auth::Session(&consultant)).await;
    assert_eq!(models.body[0]["low_stock"], false);
    assert_eq!(t.get("/api/v1/stock/settings", Auth::Session(&consultant)).await.status, StatusCode::FORBIDDEN);
});
