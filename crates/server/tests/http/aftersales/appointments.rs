//! Appointments within the workshop's capacity: a job that does not fit what is left is
//! refused with the next day it fits; eight bookings at once never overbook a day, on both
//! databases; moving, cancelling, no-shows and the customer's reminder the day before.

use super::service::customer_with_car;
use crate::http::support::{Auth, Session, TestApp, ok, post, world};
use axum::http::{Method, StatusCode};
use chrono::Duration;
use forecourt_aftersales::AfterSalesExt as _;
use forecourt_domain::role::BuiltinRole::*;
use forecourt_kernel::jobs::{JobRegistry, JobRunner, RunnerOptions};
use futures_util::future::join_all;
use serde_json::{Value, json};

/// One bay, 08:30–18:00 (570 minutes a day), Monday to Saturday.
async fn one_bay(t: &TestApp, manager: &Session) {
    let settings = t
        .get("/api/v1/service/settings", Auth::Session(manager))
        .await
        .body;
    ok(
        t.send(
            Method::PATCH,
            "/api/v1/service/settings",
            Auth::Session(manager),
            Some(json!({"bays": 1, "advisor_daily_minutes": 480, "version": settings["version"]})),
        )
        .await,
        StatusCode::OK,
    )
    .await;
}

fn booking(car: &str, day: &str, minutes: i32) -> Value {
    json!({"vehicle_id": car, "on_date": day, "job_minutes": minutes, "job": "保养", "source": "due_list"})
}

crate::http_test!(async fn a_job_that_does_not_fit_is_refused_with_the_next_free_day(t) {
    let w = world(&t).await;
    let advisor = t.login(&w.a.username(ServiceAdvisor)).await;
    let manager = t.login(&w.a.username(ServiceManager)).await;
    one_bay(&t, &manager).await;
    let car = customer_with_car(&t, &advisor, "13900000011", "浙A33333").await;
    // Tuesday 3 November: 450 of 570 minutes booked leaves 2 hours.
    ok(post(&t, &advisor, "/api/v1/service-appointments", booking(&car, "2026-11-03", 450)).await, StatusCode::CREATED).await;
    let full = post(&t, &advisor, "/api/v1/service-appointments", booking(&car, "2026-11-03", 150)).await;
    assert_eq!(full.status, StatusCode::CONFLICT, "{:?}", full.body);
    assert_eq!(full.body["code"], "capacity_full");
    assert_eq!(full.body["capacity"]["left_minutes"], 120);
    assert_eq!(full.body["capacity"]["next_free"], "2026-11-04");
    // Two hours fit.
    ok(post(&t, &advisor, "/api/v1/service-appointments", booking(&car, "2026-11-03", 120)).await, StatusCode::CREATED).await;
    let days = t.get("/api/v1/service-capacity?from=2026-11-03&to=2026-11-08&job_minutes=150", Auth::Session(&advisor)).await.body;
    assert_eq!(days[0]["left_minutes"], 0);
    assert_eq!(days[0]["fits"], false);
    assert_eq!(days[1]["fits"], true);
    assert_eq!(days[5]["working"], false, "Sunday");
    // Sunday is closed, yesterday is past, the advisor's cap counts.
    let closed = post(&t, &advisor, "/api/v1/service-appointments", booking(&car, "2026-11-08", 60)).await;
    assert_eq!(closed.body["errors"][0]["code"], "closed_day");
    let past = post(&t, &advisor, "/api/v1/service-appointments", booking(&car, "2026-11-01", 60)).await;
    assert_eq!(past.body["errors"][0]["field"], "on_date");
    let me = t.get("/api/v1/me", Auth::Session(&advisor)).await.body;
    let mut with_me = booking(&car, "2026-11-04", 400);
    with_me["advisor_id"] = me["user"]["id"].clone();
    ok(post(&t, &advisor, "/api/v1/service-appointments", with_me.clone()).await, StatusCode::CREATED).await;
    with_me["job_minutes"] = json!(90);
    let capped = post(&t, &advisor, "/api/v1/service-appointments", with_me).await;
    assert_eq!(capped.body["capacity"]["left_minutes"], 80);
    assert_eq!(capped.body["capacity"]["next_free"], "2026-11-05");
    // A consultant does not book service; another dealer's appointment is 404.
    let consultant = t.login(&w.a.username(SalesConsultant)).await;
    assert_eq!(post(&t, &consultant, "/api/v1/service-appointments", booking(&car, "2026-11-05", 60)).await.status, StatusCode::FORBIDDEN);
    let list = t.get("/api/v1/service-appointments?from=2026-11-03&to=2026-11-03", Auth::Session(&advisor)).await.body;
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    let id = list["items"][0]["id"].as_str().unwrap();
    let other = t.login(&w.b.username(ServiceAdvisor)).await;
    assert_eq!(t.get(&format!("/api/v1/service-appointments/{id}"), Auth::Session(&other)).await.status, StatusCode::NOT_FOUND);
});

