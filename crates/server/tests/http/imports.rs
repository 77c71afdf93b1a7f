//! Importing customers from spreadsheets, and exporting them.

use super::customers::{create, zhang_wei};
use super::support::{Auth, Session, TestApp, world};
use axum::http::{Method, StatusCode, header};
use serde_json::{Value, json};

/// An XLSX like a dealer's old spreadsheet: Chinese headers, a few bad rows, a row that is a
/// second line of an earlier customer, numbers typed as numbers.
fn old_spreadsheet(rows: usize) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let headers = [
        "客户姓名",
        "手机号码",
        "车牌号",
        "车架号",
        "品牌",
        "购车日期",
        "备注",
        "负责人",
    ];
    for (col, h) in headers.iter().enumerate() {
        sheet.write_string(0, col as u16, *h).unwrap();
    }
    for i in 0..rows {
        let r = (i + 1) as u32;
        let name = ["张伟", "王芳", "李娜", "刘洋", "陈静"][i % 5];
        sheet.write_string(r, 0, format!("{name}{i}")).unwrap();
        sheet
            .write_number(r, 1, 13_900_000_000.0 + i as f64)
            .unwrap();
        sheet
            .write_string(r, 2, format!("浙A{:05}", 10_000 + i))
            .unwrap();
        sheet
            .write_string(r, 6, "=HYPERLINK(\"http://evil\")")
            .unwrap();
        sheet.write_string(r, 7, "DA 销售顾问").unwrap();
    }
    let bad = rows as u32 + 1;
    sheet.write_string(bad, 0, "坏号码").unwrap();
    sheet.write_string(bad, 1, "12345").unwrap();
    sheet.write_string(bad + 1, 0, "").unwrap();
    sheet.write_string(bad + 1, 1, "13800009999").unwrap();
    sheet.write_string(bad + 2, 0, "无联系方式").unwrap();
    sheet.write_string(bad + 3, 0, "坏车牌").unwrap();
    sheet.write_string(bad + 3, 1, "13800008888").unwrap();
    sheet.write_string(bad + 3, 2, "ZZ12345").unwrap();
    sheet.write_string(bad + 4, 0, "张伟0").unwrap();
    sheet.write_string(bad + 4, 1, "13900000000").unwrap();
    sheet.write_string(bad + 4, 4, "大众").unwrap();
    workbook.save_to_buffer().unwrap()
}

async fn upload(t: &TestApp, session: &Session, name: &str, bytes: Vec<u8>) -> Value {
    let request = axum::http::Request::builder()
        .method(Method::POST)
        .uri(format!(
            "/api/v1/customer-imports?filename={}",
            super::customers::urlencode(name)
        ))
        .header(
            header::COOKIE,
            format!("forecourt_session={}", session.cookie),
        )
        .header("x-csrf-token", &session.csrf)
        .header("x-forwarded-for", t.fresh_ip())
        .header(header::CONTENT_TYPE, "application/octet-stream")
        .body(axum::body::Body::from(bytes))
        .unwrap();
    let response = tower::ServiceExt::oneshot(t.router.clone(), request)
        .await
        .unwrap();
    let status = response.status();
    let body = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    let json: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(status, StatusCode::CREATED, "{json}");
    json
}

