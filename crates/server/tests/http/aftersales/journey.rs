//! The after-sales journey through the API on a controlled clock: a car comes due (predicted
//! from its own readings) → the nightly and hourly jobs remind the advisor and the customer →
//! an appointment within capacity → the car arrives and its repair order is opened from the
//! appointment → labour clocked and done → quality check, ready, pickup → the car's next
//! service moves on from this one.

use super::service::customer_with_car;
use crate::http::support::{Auth, Session, TestApp, ok, post, world};
use axum::http::{Method, StatusCode};
use chrono::Duration;
use forecourt_domain::role::BuiltinRole::*;
use forecourt_kernel::jobs::{JobRegistry, JobRunner, RunnerOptions};
use serde_json::{Value, json};

async fn step(t: &TestApp, s: &Session, order: &Value, tail: &str, body: Value) -> Value {
    let path = format!(
        "/api/v1/repair-orders/{}{tail}",
        order["id"].as_str().unwrap()
    );
    ok(post(t, s, &path, body).await, StatusCode::OK).await
}

crate::http_test!(async fn a_car_comes_due_is_booked_serviced_and_its_next_service_moves_on(t) {
    let w = world(&t).await;
    let mut advisor = t.login(&w.a.username(ServiceAdvisor)).await;
    let manager = t.login(&w.a.username(ServiceManager)).await;
    let car = customer_with_car(&t, &advisor, "13900000021", "浙A66666").await;
    for (km, on) in [(0, "2026-06-01"), (3_660, "2026-10-01")] {
        ok(post(&t, &advisor, &format!("/api/v1/vehicles/{car}/mileage"),
            json!({"km": km, "read_on": on, "source": "customer"})).await, StatusCode::OK).await;
    }
    let settings = t.get("/api/v1/service/settings", Auth::Session(&manager)).await.body;
    ok(t.send(Method::PATCH, "/api/v1/service/settings", Auth::Session(&manager),
        Some(json!({"reminder_days_before": 14, "version": settings["version"]}))).await, StatusCode::OK).await;

    // The nightly job computes the due day (the first service, 15 November by distance); the
    // hourly one reminds: a call task for the advisor, a message to the customer.
    t.app.ensure_schedules().await.unwrap();
    let runner = JobRunner::new(t.app.clone(), JobRegistry::builtin(), RunnerOptions::default());
    t.clock.advance(Duration::days(1));
    runner.run_due_once().await.unwrap();
    t.clock.advance(Duration::hours(1));
    runner.run_due_once().await.unwrap();
    advisor = t.login(&w.a.username(ServiceAdvisor)).await;
    let due = t.get(&format!("/api/v1/vehicles/{car}/service-due"), Auth::Session(&advisor)).await.body;
    assert_eq!((due["due_on"].as_str(), due["first_service"].as_bool(), due["reminded"].as_bool()),
        (Some("2026-11-15"), Some(true), Some(true)), "{due:?}");
    assert_eq!(t.count_where("activities", "ref_type = 'vehicle' AND kind = 'call'").await, 1);
    assert_eq!(t.count_where("outbound_messages", "template_key = 'service.due'").await, 1);

    // Booked from the due list on Wednesday 4 November; the list shows it booked.
    let booked = ok(post(&t, &advisor, "/api/v1/service-appointments",
        json!({"vehicle_id": car, "on_date": "2026-11-04", "job_minutes": 90, "job": "首保", "source": "due_list"})).await,
        StatusCode::CREATED).await;
    let listed = t.get("/api/v1/service-dues", Auth::Session(&advisor)).await.body;
    let row = listed["items"].as_array().unwrap().iter().find(|r| r["vehicle_id"] == car.as_str()).unwrap().clone();
    assert_eq!(row["booked"]["on_date"], "2026-11-04");

    // The day comes; the car arrives at 4,300 km and its repair order opens from the booking.
    t.clock.advance(Duration::days(1));
    advisor = t.login(&w.a.username(ServiceAdvisor)).await;
    let order = ok(post(&t, &advisor, "/api/v1/repair-orders",
        json!({"appointment_id": booked["id"], "odometer_in_km": 4_300, "complaint": "首保", "maintenance": true})).await,
        StatusCode::CREATED).await;
    let order = step(&t, &advisor, &order, "/labour",
        json!({"operation_code": "BY01", "description": "首次保养", "hours_centi": 100, "version": order["version"]})).await;
    let job = order["labour"][0]["id"].as_str().unwrap().to_owned();
    let me = t.get("/api/v1/me", Auth::Session(&advisor)).await.body["user"]["id"].clone();
    step(&t, &advisor, &order, &format!("/labour/{job}/clock-on"), json!({"technician_id": me})).await;
    step(&t, &advisor, &order, &format!("/labour/{job}/clock-off"), json!({"technician_id": me})).await;
    let order = step(&t, &advisor, &order, &format!("/labour/{job}/done"), json!({})).await;
    let order = step(&t, &advisor, &order, "/move", json!({"to": "quality_check", "version": order["version"]})).await;
    let order = step(&t, &advisor, &order, "/move", json!({"to": "ready", "version": order["version"]})).await;
    let bill = order["bill"]["total_fen"].clone();
    assert_eq!(bill, 30_000, "one standard hour at the default rate");
    step(&t, &advisor, &order, "/pickup",
        json!({"odometer_out_km": 4_310, "paid_fen": bill, "payment_method": "wechat", "version": order["version"]})).await;

    // The next service counts from this one: 10,000 km or 12 months on.
    let next = t.get(&format!("/api/v1/vehicles/{car}/service-due"), Auth::Session(&advisor)).await.body;
    assert_eq!(next["last_service_on"], "2026-11-04", "{next:?}");
    assert_eq!(next["last_service_km"], 4_310);
    assert_eq!(next["first_service"], false);
    assert_eq!(next["due_km"], 14_310);
    assert!(next["due_on"].as_str().unwrap() > "2027-01-01", "{next:?}");
    assert_eq!(next["reminded"], false);
    let history = t.get(&format!("/api/v1/vehicles/{car}/repair-orders"), Auth::Session(&advisor)).await;
    assert_eq!(history.status, StatusCode::OK);
});
