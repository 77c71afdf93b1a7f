//! Repair orders through the API: the whole visit with exact fen totals (the bill excludes
//! warranty), the quality check refused while work is open, the odometer never going back,
//! another dealer's order, one open job per technician under concurrency, and the parts price
//! list with its import.

use super::repair_fixture::{Fixture, add_labour, fixture, open, user_id};
use crate::http::support::{Auth, Session, TestApp};
use axum::http::{Method, StatusCode};
use chrono::Datelike;
use futures_util::future::join_all;
use serde_json::{Value, json};

fn path(order: &Value, tail: &str) -> String {
    format!(
        "/api/v1/repair-orders/{}{tail}",
        order["id"].as_str().unwrap()
    )
}

async fn post(t: &TestApp, s: &Session, path: &str, body: Value) -> crate::http::support::Reply {
    t.send(Method::POST, path, Auth::Session(s), Some(body))
        .await
}

async fn ok(t: &TestApp, s: &Session, path: &str, body: Value) -> Value {
    let reply = post(t, s, path, body).await;
    assert_eq!(reply.status, StatusCode::OK, "{path}: {:?}", reply.body);
    reply.body
}

async fn price_list(t: &TestApp, f: &Fixture) {
    for (no, name, fen) in [
        ("06L115562B", "机油滤清器", 8_800),
        ("5W30-4L", "全合成机油 4L", 39_900),
    ] {
        let reply = post(
            t,
            &f.manager,
            "/api/v1/parts-prices",
            json!({"part_no": no, "name": name, "price_fen": fen}),
        )
        .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
    }
}