crate::http_test!(async fn eight_bookings_at_once_never_overbook_a_day(t) {
    let w = world(&t).await;
    let advisor = t.login(&w.a.username(ServiceAdvisor)).await;
    let manager = t.login(&w.a.username(ServiceManager)).await;
    one_bay(&t, &manager).await;
    let car = customer_with_car(&t, &advisor, "13900000012", "浙A44444").await;
    let actor = crate::http::orders::actor(&t, &w.a.username(ServiceAdvisor)).await;
    // 300 minutes each: a 570-minute day takes one.
    let results = join_all((0..8).map(|_| {
        let input = serde_json::from_value(booking(&car, "2026-11-05", 300)).unwrap();
        let app = t.app.clone();
        let actor = actor.clone();
        async move { app.aftersales().book_appointment(&actor, input).await }
    }))
    .await;
    let booked = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(booked, 1, "{results:?}");
    for r in results.iter().filter_map(|r| r.as_ref().err()) {
        assert_eq!(r.code(), forecourt_domain::ErrorCode::CapacityFull, "{r:?}");
    }
    let days = t.get("/api/v1/service-capacity?from=2026-11-05&to=2026-11-05", Auth::Session(&advisor)).await.body;
    assert_eq!(days[0]["booked_minutes"], 300);
});

crate::http_test!(async fn appointments_move_cancel_no_show_and_remind_the_day_before(t) {
    let w = world(&t).await;
    let mut advisor = t.login(&w.a.username(ServiceAdvisor)).await;
    let manager = t.login(&w.a.username(ServiceManager)).await;
    one_bay(&t, &manager).await;
    let car = customer_with_car(&t, &advisor, "13900000013", "浙A55555").await;
    let first = ok(post(&t, &advisor, "/api/v1/service-appointments", booking(&car, "2026-11-04", 500)).await, StatusCode::CREATED).await;
    let id = first["id"].as_str().unwrap().to_owned();
    // Moving to a day with room; the old day is free again.
    let moved = ok(post(&t, &advisor, &format!("/api/v1/service-appointments/{id}/move"),
        json!({"on_date": "2026-11-06", "version": first["version"]})).await, StatusCode::OK).await;
    assert_eq!(moved["on_date"], "2026-11-06");
    let stale = post(&t, &advisor, &format!("/api/v1/service-appointments/{id}/move"),
        json!({"on_date": "2026-11-07", "version": first["version"]})).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    ok(post(&t, &advisor, "/api/v1/service-appointments", booking(&car, "2026-11-04", 500)).await, StatusCode::CREATED).await;
    // A no-show only once its day has come.
    let early = post(&t, &advisor, &format!("/api/v1/service-appointments/{id}/no-show"), json!({"version": moved["version"]})).await;
    assert_eq!(early.body["code"], "invalid_state");
    // The reminder goes out at 10:00 the day before, once, and only for the day booked.
    t.app.ensure_schedules().await.unwrap();
    let runner = JobRunner::new(t.app.clone(), JobRegistry::builtin(), RunnerOptions::default());
    let reminders = || t.count_where("outbound_messages", "template_key = 'service.appointment_reminder'");
    t.clock.advance(Duration::days(2));
    runner.run_due_once().await.unwrap();
    assert_eq!(reminders().await, 1, "the 4th's appointment, reminded on the 3rd");
    t.clock.advance(Duration::days(1) + Duration::hours(2));
    runner.run_due_once().await.unwrap();
    assert_eq!(reminders().await, 2, "the moved one, on the 5th");
    t.clock.advance(Duration::days(1));
    advisor = t.login(&w.a.username(ServiceAdvisor)).await;
    let no_show = ok(post(&t, &advisor, &format!("/api/v1/service-appointments/{id}/no-show"), json!({"version": moved["version"]})).await, StatusCode::OK).await;
    assert_eq!(no_show["status"], "no_show");
    let again = post(&t, &advisor, &format!("/api/v1/service-appointments/{id}/cancel"), json!({"version": no_show["version"]})).await;
    assert_eq!(again.body["code"], "invalid_state");
    assert_eq!(t.count_where("customer_events", "kind = 'service.no_show'").await, 1);
});
