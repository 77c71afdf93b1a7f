//! "My schedule" is one thing everywhere (calendar, My work, overlaps, the feed): activities a
//! person owns or takes part in, test drives included; texts the system writes are read in the
//! reader's language.

use super::support::{Auth, PASSWORD, Reply, Session, TestApp, World, world};
use crate::http::support::post;
use axum::http::{Method, StatusCode};
use chrono::Duration;
use forecourt_domain::role::BuiltinRole::*;
use forecourt_sales::SalesExt as _;
use serde_json::{Value, json};

async fn session(t: &TestApp, w: &World, role: forecourt_domain::role::BuiltinRole) -> Session {
    t.login(&w.a.username(role)).await
}

async fn user_id(t: &TestApp, s: &Session) -> String {
    t.get("/api/v1/me", Auth::Session(s)).await.body["user"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect()
}

crate::http_test!(async fn a_meeting_one_takes_part_in_is_on_ones_calendar_with_its_overlaps(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = session(&t, &w, SalesManager).await;
    let me = user_id(&t, &consultant).await;
    // Tuesday 3 November, 10:00–11:00 Shanghai: the manager's meeting with the consultant...
    let meeting = post(
        &t,
        &manager,
        "/api/v1/activities",
        json!({"kind": "meeting", "subject": "周例会", "participant_ids": [me],
               "starts_at": "2026-11-03T02:00:00Z", "ends_at": "2026-11-03T03:00:00Z"}),
    )
    .await;
    assert_eq!(meeting.status, StatusCode::CREATED, "{:?}", meeting.body);
    // ...and the consultant's own visit at 10:30, saved despite the warning.
    let visit = post(
        &t,
        &consultant,
        "/api/v1/activities",
        json!({"kind": "visit", "subject": "上门拜访", "allow_overlap": true,
               "starts_at": "2026-11-03T02:30:00Z", "ends_at": "2026-11-03T03:30:00Z"}),
    )
    .await;
    assert_eq!(visit.status, StatusCode::CREATED, "{:?}", visit.body);
    let calendar = t
        .get(
            "/api/v1/calendar?from=2026-11-02T16:00:00Z&to=2026-11-09T16:00:00Z",
            Auth::Session(&consultant),
        )
        .await;
    assert_eq!(calendar.status, StatusCode::OK, "{:?}", calendar.body);
    let on_it = ids(&calendar.body["items"]);
    assert!(on_it.contains(&meeting.body["id"].as_str().unwrap().to_owned()), "{on_it:?}");
    assert!(on_it.contains(&visit.body["id"].as_str().unwrap().to_owned()));
    let conflicts = calendar.body["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert_eq!(conflicts[0]["user_id"], me.as_str());
    // The same definition in the team's calendar.
    let team = t
        .get(
            &format!(
                "/api/v1/calendar?from=2026-11-02T16:00:00Z&to=2026-11-09T16:00:00Z&team_id={}",
                w.a.team_id
            ),
            Auth::Session(&manager),
        )
        .await;
    assert!(
        team.body["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["user_id"] == me.as_str()),
        "{:?}",
        team.body["conflicts"]
    );
});

crate::http_test!(async fn a_booked_test_drive_is_on_the_consultants_calendar_and_moves_with_it(t) {
    let w = world(&t).await;
    let manager = session(&t, &w, SalesManager).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let car = post(
        &t,
        &manager,
        "/api/v1/test-drive-cars",
        json!({"name": "白色试驾车", "plate": "浙A12345"}),
    )
    .await;
    let walk_in = post(
        &t,
        &consultant,
        "/api/v1/receptions",
        json!({"customer": {"name": "韦小宝", "phones": [{"number": "13712340101"}]},
               "models": [{"text": "途观L"}], "grade": "A"}),
    )
    .await;
    let customer = walk_in.body["reception"]["customer"]["id"].clone();
    // Today (Monday 2 November) at 15:00–15:45 Shanghai.
    let booking = post(
        &t,
        &consultant,
        "/api/v1/test-drives",
        json!({"car_id": car.body["id"], "customer_id": customer,
               "starts_at": "2026-11-02T07:00:00Z", "ends_at": "2026-11-02T07:45:00Z"}),
    )
    .await;
    assert_eq!(booking.status, StatusCode::CREATED, "{:?}", booking.body);
    let booking_id = booking.body["id"].as_str().unwrap().to_owned();
    let find = |list: &Value| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|a| a["ref_type"] == "test_drive" && a["ref_id"] == booking_id.as_str())
            .cloned()
    };
    let work = t.get("/api/v1/my-work", Auth::Session(&consultant)).await;
    let entry = find(&work.body["today"]).unwrap_or_else(|| panic!("{:?}", work.body));
    assert_eq!(entry["kind"], "test_drive");
    assert_eq!(entry["subject"], "试驾 白色试驾车");
    assert_eq!(entry["customer_name"], "韦小宝");
    let calendar = t
        .get(
            "/api/v1/calendar?from=2026-11-01T16:00:00Z&to=2026-11-02T16:00:00Z",
            Auth::Session(&consultant),
        )
        .await;
    assert!(find(&calendar.body["items"]).is_some(), "{:?}", calendar.body);
    // The calendar entry follows the booking; it is not moved or closed on its own.
    let activity_id = entry["id"].as_str().unwrap().to_owned();
    let drag = t
        .send(
            Method::PATCH,
            &format!("/api/v1/activities/{activity_id}"),
            Auth::Session(&consultant),
            Some(json!({"version": entry["version"], "starts_at": "2026-11-02T08:00:00Z",
                        "ends_at": "2026-11-02T08:45:00Z"})),
        )
        .await;
    assert_eq!(drag.status, StatusCode::CONFLICT, "{:?}", drag.body);
    let moved = t
        .send(
            Method::PATCH,
            &format!("/api/v1/test-drives/{booking_id}"),
            Auth::Session(&consultant),
            Some(json!({"version": booking.body["version"], "starts_at": "2026-11-02T08:00:00Z",
                        "ends_at": "2026-11-02T08:45:00Z"})),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{:?}", moved.body);
    let entry = t
        .get(&format!("/api/v1/activities/{activity_id}"), Auth::Session(&consultant))
        .await;
    assert_eq!(entry.body["starts_at"], "2026-11-02T08:00:00Z");
    let cancelled = post(
        &t,
        &consultant,
        &format!("/api/v1/test-drives/{booking_id}/cancel"),
        json!({"version": moved.body["version"]}),
    )
    .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{:?}", cancelled.body);
    let entry = t
        .get(&format!("/api/v1/activities/{activity_id}"), Auth::Session(&consultant))
        .await;
    assert_eq!(entry.body["status"], "cancelled");
});

crate::http_test!(async fn my_work_counts_what_it_lists_and_a_cancellation_needs_a_reason(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    // Monday 09:00 Shanghai: one task due at 08:00 (late already), one due at 17:00.
    for (subject, due) in [("早上的电话", "2026-11-02T00:00:00Z"), ("下午的电话", "2026-11-02T09:00:00Z")] {
        let made = post(
            &t,
            &consultant,
            "/api/v1/activities",
            json!({"kind": "call", "subject": subject, "due_at": due}),
        )
        .await;
        assert_eq!(made.status, StatusCode::CREATED, "{:?}", made.body);
    }
    let work = t.get("/api/v1/my-work", Auth::Session(&consultant)).await;
    let today: Vec<&str> = work.body["today"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["subject"].as_str().unwrap())
        .collect();
    assert_eq!(today, ["下午的电话"], "{:?}", work.body);
    assert_eq!(work.body["overdue"].as_array().unwrap().len(), 1);

    // A pushed task's cancellation without a reason is refused, naming the field.
    let lead = post(
        &t,
        &consultant,
        "/api/v1/receptions",
        json!({"customer": {"name": "令狐冲", "phones": [{"number": "13712340102"}]},
               "models": [{"text": "途观L"}], "grade": "H"}),
    )
    .await;
    let lead_id = lead.body["lead"]["id"].as_str().unwrap().to_owned();
    t.clock.advance(Duration::days(2));
    t.app.sales().push_follow_up_tasks().await.unwrap();
    let consultant = session(&t, &w, SalesConsultant).await;
    let work = t.get("/api/v1/my-work", Auth::Session(&consultant)).await;
    let task = work.body["today"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["ref_id"] == lead_id.as_str())
        .cloned()
        .unwrap_or_else(|| panic!("{:?}", work.body));
    for reason in [json!(null), json!("  ")] {
        let asked = post(
            &t,
            &consultant,
            &format!("/api/v1/activities/{}/cancel", task["id"].as_str().unwrap()),
            json!({"version": task["version"], "reason": reason}),
        )
        .await;
        assert_eq!(asked.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", asked.body);
        assert_eq!(asked.body["errors"][0]["field"], "reason");
    }
    assert_eq!(t.count("approval_requests").await, 0);
});

crate::http_test!(async fn texts_the_system_writes_are_read_in_the_readers_language(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = session(&t, &w, SalesManager).await;
    let lead = post(
        &t,
        &consultant,
        "/api/v1/receptions",
        json!({"customer": {"name": "任盈盈", "phones": [{"number": "13712340103"}]},
               "models": [{"text": "途观L"}], "grade": "H"}),
    )
    .await;
    let lead_id = lead.body["lead"]["id"].as_str().unwrap().to_owned();
    t.clock.advance(Duration::days(2));
    t.app.sales().push_follow_up_tasks().await.unwrap();
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = {
        let _ = manager;
        session(&t, &w, SalesManager).await
    };
    let task_of = |reply: &Reply| {
        reply.body["today"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["ref_id"] == lead_id.as_str())
            .cloned()
            .unwrap_or_else(|| panic!("{:?}", reply.body))
    };
    let in_lang = |lang: &'static str| {
        let t = &t;
        let consultant = &consultant;
        async move {
            t.send_with(
                Method::GET,
                "/api/v1/my-work",
                Auth::Session(consultant),
                None,
                &[("accept-language", lang)],
            )
            .await
        }
    };
    assert_eq!(task_of(&in_lang("zh-CN").await)["subject"], "回访 任盈盈（H级）");
    assert_eq!(task_of(&in_lang("zh-TW").await)["subject"], "回訪 任盈盈（H級）");
    assert_eq!(
        task_of(&in_lang("en-US,en;q=0.9").await)["subject"],
        "Follow up 任盈盈 (grade H)"
    );
    // Without the header: the user's own language (the dealer's when they chose none).
    let task = task_of(&t.get("/api/v1/my-work", Auth::Session(&consultant)).await);
    assert_eq!(task["subject"], "回访 任盈盈（H级）");

    // The cancellation request's title and the manager's notification follow the reader.
    let asked = post(
        &t,
        &consultant,
        &format!("/api/v1/activities/{}/cancel", task["id"].as_str().unwrap()),
        json!({"version": task["version"], "reason": "客户出国两周"}),
    )
    .await;
    assert_eq!(asked.status, StatusCode::OK, "{:?}", asked.body);
    let approval = asked.body["pending_approval_id"].as_str().unwrap().to_owned();
    let english = t
        .send_with(
            Method::GET,
            &format!("/api/v1/approvals/{approval}"),
            Auth::Session(&manager),
            None,
            &[("accept-language", "en")],
        )
        .await;
    assert_eq!(english.body["title"], "Follow up 任盈盈 (grade H)");
    let bell = t
        .send_with(
            Method::GET,
            "/api/v1/notifications",
            Auth::Session(&manager),
            None,
            &[("accept-language", "zh-TW")],
        )
        .await;
    let requested = bell.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "approval.requested")
        .cloned()
        .unwrap_or_else(|| panic!("{:?}", bell.body));
    assert_eq!(requested["title"], "待審批：回訪 任盈盈（H級）");
    // A user who chose English reads English without asking.
    let me = t.get("/api/v1/me", Auth::Session(&manager)).await;
    let changed = t
        .send(
            Method::PATCH,
            "/api/v1/me",
            Auth::Session(&manager),
            Some(json!({"version": me.body["user"]["version"], "locale": "en"})),
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{:?}", changed.body);
    let manager = t.login_with(&w.a.username(SalesManager), PASSWORD).await;
    let bell = t.get("/api/v1/notifications", Auth::Session(&manager)).await;
    assert!(
        bell.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["title"] == "Approval needed: Follow up 任盈盈 (grade H)"),
        "{:?}",
        bell.body
    );
});

crate::http_test!(async fn test_drive_cars_are_named_with_their_model_wherever_they_show(t) {
    let w = world(&t).await;
    let records = crate::http::support::records(&t, &w.a).await;
    let manager = session(&t, &w, SalesManager).await;
    let car = post(
        &t,
        &manager,
        "/api/v1/test-drive-cars",
        json!({"name": "白色试驾车", "series_id": records.series_id, "model_id": records.model_id}),
    )
    .await;
    assert_eq!(car.status, StatusCode::CREATED, "{:?}", car.body);
    let label = car.body["label"].as_str().unwrap().to_owned();
    assert!(label.contains("途观L") && label.contains("330TSI"), "{label}");
    assert!(label.ends_with(" · 白色试驾车"), "{label}");
    // A name that already says the series is not repeated.
    let named = post(
        &t,
        &manager,
        "/api/v1/test-drive-cars",
        json!({"name": "途观L 黑色", "series_id": records.series_id}),
    )
    .await;
    assert_eq!(named.body["label"], "途观L 黑色");
    // The booking names the car the same way.
    let walk_in = post(
        &t,
        &manager,
        "/api/v1/receptions",
        json!({"customer": {"name": "令狐冲", "phones": [{"number": "13712340202"}]},
               "models": [{"text": "途观L"}], "grade": "A"}),
    )
    .await;
    let booking = post(
        &t,
        &manager,
        "/api/v1/test-drives",
        json!({"car_id": car.body["id"], "customer_id": walk_in.body["reception"]["customer"]["id"],
               "starts_at": "2026-11-02T07:00:00Z", "ends_at": "2026-11-02T07:45:00Z"}),
    )
    .await;
    assert_eq!(booking.status, StatusCode::CREATED, "{:?}", booking.body);
    assert_eq!(booking.body["car"]["label"], label.as_str());
});