crate::http_test!(async fn aftersales_a_visit_from_opening_to_pickup_bills_the_customer_to_the_fen(t) {
    let f = fixture(&t).await;
    price_list(&t, &f).await;
    let order = open(&t, &f, 33_000).await;
    let year = t.clock_now().year();
    assert_eq!(order["number"], format!("RO{year}000001"));
    assert_eq!(order["status"], "opened");
    assert_eq!(order["customer_name"], "刘洋");
    assert_eq!(order["car"]["plate"], "浙A12345");
    assert_eq!(order["advisor_id"], f.advisor_id.as_str());

    // Labour at the dealer's rate (¥300/h) for the customer, and a warranty job at its own rate.
    let order = add_labour(&t, &f.advisor, &order, json!({"operation_code": "by01", "description": "更换机油机滤", "hours_centi": 150})).await;
    assert_eq!(order["labour"][0]["operation_code"], "BY01");
    assert_eq!(order["labour"][0]["amount_fen"], 45_000);
    let order = add_labour(&t, &f.advisor, &order, json!({"operation_code": "WX02", "description": "更换前刹车片", "hours_centi": 100, "rate_fen": 40_000, "payer": "warranty"})).await;
    assert_eq!(order["labour"][1]["amount_fen"], 40_000);

    // Parts named and priced from the list; one off the list needs its name and price.
    let order = ok(&t, &f.advisor, &path(&order, "/parts"), json!({"part_no": "06l115562b", "quantity": 1, "version": order["version"]})).await;
    assert_eq!(order["parts"][0]["name"], "机油滤清器");
    let order = ok(&t, &f.advisor, &path(&order, "/parts"), json!({"part_no": "5W30-4L", "quantity": 2, "version": order["version"]})).await;
    assert_eq!(order["parts"][1]["amount_fen"], 79_800);
    let unknown = post(&t, &f.advisor, &path(&order, "/parts"), json!({"part_no": "BRK-PAD", "quantity": 1, "payer": "warranty", "version": order["version"]})).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unknown.body["errors"][0]["code"], "not_on_price_list");
    let order = ok(&t, &f.advisor, &path(&order, "/parts"), json!({"part_no": "BRK-PAD", "name": "前刹车片", "unit_price_fen": 50_000, "quantity": 1, "payer": "warranty", "version": order["version"]})).await;
    let stale = post(&t, &f.advisor, &path(&order, "/parts"), json!({"part_no": "5W30-4L", "quantity": 1, "version": 1})).await;
    assert_eq!(stale.code(), "version_conflict");
    // One oil can too many: the quantity is changed, the amount follows.
    let oil = order["parts"][1]["id"].as_str().unwrap().to_owned();
    let reply = t.send(Method::PATCH, &path(&order, &format!("/parts/{oil}")), Auth::Session(&f.advisor), Some(json!({"quantity": 1, "version": order["version"]}))).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let order = reply.body;
    assert_eq!(order["parts"][1]["amount_fen"], 39_900);
    // Customer: 45,000 + 8,800 + 39,900; warranty: 40,000 + 50,000.
    assert_eq!(order["bill"]["total_fen"], 93_700);
    assert_eq!(order["bill"]["labour_fen"], 45_000);
    assert_eq!(order["totals"][1], json!({"payer": "warranty", "amount_fen": 90_000}));

    // Nothing worked on yet: no quality check.
    let early = post(&t, &f.advisor, &path(&order, "/move"), json!({"to": "quality_check", "version": order["version"]})).await;
    assert_eq!((early.status, early.code()), (StatusCode::CONFLICT, "invalid_state"));

    let tech_a = user_id(&t, &t.login("da-service-manager").await).await;
    let tech_b = f.advisor_id.clone();
    let job1 = order["labour"][0]["id"].as_str().unwrap().to_owned();
    let job2 = order["labour"][1]["id"].as_str().unwrap().to_owned();
    let order = ok(&t, &f.advisor, &path(&order, &format!("/labour/{job1}/clock-on")), json!({"technician_id": tech_a})).await;
    assert_eq!(order["status"], "in_progress");
    assert_eq!(order["labour"][0]["status"], "in_progress");
    assert_eq!(order["labour"][0]["clocked_on"][0]["technician_id"], tech_a.as_str());
    let busy = post(&t, &f.advisor, &path(&order, &format!("/labour/{job2}/clock-on")), json!({"technician_id": tech_a})).await;
    assert_eq!(busy.status, StatusCode::CONFLICT, "{:?}", busy.body);
    assert_eq!(busy.body["errors"][0]["params"]["operation_code"], "BY01");
    // Done refused while clocked on; the check refused while work is open.
    let clocked = post(&t, &f.advisor, &path(&order, &format!("/labour/{job1}/done")), json!({})).await;
    assert_eq!(clocked.code(), "invalid_state");
    let open_work = post(&t, &f.advisor, &path(&order, "/move"), json!({"to": "quality_check", "version": order["version"]})).await;
    assert_eq!((open_work.status, open_work.code()), (StatusCode::CONFLICT, "invalid_state"));

    ok(&t, &f.advisor, &path(&order, &format!("/labour/{job1}/clock-off")), json!({"technician_id": tech_a})).await;
    ok(&t, &f.advisor, &path(&order, &format!("/labour/{job1}/done")), json!({})).await;
    let one_left = post(&t, &f.advisor, &path(&order, "/move"), json!({"to": "quality_check", "version": order["version"]})).await;
    assert_eq!(one_left.code(), "invalid_state", "the warranty job is still open");
    ok(&t, &f.advisor, &path(&order, &format!("/labour/{job2}/clock-on")), json!({"technician_id": tech_b})).await;
    ok(&t, &f.advisor, &path(&order, &format!("/labour/{job2}/clock-off")), json!({"technician_id": tech_b})).await;
    let order = ok(&t, &f.advisor, &path(&order, &format!("/labour/{job2}/done")), json!({})).await;
    assert_eq!(order["labour"][1]["technician_id"], tech_b.as_str());

    let order = ok(&t, &f.advisor, &path(&order, "/move"), json!({"to": "quality_check", "version": order["version"]})).await;
    let order = ok(&t, &f.advisor, &path(&order, "/move"), json!({"to": "ready", "version": order["version"]})).await;
    assert!(order["ready_at"].is_string());

    // Pickup: exactly the customer's bill, and the odometer not below the arrival's.
    let wrong = post(&t, &f.advisor, &path(&order, "/pickup"), json!({"odometer_out_km": 32_000, "paid_fen": 183_700, "payment_method": "wechat", "version": order["version"]})).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = wrong.body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["odometer_out_km", "paid_fen"]);
    assert_eq!(wrong.body["errors"][1]["params"]["bill_fen"], 93_700);
    let done = ok(&t, &f.advisor, &path(&order, "/pickup"), json!({"odometer_out_km": 33_012, "paid_fen": 93_700, "payment_method": "wechat", "version": order["version"]})).await;
    assert_eq!(done["status"], "picked_up");
    assert_eq!(done["paid_fen"], 93_700);
    assert_eq!(done["odometer_out_km"], 33_012);
    let car = t.get(&format!("/api/v1/vehicles/{}", f.vehicle_id), Auth::Session(&f.advisor)).await;
    assert_eq!(car.body["mileage_km"], 33_012);

    // Closed: the lines no longer change.
    let late = post(&t, &f.advisor, &path(&done, "/labour"), json!({"operation_code": "X", "description": "x", "hours_centi": 10, "version": done["version"]})).await;
    assert_eq!(late.code(), "invalid_state");

    // The car's history, the timeline, the list.
    let history = t.get(&format!("/api/v1/vehicles/{}/repair-orders", f.vehicle_id), Auth::Session(&f.advisor)).await;
    assert_eq!(history.status, StatusCode::OK);
    assert_eq!(history.body.as_array().unwrap().len(), 1);
    assert_eq!(history.body[0]["parts"].as_array().unwrap().len(), 3);
    assert_eq!(t.count_where("customer_events", "kind = 'repair_order.opened'").await, 1);
    assert_eq!(t.count_where("customer_events", "kind = 'repair_order.picked_up'").await, 1);
    let list = t.get("/api/v1/repair-orders?status=picked_up", Auth::Session(&f.advisor)).await;
    assert_eq!(list.body["items"][0]["customer_total_fen"], 93_700);
    let none = t.get("/api/v1/repair-orders?status=opened", Auth::Session(&f.advisor)).await;
    assert_eq!(none.body["items"].as_array().unwrap().len(), 0);

    // Warranty claims: the warranty lines only, for the service manager.
    let today = t.clock_now().date_naive();
    let claims = t.get(&format!("/api/v1/warranty-claims?from={}&to={today}", today - chrono::Days::new(1)), Auth::Session(&f.manager)).await;
    assert_eq!(claims.status, StatusCode::OK, "{:?}", claims.body);
    assert_eq!(claims.body["lines"].as_array().unwrap().len(), 2);
    assert_eq!(claims.body["total_fen"], 90_000);
    let denied = t.get(&format!("/api/v1/warranty-claims?from={today}&to={today}"), Auth::Session(&f.advisor)).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    let (status, _, bytes) = t.get_bytes(&format!("/api/v1/warranty-claims/export?from={today}&to={today}&lang=en"), &f.manager).await;
    assert_eq!(status, StatusCode::OK);
    assert!(bytes.starts_with(b"PK"));
});

