//! Complaints on the controllable clock: the SLA in working hours (weekend, holiday, waiting
//! for the customer), each escalation step once however many scans run, verification by a
//! different person, reopening that keeps the breaches, and eight answers at once.

use super::work_support::{Work, work};
use chrono::{Duration, TimeZone, Utc};
use forecourt_care::CareExt as _;
use forecourt_care::complaints::views::{ComplaintDetail, SlaState};
use forecourt_customers::CustomersExt as _;
use forecourt_customers::{CustomerKind, NewCustomer, PhoneInput};
use forecourt_db::db_test;
use forecourt_domain::ids::CustomerId;
use forecourt_kernel::Actor;
use forecourt_kernel::error::CoreError;
use forecourt_kernel::notifications::NotificationQuery;
use serde_json::json;

async fn customer(w: &Work) -> CustomerId {
    w.app
        .customers()
        .create_customer(
            &w.manager,
            NewCustomer {
                kind: CustomerKind::Person,
                name: "赵敏".into(),
                gender: None,
                birthday: None,
                phones: vec![PhoneInput {
                    number: "13912345678".into(),
                    label: forecourt_customers::PhoneLabel::Mobile,
                }],
                wechat_id: None,
                email: None,
                address: Default::default(),
                id_number: None,
                occupation: None,
                notes: None,
                tags: vec![],
                source: None,
                owner_id: None,
                companions: vec![],
                consents: vec![],
                vehicles: vec![],
                allow_duplicate: true,
            },
        )
        .await
        .unwrap()
        .id
}

async fn enter(
    w: &Work,
    by: &Actor,
    customer: CustomerId,
    severity: &str,
    handler: bool,
) -> ComplaintDetail {
    let mut body = json!({
        "source": "phone", "category": "repair_quality", "severity": severity,
        "customer_id": customer, "summary": "保养后发动机异响",
        "details": "客户来电：昨天保养后\n发动机有异响。",
    });
    if handler {
        body["handler_id"] = json!(w.consultant.user_id());
    }
    w.app
        .care()
        .enter_complaint(by, serde_json::from_value(body).unwrap())
        .await
        .unwrap()
}

fn note(version: i64, text: &str) -> serde_json::Value {
    json!({"version": version, "notes": text})
}

async fn kinds(w: &Work, actor: &Actor) -> Vec<String> {
    let mut k: Vec<String> = w
        .app
        .list_notifications(actor, NotificationQuery::default())
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|n| n.kind)
        .collect();
    k.sort();
    k
}

/// A wall-clock time in Shanghai (UTC+8, no daylight saving).
fn shanghai(y: i32, m: u32, d: u32, h: u32, min: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap() - Duration::hours(8)
}

