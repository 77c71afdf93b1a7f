//! The service side through the API: a car's next service predicted from its own readings, the
//! reminder on schedule (task to an advisor, message to the customer, once), mileage that may
//! not go backwards, the workshop settings and plans.

use crate::http::support::{Auth, Session, TestApp, ok, post, world};
use axum::http::{Method, StatusCode};
use chrono::Duration;
use forecourt_domain::role::BuiltinRole::*;
use forecourt_kernel::jobs::{JobRegistry, JobRunner, RunnerOptions};
use serde_json::{Value, json};

/// A customer with one car (bought here on 2026-06-01), as the advisor registers them; the
/// car's id.
pub async fn customer_with_car(t: &TestApp, advisor: &Session, phone: &str, plate: &str) -> String {
    let customer = post(
        t,
        advisor,
        "/api/v1/customers",
        json!({"name": "李建国", "phones": [{"number": phone}],
            "vehicles": [{"plate": plate, "brand": "大众", "series": "途观L", "purchase_date": "2026-06-01"}]}),
    )
    .await;
    let customer = ok(customer, StatusCode::CREATED).await;
    customer["vehicles"][0]["id"].as_str().unwrap().to_owned()
}

async fn reading(
    t: &TestApp,
    s: &Session,
    car: &str,
    km: i32,
    on: &str,
) -> crate::http::support::Reply {
    post(
        t,
        s,
        &format!("/api/v1/vehicles/{car}/mileage"),
        json!({"km": km, "read_on": on, "source": "service"}),
    )
    .await
}

async fn due(t: &TestApp, s: &Session, car: &str) -> Value {
    ok(
        post(
            t,
            s,
            &format!("/api/v1/vehicles/{car}/service-due/refresh"),
            json!({}),
        )
        .await,
        StatusCode::OK,
    )
    .await
}