crate::http_test!(async fn aftersales_an_odometer_lower_than_an_earlier_reading_is_refused(t) {
    let f = fixture(&t).await;
    open(&t, &f, 33_000).await;
    let reply = post(&t, &f.advisor, "/api/v1/repair-orders", json!({"customer_id": f.customer_id, "vehicle_id": f.vehicle_id, "odometer_in_km": 20_000, "complaint": "异响"})).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", reply.body);
    assert_eq!(reply.body["errors"][0]["field"], "odometer_in_km");
    assert_eq!(reply.body["errors"][0]["code"], "below_earlier_reading");
    assert_eq!(t.count("repair_orders").await, 1, "the refused order was not written");
    // Every field at once.
    let empty = post(&t, &f.advisor, "/api/v1/repair-orders", json!({"odometer_in_km": -1, "complaint": " "})).await;
    let fields: Vec<&str> = empty.body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["odometer_in_km", "complaint", "customer_id", "vehicle_id"]);
});

crate::http_test!(async fn aftersales_another_dealers_repair_order_is_not_found(t) {
    let f = fixture(&t).await;
    let order = open(&t, &f, 33_000).await;
    let other = t.login("db-service-manager").await;
    assert_eq!(t.get(&path(&order, ""), Auth::Session(&other)).await.status, StatusCode::NOT_FOUND);
    let moved = post(&t, &other, &path(&order, "/move"), json!({"to": "cancelled", "version": order["version"]})).await;
    assert_eq!(moved.status, StatusCode::NOT_FOUND);
    let labour = post(&t, &other, &path(&order, "/labour"), json!({"operation_code": "A", "description": "a", "hours_centi": 10, "version": order["version"]})).await;
    assert_eq!(labour.status, StatusCode::NOT_FOUND);
    let history = t.get(&format!("/api/v1/vehicles/{}/repair-orders", f.vehicle_id), Auth::Session(&other)).await;
    assert_eq!(history.status, StatusCode::NOT_FOUND);
    // And the walk-in of another dealer's car is refused on the field.
    let theirs = post(&t, &other, "/api/v1/repair-orders", json!({"customer_id": f.customer_id, "vehicle_id": f.vehicle_id, "odometer_in_km": 34_000, "complaint": "保养"})).await;
    assert_eq!(theirs.status, StatusCode::UNPROCESSABLE_ENTITY);
    let consultant = t.login("da-sales-consultant").await;
    let denied = post(&t, &consultant, &path(&order, "/move"), json!({"to": "cancelled", "version": order["version"]})).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
});