db_test!(async fn a_complaint_escalates_once_per_step_and_its_breach_stays_on_record(test_db) {
    let w = work(test_db, Default::default()).await;
    // Monday 2 March 2026, 09:00 in Shanghai.
    assert_eq!(w.app.now(), shanghai(2026, 3, 2, 9, 0));
    let customer = customer(&w).await;
    let c = enter(&w, &w.manager, customer, "high", true).await;
    let id = c.complaint.id;
    // High: answer within 60 working minutes, resolve within 480.
    assert_eq!(c.complaint.first_response_due_at, Some(shanghai(2026, 3, 2, 10, 0)));
    assert_eq!(c.complaint.resolution_due_at, Some(shanghai(2026, 3, 2, 17, 0)));
    assert_eq!(kinds(&w, &w.consultant).await, ["complaint.assigned"]);
    assert_eq!(w.app.care().escalate_complaints().await.unwrap(), 0);

    // 80 % of an hour is 09:48: the handler is warned, once.
    w.clock.set(shanghai(2026, 3, 2, 9, 49));
    assert_eq!(w.app.care().escalate_complaints().await.unwrap(), 1);
    assert_eq!(w.app.care().escalate_complaints().await.unwrap(), 0);
    assert_eq!(
        kinds(&w, &w.consultant).await,
        ["complaint.assigned", "complaint.first_response_warning"]
    );
    let board = w.app.care().complaint_board(&w.manager).await.unwrap();
    assert_eq!((board.at_risk, board.breached), (1, 0));

    // Past 10:00: the breach goes to whoever assigns complaints, and stays on record.
    w.clock.set(shanghai(2026, 3, 2, 10, 1));
    assert_eq!(w.app.care().escalate_complaints().await.unwrap(), 1);
    assert_eq!(kinds(&w, &w.manager).await, ["complaint.first_response_breached"]);
    let now = w.app.care().get_complaint(&w.manager, id).await.unwrap();
    assert!(now.complaint.first_response_breached);
    assert_eq!(now.complaint.sla_state, SlaState::Breached);

    // A day later two nodes scan at once: the senior step and the resolution's warning and
    // breach fire once each between them.
    w.clock.set(shanghai(2026, 3, 3, 10, 1));
    let (care_a, care_b) = (w.app.care(), w.app.care());
    let (a, b) = tokio::join!(care_a.escalate_complaints(), care_b.escalate_complaints());
    assert_eq!(a.unwrap() + b.unwrap(), 3);
    assert_eq!(w.app.care().escalate_complaints().await.unwrap(), 0);
    let now = w.app.care().get_complaint(&w.manager, id).await.unwrap();
    assert_eq!(now.escalations.len(), 5);
    assert!(now.complaint.resolution_breached);

    // Eight answers at once with the same version: one is taken, seven are stale.
    let version = now.complaint.version;
    let answers = (0..8).map(|i| {
        let app = w.app.clone();
        let actor = w.consultant.clone();
        async move {
            app.care()
                .respond_to_complaint(
                    &actor,
                    id,
                    serde_json::from_value(note(version, &format!("已致电客户 {i}"))).unwrap(),
                )
                .await
        }
    });
    let results = futures_util::future::join_all(answers).await;
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1);
    assert!(results.iter().all(|r| match r {
        Ok(_) => true,
        Err(e) => matches!(e, CoreError::VersionConflict { .. }),
    }));
    let answered = w.app.care().get_complaint(&w.consultant, id).await.unwrap();
    assert_eq!(answered.steps.iter().filter(|s| s.kind == "responded").count(), 1);

    // Waiting for the customer stops the clock; the handler resolves.
    let v = answered.complaint.version;
    let waiting = w.app.care().wait_for_customer(&w.consultant, id, serde_json::from_value(note(v, "客户出差，下周来店")).unwrap()).await.unwrap();
    assert_eq!(waiting.complaint.sla_state, SlaState::Paused);
    // Both clocks had run out before the wait: their due instants stand.
    assert_eq!(
        waiting.complaint.resolution_due_at,
        Some(shanghai(2026, 3, 2, 17, 0))
    );
    let v = waiting.complaint.version;
    let resolved = w.app.care().resolve_complaint(&w.consultant, id, serde_json::from_value(json!({"version": v, "agreement": "免费检查并更换皮带"})).unwrap()).await.unwrap();
    assert_eq!(resolved.complaint.status.as_str(), "resolved");
    assert_eq!(resolved.complaint.waiting_since, None);

    // The handler cannot verify their own work (no permission); the manager can, and the
    // customer is not satisfied: back to handling.
    let v = resolved.complaint.version;
    let verify = |satisfied: bool, v: i64| {
        serde_json::from_value(json!({"version": v, "satisfied": satisfied, "notes": "回访客户"})).unwrap()
    };
    assert!(matches!(
        w.app.care().verify_complaint(&w.consultant, id, verify(true, v)).await,
        Err(CoreError::Forbidden { .. })
    ));
    let back = w.app.care().verify_complaint(&w.manager, id, verify(false, v)).await.unwrap();
    assert_eq!(back.complaint.status.as_str(), "handling");
    // The manager resolves it this time, so the manager may not verify it.
    let v = back.complaint.version;
    let again = w.app.care().resolve_complaint(&w.manager, id, serde_json::from_value(json!({"version": v, "agreement": "更换皮带并赠送一次保养"})).unwrap()).await.unwrap();
    let v = again.complaint.version;
    assert!(matches!(
        w.app.care().verify_complaint(&w.manager, id, verify(true, v)).await,
        Err(CoreError::InvalidState { .. })
    ));
    let closed = w.app.care().verify_complaint(&w.system, id, verify(true, v)).await.unwrap();
    assert_eq!(closed.complaint.status.as_str(), "closed");
    assert_eq!(closed.complaint.sla_state, SlaState::Done);

    // Reopened: a new resolution clock from now, the breaches stay.
    let v = closed.complaint.version;
    let reopened = w.app.care().reopen_complaint(&w.manager, id, serde_json::from_value(note(v, "客户再次来电")).unwrap()).await.unwrap();
    assert_eq!(reopened.complaint.status.as_str(), "handling");
    assert_eq!(reopened.complaint.cycle, 1);
    assert!(reopened.complaint.first_response_breached && reopened.complaint.resolution_breached);
    let kinds_seen: Vec<&str> = reopened.steps.iter().map(|s| s.kind.as_str()).collect();
    for k in ["entered", "assigned", "escalated", "responded", "waiting", "resolved", "rejected", "closed", "reopened"] {
        assert!(kinds_seen.contains(&k), "{k} in {kinds_seen:?}");
    }
});

