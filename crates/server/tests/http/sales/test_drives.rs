//! Sales tests of test drives: bookings of one car, overlaps refused by the database, and
//! feedback after a drive.

use super::{lead, receive, session, walk_in};
use crate::http::support::{Auth, Session, TestApp, World, world};
use axum::http::{Method, StatusCode};
use chrono::Duration;
use forecourt_domain::role::BuiltinRole::*;
use serde_json::json;

/// A car, a customer with an open lead, and the consultant's session.
async fn drive_setup(t: &TestApp, w: &World) -> (Session, String, String) {
    let manager = session(t, w, SalesManager).await;
    let car = t
        .send(
            Method::POST,
            "/api/v1/test-drive-cars",
            Auth::Session(&manager),
            Some(json!({"name": "途观L 白色试驾车", "plate": "浙A12345", "colour": "白"})),
        )
        .await;
    assert_eq!(car.status, StatusCode::CREATED, "{:?}", car.body);
    let consultant = session(t, w, SalesConsultant).await;
    let outcome = receive(t, &consultant, walk_in("韩梅梅", "13600007777", "A")).await;
    (
        consultant,
        car.body["id"].as_str().unwrap().to_owned(),
        outcome["reception"]["customer"]["id"]
            .as_str()
            .unwrap()
            .to_owned(),
    )
}

crate::http_test!(async fn concurrent_bookings_of_one_car_let_exactly_one_through(t) {
    let w = world(&t).await;
    let (consultant, car, customer) = drive_setup(&t, &w).await;
    let book = |start: &str, end: &str| {
        json!({"car_id": car, "customer_id": customer, "starts_at": start, "ends_at": end,
               "licence_number": "11010519491231002X"})
    };
    let attempts = (0..6).map(|n| {
        // Overlapping windows, each a little different.
        let start = format!("2026-11-03T0{}:00:00Z", 2 + n % 2);
        let end = format!("2026-11-03T0{}:30:00Z", 3 + n % 2);
        t.send(Method::POST, "/api/v1/test-drives", Auth::Session(&consultant), Some(book(&start, &end)))
    });
    let replies = futures_util::future::join_all(attempts).await;
    let created = replies.iter().filter(|r| r.status == StatusCode::CREATED).count();
    let conflicts: Vec<_> = replies.iter().filter(|r| r.status == StatusCode::CONFLICT).collect();
    assert_eq!(created, 1, "{:?}", replies.iter().map(|r| (r.status, r.body.clone())).collect::<Vec<_>>());
    assert_eq!(conflicts.len(), 5);
    for reply in conflicts {
        assert_eq!(reply.code(), "schedule_conflict", "{:?}", reply.body);
    }
    assert_eq!(t.count("test_drive_bookings").await, 1);
    // Back to back is fine; the licence is masked.
    let next = t
        .send(Method::POST, "/api/v1/test-drives", Auth::Session(&consultant),
            Some(book("2026-11-03T05:00:00Z", "2026-11-03T05:30:00Z")))
        .await;
    assert_eq!(next.status, StatusCode::CREATED, "{:?}", next.body);
    assert_eq!(next.body["licence"], "**************002X");
});

crate::http_test!(async fn the_database_itself_refuses_an_overlapping_booking(t) {
    let w = world(&t).await;
    let (consultant, car, customer) = drive_setup(&t, &w).await;
    for (start, end) in [
        ("2026-11-03T02:00:00Z", "2026-11-03T03:00:00Z"),
        ("2026-11-03T04:00:00Z", "2026-11-03T05:00:00Z"),
    ] {
        let reply = t
            .send(Method::POST, "/api/v1/test-drives", Auth::Session(&consultant),
                Some(json!({"car_id": car, "customer_id": customer, "starts_at": start, "ends_at": end})))
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
    }
    // Straight into the table, past the application's own check: move the later booking
    // onto the earlier one.
    use forecourt_db::ConnectionTrait;
    let conn = t.db.db.conn();
    let backend = conn.get_database_backend();
    let sql = "UPDATE test_drive_bookings \
        SET starts_at = (SELECT MIN(b.starts_at) FROM test_drive_bookings b), \
            ends_at = (SELECT MIN(b.ends_at) FROM test_drive_bookings b) \
        WHERE starts_at = (SELECT MAX(b.starts_at) FROM test_drive_bookings b)";
    let err = conn
        .execute_raw(sea_orm::Statement::from_string(backend, sql))
        .await
        .expect_err("the database refuses the overlap");
    assert!(err.to_string().contains("exclusion") || err.to_string().contains("overlap"), "{err}");
    // A cancelled booking no longer holds the car.
    let sql = "UPDATE test_drive_bookings SET status = 'cancelled' \
        WHERE starts_at = (SELECT MIN(b.starts_at) FROM test_drive_bookings b)";
    conn.execute_raw(sea_orm::Statement::from_string(backend, sql)).await.unwrap();
    let reply = t
        .send(Method::POST, "/api/v1/test-drives", Auth::Session(&consultant),
            Some(json!({"car_id": car, "customer_id": customer,
                "starts_at": "2026-11-03T02:30:00Z", "ends_at": "2026-11-03T03:30:00Z"})))
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
});

crate::http_test!(async fn feedback_after_a_drive_can_regrade_the_lead(t) {
    let w = world(&t).await;
    let (consultant, car, customer) = drive_setup(&t, &w).await;
    let booked = t
        .send(Method::POST, "/api/v1/test-drives", Auth::Session(&consultant),
            Some(json!({"car_id": car, "customer_id": customer,
                "starts_at": "2026-11-02T02:00:00Z", "ends_at": "2026-11-02T02:45:00Z"})))
        .await;
    assert_eq!(booked.status, StatusCode::CREATED, "{:?}", booked.body);
    let id = booked.body["id"].as_str().unwrap();
    t.clock.advance(Duration::hours(2));
    let no_licence = t
        .send(Method::POST, &format!("/api/v1/test-drives/{id}/feedback"), Auth::Session(&consultant),
            Some(json!({"version": booked.body["version"], "rating": 5, "grade": "H"})))
        .await;
    assert_eq!(no_licence.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", no_licence.body);
    assert_eq!(no_licence.body["errors"][0]["field"], "licence_number");
    let bad_licence = t
        .send(Method::POST, &format!("/api/v1/test-drives/{id}/feedback"), Auth::Session(&consultant),
            Some(json!({"version": booked.body["version"], "rating": 5, "grade": "H", "licence_number": "110105194912310021"})))
        .await;
    assert_eq!(bad_licence.status, StatusCode::UNPROCESSABLE_ENTITY);
    let done = t
        .send(Method::POST, &format!("/api/v1/test-drives/{id}/feedback"), Auth::Session(&consultant),
            Some(json!({"version": booked.body["version"], "rating": 5, "liked": "动力好", "concerns": "后排略窄",
                "grade": "H", "licence_number": "11010519491231002X"})))
        .await;
    assert_eq!(done.status, StatusCode::OK, "{:?}", done.body);
    assert_eq!(done.body["status"], "done");
    assert_eq!(done.body["feedback"]["rating"], 5);
    let lead_id = done.body["lead_id"].as_str().unwrap();
    let detail = lead(&t, &consultant, lead_id).await;
    assert_eq!(detail["lead"]["grade"], "H");
    assert_eq!(detail["grade_history"].as_array().unwrap().last().unwrap()["origin"], "test_drive");
    // The licence is stored encrypted, never in the clear.
    assert_eq!(
        t.count_where("test_drive_bookings", "licence_cipher LIKE '%11010519491231002X%'").await,
        0
    );
});