crate::http_test!(async fn aftersales_eight_clock_ons_of_one_technician_at_once_leave_one_open_job(t) {
    let f = fixture(&t).await;
    let mut order = open(&t, &f, 33_000).await;
    for n in 0..8 {
        order = add_labour(&t, &f.advisor, &order, json!({"operation_code": format!("OP{n}"), "description": "检查", "hours_centi": 50})).await;
    }
    let tech = f.advisor_id.clone();
    let paths: Vec<String> = order["labour"].as_array().unwrap().iter()
        .map(|l| path(&order, &format!("/labour/{}/clock-on", l["id"].as_str().unwrap())))
        .collect();
    let replies = join_all(paths.iter().map(|p| post(&t, &f.advisor, p, json!({"technician_id": tech})))).await;
    let won = replies.iter().filter(|r| r.status.is_success()).count();
    let refused: Vec<_> = replies.iter().filter(|r| r.status == StatusCode::CONFLICT).collect();
    assert_eq!(won, 1, "{replies:?}");
    assert_eq!(refused.len(), 7, "{replies:?}");
    for r in refused {
        assert_eq!(r.code(), "already_exists");
        assert_eq!(r.body["errors"][0]["code"], "already_clocked_on");
    }
    assert_eq!(t.count_where("technician_clocks", "ended_at IS NULL").await, 1);
});

crate::http_test!(async fn aftersales_the_parts_price_list_is_kept_by_hand_and_imported(t) {
    let f = fixture(&t).await;
    let created = post(&t, &f.manager, "/api/v1/parts-prices", json!({"part_no": "06l115562b", "name": "机油滤清器", "price_fen": 8_800})).await;
    assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.body);
    assert_eq!(created.body["part_no"], "06L115562B");
    let twin = post(&t, &f.manager, "/api/v1/parts-prices", json!({"part_no": "06L115562B", "name": "x", "price_fen": 1})).await;
    assert_eq!(twin.status, StatusCode::CONFLICT);
    let advisor = post(&t, &f.advisor, "/api/v1/parts-prices", json!({"part_no": "A1", "name": "x", "price_fen": 1})).await;
    assert_eq!(advisor.status, StatusCode::FORBIDDEN);
    let id = created.body["id"].as_str().unwrap();
    let changed = t.send(Method::PATCH, &format!("/api/v1/parts-prices/{id}"), Auth::Session(&f.manager), Some(json!({"price_fen": 9_200, "version": 1}))).await;
    assert_eq!(changed.body["price_fen"], 9_200);
    let stale = t.send(Method::PATCH, &format!("/api/v1/parts-prices/{id}"), Auth::Session(&f.manager), Some(json!({"price_fen": 9_300, "version": 1}))).await;
    assert_eq!(stale.code(), "version_conflict");

    // A file with a bad row writes nothing and names every problem.
    let bad = "零件号,名称,单价\n06L115562B,机油滤清器,95.00\n5W30-4L,全合成机油 4L,399\nBRK-PAD,,12.345\n";
    let report = t.send_raw(Method::POST, "/api/v1/parts-prices/import", Auth::Session(&f.manager), bad).await;
    assert_eq!(report.status, StatusCode::OK, "{:?}", report.body);
    let problems: Vec<(i64, &str)> = report.body["errors"].as_array().unwrap().iter()
        .map(|e| (e["row"].as_i64().unwrap(), e["code"].as_str().unwrap())).collect();
    assert_eq!(problems, vec![(4, "required"), (4, "invalid_number")]);
    assert_eq!(t.count("parts_prices").await, 1);

    let good = "零件号,名称,单价\n06L115562B,机油滤清器,95.00\n5W30-4L,全合成机油 4L,399\n";
    let report = t.send_raw(Method::POST, "/api/v1/parts-prices/import", Auth::Session(&f.manager), good).await;
    assert_eq!((report.body["created"].as_i64(), report.body["updated"].as_i64()), (Some(1), Some(1)), "{:?}", report.body);
    let again = t.send_raw(Method::POST, "/api/v1/parts-prices/import", Auth::Session(&f.manager), good).await;
    assert_eq!(again.body["unchanged"], 2);
    let found = t.get("/api/v1/parts-prices?q=5w30", Auth::Session(&f.advisor)).await;
    assert_eq!(found.body["items"][0]["price_fen"], 39_900);
    let by_name = t.get("/api/v1/parts-prices?q=滤清", Auth::Session(&f.advisor)).await;
    assert_eq!(by_name.body["items"][0]["price_fen"], 9_500);
    let deleted = t.send(Method::DELETE, &format!("/api/v1/parts-prices/{id}"), Auth::Session(&f.manager), None).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert_eq!(t.count("parts_prices").await, 1);
});