crate::http_test!(async fn the_first_service_is_predicted_from_the_cars_own_readings(t) {
    let w = world(&t).await;
    let advisor = t.login(&w.a.username(ServiceAdvisor)).await;
    let car = customer_with_car(&t, &advisor, "13900000001", "浙A11111").await;
    // One reading: the fallback rate (20,000 km a year), flagged estimated; the first service
    // (5,000 km / 6 months from purchase) by distance: 5,000 km at 54.795 km a day.
    ok(reading(&t, &advisor, &car, 0, "2026-06-01").await, StatusCode::OK).await;
    let first = due(&t, &advisor, &car).await;
    assert_eq!(first["rate_estimated"], true);
    assert_eq!(first["metres_per_day"], 54_795);
    assert_eq!(first["first_service"], true);
    assert_eq!(first["due_km"], 5_000);
    assert_eq!(first["due_on"], "2026-09-01");
    assert_eq!(first["due_by"], "distance");
    // A second reading gives the car its own rate: 3,660 km in 122 days is 30 km a day, so
    // the 1,340 km left take 45 days from 1 October.
    ok(reading(&t, &advisor, &car, 3_660, "2026-10-01").await, StatusCode::OK).await;
    let own = due(&t, &advisor, &car).await;
    assert_eq!(own["rate_estimated"], false);
    assert_eq!(own["metres_per_day"], 30_000);
    assert_eq!(own["due_on"], "2026-11-15");
    assert_eq!(own["days_left"], 13);
    // A lower reading than an earlier one is refused; a back-dated one between two is kept.
    let lower = reading(&t, &advisor, &car, 3_000, "2026-10-20").await;
    assert_eq!(lower.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(lower.body["errors"][0]["field"], "km");
    assert_eq!(lower.body["errors"][0]["code"], "below_earlier_reading");
    assert_eq!(lower.body["errors"][0]["params"]["km"], 3_660);
    ok(reading(&t, &advisor, &car, 1_800, "2026-08-01").await, StatusCode::OK).await;
    let above = reading(&t, &advisor, &car, 4_000, "2026-09-01").await;
    assert_eq!(above.body["errors"][0]["code"], "above_later_reading");
    // Another dealer's car is 404.
    let other = t.login(&w.b.username(ServiceAdvisor)).await;
    let foreign = t.get(&format!("/api/v1/vehicles/{car}/service-due"), Auth::Session(&other)).await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
});

crate::http_test!(async fn a_car_coming_due_is_reminded_once_on_schedule(t) {
    let w = world(&t).await;
    let mut advisor = t.login(&w.a.username(ServiceAdvisor)).await;
    let manager = t.login(&w.a.username(ServiceManager)).await;
    let car = customer_with_car(&t, &advisor, "13900000002", "浙A22222").await;
    ok(reading(&t, &advisor, &car, 0, "2026-06-01").await, StatusCode::OK).await;
    ok(reading(&t, &advisor, &car, 3_660, "2026-10-01").await, StatusCode::OK).await;
    // Reminders a week ahead; the car falls due on 15 November.
    let settings = t.get("/api/v1/service/settings", Auth::Session(&manager)).await.body;
    ok(t.send(Method::PATCH, "/api/v1/service/settings", Auth::Session(&manager),
        Some(json!({"reminder_days_before": 7, "version": settings["version"]}))).await, StatusCode::OK).await;
    t.app.ensure_schedules().await.unwrap();
    let runner = JobRunner::new(t.app.clone(), JobRegistry::builtin(), RunnerOptions::default());
    let tasks = || t.count_where("activities", "subject_text IS NOT NULL AND ref_type = 'vehicle'");
    let messages = || t.count_where("outbound_messages", "template_key = 'service.due'");
    // Tuesday 3 November: the nightly job has computed the due day; it is 13 days off.
    t.clock.advance(Duration::days(1));
    runner.run_due_once().await.unwrap();
    advisor = t.login(&w.a.username(ServiceAdvisor)).await;
    let list = t.get("/api/v1/service-dues", Auth::Session(&advisor)).await.body;
    let row = list["items"].as_array().unwrap().iter().find(|r| r["vehicle_id"] == car.as_str()).unwrap();
    assert_eq!(row["due_on"], "2026-11-15");
    assert_eq!(row["reminded"], false);
    assert_eq!(row["car"]["plate"], "浙A22222");
    assert_eq!(row["customer"]["name"], "李建国");
    assert_eq!((tasks().await, messages().await), (0, 0));
    // Sunday 8 November, within a week: the advisor's call task and the customer's message,
    // once, though eight runs (two nodes, a retry …) reach it at the same moment.
    t.clock.advance(Duration::days(5));
    use forecourt_aftersales::AfterSalesExt as _;
    let runs = futures_util::future::join_all((0..8).map(|_| async { t.app.aftersales().send_service_reminders().await.unwrap() })).await;
    assert_eq!(runs.iter().sum::<usize>(), 1, "{runs:?}");
    runner.run_due_once().await.unwrap();
    assert_eq!((tasks().await, messages().await), (1, 1));
    advisor = t.login(&w.a.username(ServiceAdvisor)).await;
    let work = t.get("/api/v1/my-work", Auth::Session(&advisor)).await;
    assert!(work.body.to_string().contains("浙A22222"), "{:?}", work.body);
    let row = t.get(&format!("/api/v1/vehicles/{car}/service-due"), Auth::Session(&advisor)).await;
    assert_eq!(row.body["reminded"], true);
    // Later runs (and the nightly recomputation) remind no more.
    t.clock.advance(Duration::days(1));
    runner.run_due_once().await.unwrap();
    assert_eq!(t.app.aftersales().send_service_reminders().await.unwrap(), 0);
    assert_eq!((tasks().await, messages().await), (1, 1));
    let timeline = t.count_where("customer_events", "kind = 'service.due_reminded'").await;
    assert_eq!(timeline, 1);
});

crate::http_test!(async fn plans_and_settings_are_checked(t) {
    let w = world(&t).await;
    let manager = t.login(&w.a.username(ServiceManager)).await;
    let plans = t.get("/api/v1/maintenance-plans", Auth::Session(&manager)).await.body;
    assert_eq!(plans[0]["interval_km"], 10_000);
    assert_eq!(plans[0]["first_km"], 5_000);
    let bad = post(&t, &manager, "/api/v1/maintenance-plans",
        json!({"name": "", "interval_km": 10, "interval_months": 0, "first_km": 5000})).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = bad.body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["name", "interval_km", "interval_months", "first_months"]);
    let default = t.send(Method::DELETE, &format!("/api/v1/maintenance-plans/{}", plans[0]["id"].as_str().unwrap()),
        Auth::Session(&manager), None).await;
    assert_eq!(default.status, StatusCode::CONFLICT);
    let settings = t.get("/api/v1/service/settings", Auth::Session(&manager)).await.body;
    assert_eq!(settings["day_capacity_minutes"], 4 * 570);
    let wrong = t.send(Method::PATCH, "/api/v1/service/settings", Auth::Session(&manager),
        Some(json!({"day_starts_min": 1000, "day_ends_min": 900, "working_days": [false, false, false, false, false, false, false], "version": settings["version"]}))).await;
    let fields: Vec<&str> = wrong.body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["day_ends_min", "working_days"]);
    let stale = t.send(Method::PATCH, "/api/v1/service/settings", Auth::Session(&manager),
        Some(json!({"bays": 3, "version": 99}))).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
});

crate::http_test!(async fn a_new_dealer_starts_with_a_default_plan_named_in_its_language(t) {
    use forecourt_domain::locale::Locale;
    use forecourt_kernel::org::NewDealer;
    for (code, locale, name) in [("HK01", Locale::ZhTw, "標準保養"), ("SG01", Locale::En, "Standard service")] {
        let dealer = t.app.create_dealer(NewDealer {
            code: code.to_owned(),
            name: code.to_owned(),
            group_code: None,
            time_zone: None,
            locale: Some(locale),
        }).await.unwrap();
        assert_eq!(dealer.code, code);
        let condition = format!("dealer_id IN (SELECT id FROM dealers WHERE code = '{code}') AND catalog_model_id IS NULL AND name = '{name}'");
        assert_eq!(t.count_where("maintenance_plans", &condition).await, 1, "{code}");
    }
});