db_test!(async fn saturday_evening_with_four_working_hours_is_due_monday_noon_or_after_a_holiday(test_db) {
    let w = work(test_db, Default::default()).await;
    let customer = customer(&w).await;
    // Saturday 7 March 2026, 17:30; medium complaints are answered within 4 working hours.
    w.clock.set(shanghai(2026, 3, 7, 17, 30));
    let c = enter(&w, &w.manager, customer, "medium", false).await;
    assert_eq!(c.complaint.status.as_str(), "entered");
    assert_eq!(c.complaint.first_response_due_at, Some(shanghai(2026, 3, 9, 12, 0)));
    // Monday 9 March made a holiday: due Tuesday noon.
    let settings = w.app.care().care_settings(&w.system).await.unwrap();
    w.app
        .care()
        .update_care_settings(
            &w.system,
            serde_json::from_value(json!({
                "version": settings.version,
                "set_days": [{"day": "2026-03-09", "working": false, "name": "店庆"}],
            }))
            .unwrap(),
        )
        .await
        .unwrap();
    let d = enter(&w, &w.manager, customer, "medium", false).await;
    assert_eq!(d.complaint.first_response_due_at, Some(shanghai(2026, 3, 10, 12, 0)));
    // Nobody handles an unassigned complaint but the managers hear of it.
    assert!(kinds(&w, &w.manager).await.contains(&"complaint.entered".to_owned()));
    // The consultant reads neither: not theirs.
    assert!(matches!(
        w.app.care().get_complaint(&w.consultant, d.complaint.id).await,
        Err(CoreError::NotFound { .. })
    ));
    // A stale settings version is refused.
    assert!(matches!(
        w.app
            .care()
            .update_care_settings(&w.system, serde_json::from_value(json!({"version": settings.version})).unwrap())
            .await,
        Err(CoreError::VersionConflict { .. })
    ));
});

db_test!(async fn eight_complaints_entered_at_once_get_eight_consecutive_numbers(test_db) {
    let w = work(test_db, Default::default()).await;
    let customer = customer(&w).await;
    let entries = (0..8).map(|i| {
        let app = w.app.clone();
        let actor = w.manager.clone();
        async move {
            let body = json!({
                "source": "walk_in", "category": "waiting_time", "severity": "low",
                "customer_id": customer, "summary": format!("等待过久 {i}"), "details": "等了两个小时",
            });
            app.care()
                .enter_complaint(&actor, serde_json::from_value(body).unwrap())
                .await
        }
    });
    let mut numbers: Vec<String> = futures_util::future::join_all(entries)
        .await
        .into_iter()
        .map(|r| r.unwrap().complaint.number)
        .collect();
    numbers.sort();
    let expected: Vec<String> = (1..=8).map(|n| format!("TS2026{n:06}")).collect();
    assert_eq!(numbers, expected);
    // Bad input names its field and writes nothing.
    let bad = json!({
        "source": "phone", "category": "other", "severity": "low", "customer_id": customer,
        "summary": "一行\n两行", "details": " ", "oem_deadline_at": "2026-03-10T00:00:00Z",
    });
    let Err(CoreError::Validation(errors)) = w
        .app
        .care()
        .enter_complaint(&w.manager, serde_json::from_value(bad).unwrap())
        .await
    else {
        panic!("bad input is refused");
    };
    let mut fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    fields.sort();
    assert_eq!(fields, ["details", "oem_deadline_at", "summary"]);
    let all = w
        .app
        .care()
        .list_complaints(&w.manager, Default::default())
        .await
        .unwrap();
    assert_eq!(all.items.len(), 8);
});