crate::http_test!(async fn aftersales_the_demo_plays_repair_orders_through_the_use_cases(t) {
    use forecourt_demo::DemoExt as _;
    t.app.demo().load_demo_with(10, &|_| {}).await.unwrap();
    let advisor = t.login_with("hz-advisor", forecourt_demo::DEMO_PASSWORD).await;
    let picked = t.get("/api/v1/repair-orders?status=picked_up", Auth::Session(&advisor)).await;
    assert!(picked.body["items"].as_array().unwrap().len() >= 4, "{:?}", picked.body);
    let open = t.get("/api/v1/repair-orders?status=opened,in_progress,ready", Auth::Session(&advisor)).await;
    assert_eq!(open.body["items"].as_array().unwrap().len(), 3, "{:?}", open.body);
    assert!(t.count_where("repair_order_labour", "payer = 'warranty'").await > 0);
    assert_eq!(t.count_where("technician_clocks", "ended_at IS NULL").await, 2, "one job being worked on per dealer");
    assert!(t.count_where("repair_orders", "status = 'picked_up' AND picked_up_at < opened_at").await == 0);
});

crate::http_test!(async fn aftersales_an_appointment_opens_one_repair_order_however_many_ask_at_once(t) {
    let f = fixture(&t).await;
    let booked = post(&t, &f.advisor, "/api/v1/service-appointments",
        json!({"vehicle_id": f.vehicle_id, "on_date": "2026-11-03", "job_minutes": 60, "job": "保养", "source": "phone"})).await;
    assert_eq!(booked.status, StatusCode::CREATED, "{:?}", booked.body);
    let appointment = booked.body["id"].as_str().unwrap().to_owned();
    let body = json!({"appointment_id": appointment, "odometer_in_km": 33_000, "complaint": "预约保养", "maintenance": true});
    // Eight taps of "open" on the same appointment at once: one order, seven 409s.
    let replies = join_all((0..8).map(|_| post(&t, &f.advisor, "/api/v1/repair-orders", body.clone()))).await;
    let created: Vec<_> = replies.iter().filter(|r| r.status == StatusCode::CREATED).collect();
    assert_eq!(created.len(), 1, "{:?}", replies.iter().map(|r| (r.status, r.code())).collect::<Vec<_>>());
    for r in replies.iter().filter(|r| r.status != StatusCode::CREATED) {
        assert_eq!((r.status, r.code()), (StatusCode::CONFLICT, "invalid_state"), "{:?}", r.body);
    }
    let opened = &created[0].body;
    assert_eq!(opened["customer_id"], f.customer_id.as_str());
    assert_eq!(opened["appointment_id"], appointment.as_str());
    let arrived = t.get(&format!("/api/v1/service-appointments/{appointment}"), Auth::Session(&f.advisor)).await;
    assert_eq!(arrived.body["status"], "arrived", "{:?}", arrived.body);
    assert_eq!(arrived.body["repair_order_id"], opened["id"]);
    assert_eq!(t.count("repair_orders").await, 1);
    assert_eq!(t.count_where("mileage_readings", "source = 'service'").await, 1, "the refused ones wrote no reading");

    // The audit log names the order by its number and customer, and the appointment it came from.
    let admin = t.login("da-admin").await;
    let audit = t.get(&format!("/api/v1/audit-events?entity_id={}", opened["id"].as_str().unwrap()), Auth::Session(&admin)).await;
    let event = &audit.body["items"][0];
    assert_eq!(event["entity"]["name"], format!("{} · 刘洋", opened["number"].as_str().unwrap()), "{event:?}");
    assert_eq!(event["entity"]["customer_id"], f.customer_id.as_str());
    let audit = t.get(&format!("/api/v1/audit-events?entity_id={appointment}&action=service_appointment.arrived"), Auth::Session(&admin)).await;
    assert_eq!(audit.body["items"][0]["entity"]["name"], "2026-11-03 保养 · 刘洋", "{:?}", audit.body);
});

crate::http_test!(async fn aftersales_eight_walk_ins_at_once_get_eight_consecutive_numbers(t) {
    let f = fixture(&t).await;
    let body = json!({"customer_id": f.customer_id, "vehicle_id": f.vehicle_id, "odometer_in_km": 33_000, "complaint": "异响"});
    let replies = join_all((0..8).map(|_| post(&t, &f.advisor, "/api/v1/repair-orders", body.clone()))).await;
    let year = t.clock_now().year();
    let mut numbers: Vec<String> = replies
        .iter()
        .map(|r| {
            assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
            r.body["number"].as_str().unwrap().to_owned()
        })
        .collect();
    numbers.sort();
    let expected: Vec<String> = (1..=8).map(|n| format!("RO{year}{n:06}")).collect();
    assert_eq!(numbers, expected);
});