crate::http_test!(async fn an_old_spreadsheet_imports_with_a_clear_report_and_twice_makes_no_twins(t) {
    let _w = world(&t).await;
    let assistant = t.login("da-sales-assistant").await;
    let file = upload(&t, &assistant, "2019年老客户.xlsx", old_spreadsheet(3000)).await;
    assert_eq!(file["format"], "xlsx");
    assert_eq!(file["row_count"], 3005);
    let mapping = file["suggested_mapping"].clone();
    assert_eq!(mapping["客户姓名"], "name");
    assert_eq!(mapping["手机号码"], "phone");
    assert_eq!(mapping["车架号"], "vin");
    let id = file["id"].as_str().unwrap().to_owned();
    let options = json!({"mapping": mapping, "mode": "all_or_nothing", "save_mapping_as": "老系统导出"});

    let customers_before = t.count("customers").await;
    let dry = t.send(Method::POST, &format!("/api/v1/customer-imports/{id}/dry-run"), Auth::Session(&assistant), Some(options.clone())).await;
    assert_eq!(dry.status, StatusCode::OK, "{:?}", dry.body);
    assert_eq!(dry.body["dry_run"], true);
    assert_eq!(dry.body["invalid_rows"], 4);
    assert_eq!(dry.body["created"], 3000, "the last row is a second line of 张伟0");
    let errors = dry.body["errors"].as_array().unwrap();
    let at = |row: u64| errors.iter().find(|e| e["row"] == row).unwrap_or_else(|| panic!("row {row}: {errors:?}")).clone();
    assert_eq!(at(3002)["column"], "手机号码");
    assert_eq!(at(3002)["code"], "invalid_phone");
    assert_eq!(at(3003)["code"], "required");
    assert_eq!(at(3004)["code"], "no_identifier");
    assert_eq!(at(3005)["column"], "车牌号");
    assert_eq!(t.count("customers").await, customers_before, "a dry run writes nothing");

    // All or nothing refuses a file with bad rows.
    let refused = t.send(Method::POST, &format!("/api/v1/customer-imports/{id}/run"), Auth::Session(&assistant), Some(options.clone())).await;
    assert_eq!(refused.body["applied"], false);
    assert_eq!(t.count("customers").await, customers_before);

    let mut skipping = options.clone();
    skipping["mode"] = json!("skip_invalid");
    let done = t.send(Method::POST, &format!("/api/v1/customer-imports/{id}/run"), Auth::Session(&assistant), Some(skipping.clone())).await;
    assert_eq!(done.body["applied"], true, "{:?}", done.body);
    assert_eq!(done.body["created"], 3000);
    assert_eq!(t.count("customers").await, customers_before + 3000);

    // The same file again: everyone is recognised; nothing is twinned or changed.
    let file2 = upload(&t, &assistant, "2019年老客户.xlsx", old_spreadsheet(3000)).await;
    let again = t
        .send(Method::POST, &format!("/api/v1/customer-imports/{}/run", file2["id"].as_str().unwrap()), Auth::Session(&assistant), Some(skipping))
        .await;
    assert_eq!(again.body["created"], 0, "{:?}", again.body);
    assert_eq!(again.body["unchanged"], 3000);
    assert_eq!(t.count("customers").await, customers_before + 3000);

    let hits = t.get("/api/v1/customers/search?q=张伟0", Auth::Session(&t.login("da-sales-manager").await)).await;
    let first = hits.body.as_array().unwrap().iter().find(|h| h["customer"]["name"] == "张伟0").unwrap().clone();
    assert_eq!(first["customer"]["owner"]["display_name"], "DA 销售顾问");
    let saved = t.get("/api/v1/import-mappings", Auth::Session(&assistant)).await;
    assert_eq!(saved.body[0]["name"], "老系统导出");
});

crate::http_test!(async fn exports_stream_masked_and_safe_spreadsheets(t) {
    let _w = world(&t).await;
    let manager = t.login("da-sales-manager").await;
    let mut evil = zhang_wei();
    evil["notes"] = json!("=cmd|' /C calc'!A0");
    evil["name"] = json!("=张伟");
    create(&t, &manager, evil).await;
    create(&t, &manager, json!({"name": "王芳", "phones": [{"number": "13700001111"}], "tags": ["VIP"]})).await;

    let marketing = t.login("da-marketing").await;
    let csv = t.get("/api/v1/customers/export?format=csv", Auth::Session(&marketing)).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/csv"));
    assert!(csv.headers[header::CONTENT_DISPOSITION].to_str().unwrap().contains("attachment"));
    let text = csv.body.as_str().unwrap().to_owned();
    assert!(text.starts_with('\u{FEFF}'), "a BOM for Excel");
    assert!(text.contains("138****5678") && !text.contains("13812345678"), "masked for marketing");
    assert!(text.contains("**************002X") && !text.contains("11010519491231002X"));
    assert!(text.contains("'=张伟"), "formula neutralised");

    let (status, headers, bytes) = t.get_bytes("/api/v1/customers/export?format=xlsx&lang=en&tag=VIP", &manager).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE].to_str().unwrap().contains("spreadsheetml"));
    // It opens as a spreadsheet: English headers, the one VIP customer, the phone visible to
    // the manager.
    use calamine::Reader;
    let mut workbook = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = workbook.worksheet_range_at(0).unwrap().unwrap();
    let rows: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    assert_eq!(rows[0][0], "Name");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][0], "王芳");
    assert_eq!(rows[1][4], "13700001111");

    // The export is audited.
    let admin = t.login("da-admin").await;
    let audit = t.get("/api/v1/audit-events?action=customer.exported", Auth::Session(&admin)).await;
    assert_eq!(audit.body["items"].as_array().unwrap().len(), 2);
});
