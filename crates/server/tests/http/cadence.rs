//! The follow-up cadence and stagnation on a controllable clock: pushed tasks appear on the
//! due day, close only by logging the follow-up or by an approved cancellation, escalate when
//! overdue; stagnant leads move per the dealer's rule.

use super::support::{Auth, Session, TestApp, World, world};
use axum::http::{Method, StatusCode};
use chrono::Duration;
use forecourt_domain::role::BuiltinRole::{self, *};
use forecourt_sales::SalesExt as _;
use forecourt_work::WorkExt as _;
use serde_json::{Value, json};

async fn session(t: &TestApp, w: &World, role: BuiltinRole) -> Session {
    t.login(&w.a.username(role)).await
}

async fn walk_in(t: &TestApp, s: &Session, phone: &str, grade: &str) -> Value {
    let reply = t
        .send(
            Method::POST,
            "/api/v1/receptions",
            Auth::Session(s),
            Some(json!({
                "customer": {"name": "沈腾", "phones": [{"number": phone}]},
                "models": [{"text": "途观L"}],
                "grade": grade,
            })),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
    reply.body["lead"].clone()
}

/// The consultant's pushed tasks for a lead, from My work (today and overdue).
async fn lead_tasks(t: &TestApp, s: &Session, lead_id: &str) -> Vec<Value> {
    let work = t.get("/api/v1/my-work", Auth::Session(s)).await;
    assert_eq!(work.status, StatusCode::OK, "{:?}", work.body);
    ["today", "overdue"]
        .iter()
        .flat_map(|k| work.body[*k].as_array().cloned().unwrap_or_default())
        .filter(|a| a["ref_type"] == "lead" && a["ref_id"] == lead_id)
        .collect()
}

crate::http_test!(async fn a_follow_up_task_is_pushed_on_its_day_and_closed_by_the_follow_up(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    // Monday 09:00 in Shanghai; grade A: due in 7 days, by 18:00.
    let lead = walk_in(&t, &consultant, "13300001111", "A").await;
    let id = lead["id"].as_str().unwrap().to_owned();
    assert_eq!(t.app.sales().push_follow_up_tasks().await.unwrap(), 0);
    assert!(lead_tasks(&t, &consultant, &id).await.is_empty());

    // The morning of the due day: the task is there, due at 18:00, for the owner.
    t.clock.advance(Duration::days(7));
    assert_eq!(t.app.sales().push_follow_up_tasks().await.unwrap(), 1);
    assert_eq!(t.app.sales().push_follow_up_tasks().await.unwrap(), 0, "pushed once");
    let consultant = session(&t, &w, SalesConsultant).await;
    let tasks = lead_tasks(&t, &consultant, &id).await;
    assert_eq!(tasks.len(), 1, "{tasks:?}");
    let task = &tasks[0];
    assert_eq!(task["kind"], "call");
    assert_eq!(task["due_at"], lead["next_follow_up_at"]);
    assert_eq!(task["completion_locked"], true);
    assert_eq!(task["cancel_needs_approval"], true);
    let task_id = task["id"].as_str().unwrap().to_owned();

    // It is not ticked off like an ordinary task: the follow-up must be logged.
    let tick = t
        .send(
            Method::POST,
            &format!("/api/v1/activities/{task_id}/complete"),
            Auth::Session(&consultant),
            Some(json!({"version": task["version"]})),
        )
        .await;
    assert_eq!(tick.status, StatusCode::CONFLICT, "{:?}", tick.body);
    assert_eq!(tick.code(), "invalid_state");

    // Not done by 18:00: overdue, the owner is alarmed; an hour later the manager too.
    t.clock.advance(Duration::hours(9) + Duration::minutes(5));
    t.app.work().scan_overdue_activities().await.unwrap();
    assert_eq!(
        t.count_where("notifications", "kind = 'activity.overdue'").await,
        1
    );
    t.clock.advance(Duration::hours(1));
    t.app.work().scan_overdue_activities().await.unwrap();
    assert!(t.count_where("notifications", "kind = 'activity.escalated'").await >= 1);
    assert_eq!(
        t.count_where("notifications", "kind = 'activity.overdue'").await,
        1,
        "the owner is alarmed once"
    );

    let consultant = session(&t, &w, SalesConsultant).await;
    let current = t.get(&format!("/api/v1/leads/{id}"), Auth::Session(&consultant)).await;
    assert_eq!(current.body["lead"]["follow_up_overdue"], true);
    let logged = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/follow-ups"),
            Auth::Session(&consultant),
            Some(json!({"version": current.body["lead"]["version"], "channel": "phone",
                "summary": "约周六试驾", "grade": "H"})),
        )
        .await;
    assert_eq!(logged.status, StatusCode::OK, "{:?}", logged.body);
    assert!(logged.body["follow_up_task_id"].is_null());
    let done = t
        .get(&format!("/api/v1/activities/{task_id}"), Auth::Session(&consultant))
        .await;
    assert_eq!(done.body["status"], "done", "{:?}", done.body);
    assert_eq!(done.body["outcome"], "约周六试驾");
    let detail = t.get(&format!("/api/v1/leads/{id}"), Auth::Session(&consultant)).await;
    assert_eq!(detail.body["follow_ups"][0]["task_id"], task_id.as_str());
});

crate::http_test!(async fn cancelling_a_pushed_task_needs_the_managers_approval(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let lead = walk_in(&t, &consultant, "13300002222", "H").await;
    let id = lead["id"].as_str().unwrap().to_owned();
    t.clock.advance(Duration::days(2));
    t.app.sales().push_follow_up_tasks().await.unwrap();
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = session(&t, &w, SalesManager).await;
    let task = lead_tasks(&t, &consultant, &id).await.remove(0);
    let task_id = task["id"].as_str().unwrap().to_owned();

    let ask = |version: Value| {
        let path = format!("/api/v1/activities/{task_id}/cancel");
        let consultant = &consultant;
        let t = &t;
        async move {
            t.send(
                Method::POST,
                &path,
                Auth::Session(consultant),
                Some(json!({"version": version, "reason": "客户出差，下周再联系"})),
            )
            .await
        }
    };
    let asked = ask(task["version"].clone()).await;
    assert_eq!(asked.status, StatusCode::OK, "{:?}", asked.body);
    assert_eq!(asked.body["status"], "planned");
    let approval = asked.body["pending_approval_id"].as_str().unwrap().to_owned();

    // The manager rejects: the task stays due.
    let waiting = t.get("/api/v1/approvals?box=waiting", Auth::Session(&manager)).await;
    assert!(
        waiting.body["items"].as_array().unwrap().iter().any(|a| a["id"] == approval.as_str()),
        "{:?}",
        waiting.body
    );
    let request = t.get(&format!("/api/v1/approvals/{approval}"), Auth::Session(&manager)).await;
    let rejected = t
        .send(
            Method::POST,
            &format!("/api/v1/approvals/{approval}/reject"),
            Auth::Session(&manager),
            Some(json!({"version": request.body["version"], "comment": "重要客户，今天必须联系"})),
        )
        .await;
    assert_eq!(rejected.status, StatusCode::OK, "{:?}", rejected.body);
    let still = t.get(&format!("/api/v1/activities/{task_id}"), Auth::Session(&consultant)).await;
    assert_eq!(still.body["status"], "planned");

    // Asked again and approved: the task is cancelled and the lead is scheduled afresh.
    let asked = ask(still.body["version"].clone()).await;
    let approval = asked.body["pending_approval_id"].as_str().unwrap().to_owned();
    let request = t.get(&format!("/api/v1/approvals/{approval}"), Auth::Session(&manager)).await;
    let approved = t
        .send(
            Method::POST,
            &format!("/api/v1/approvals/{approval}/approve"),
            Auth::Session(&manager),
            Some(json!({"version": request.body["version"]})),
        )
        .await;
    assert_eq!(approved.status, StatusCode::OK, "{:?}", approved.body);
    let gone = t.get(&format!("/api/v1/activities/{task_id}"), Auth::Session(&consultant)).await;
    assert_eq!(gone.body["status"], "cancelled");
    t.app.sales().push_follow_up_tasks().await.unwrap();
    let lead = t.get(&format!("/api/v1/leads/{id}"), Auth::Session(&consultant)).await;
    assert!(lead.body["lead"]["follow_up_task_id"].is_null(), "{:?}", lead.body["lead"]);
    let next: chrono::DateTime<chrono::Utc> =
        lead.body["lead"]["next_follow_up_at"].as_str().unwrap().parse().unwrap();
    assert!(next > t.clock_now(), "{next}");
    // The requester heard both answers.
    assert_eq!(
        t.count_where("notifications", "kind IN ('approval.approved', 'approval.rejected')").await,
        2
    );
});

crate::http_test!(async fn a_lead_given_to_another_consultant_takes_its_task_along(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let lead = walk_in(&t, &consultant, "13300003333", "H").await;
    let id = lead["id"].as_str().unwrap().to_owned();
    t.clock.advance(Duration::days(2));
    t.app.sales().push_follow_up_tasks().await.unwrap();
    let manager = session(&t, &w, SalesManager).await;
    let current = t.get(&format!("/api/v1/leads/{id}"), Auth::Session(&manager)).await;
    let task_id = current.body["lead"]["follow_up_task_id"].as_str().unwrap().to_owned();
    let moved = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/assign"),
            Auth::Session(&manager),
            Some(json!({"version": current.body["lead"]["version"], "owner_id": w.a.target_user_id})),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{:?}", moved.body);
    let task = t.get(&format!("/api/v1/activities/{task_id}"), Auth::Session(&manager)).await;
    assert_eq!(task.body["owner"]["id"], w.a.target_user_id.as_str());
    assert_eq!(
        t.count_where("notifications", "kind = 'lead.assigned'").await,
        1
    );
    // Lost: the task goes too.
    let lost = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/lost"),
            Auth::Session(&manager),
            Some(json!({"version": moved.body["version"], "reason": "postponed"})),
        )
        .await;
    assert_eq!(lost.status, StatusCode::OK, "{:?}", lost.body);
    let task = t.get(&format!("/api/v1/activities/{task_id}"), Auth::Session(&manager)).await;
    assert_eq!(task.body["status"], "cancelled");
});

crate::http_test!(async fn stagnant_leads_are_flagged_and_moved_per_the_dealers_rule(t) {
    let w = world(&t).await;
    let manager = session(&t, &w, SalesManager).await;
    let settings = t.get("/api/v1/sales/settings", Auth::Session(&manager)).await;
    let reply = t
        .send(
            Method::PATCH,
            "/api/v1/sales/settings",
            Auth::Session(&manager),
            Some(json!({"version": settings.body["version"], "stagnation_days": 30,
                "stagnation_action": "marketing_pool", "c_handover_days": 45})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let consultant = session(&t, &w, SalesConsultant).await;
    let warm = walk_in(&t, &consultant, "13300004444", "B").await;
    let cold = walk_in(&t, &consultant, "13300005555", "C").await;

    // 29 days: nothing yet.
    t.clock.advance(Duration::days(29));
    assert_eq!(t.app.sales().flag_stagnant_leads().await.unwrap(), 0);
    // 31 days without an upgrade: both are stagnant and go to the marketing pool.
    t.clock.advance(Duration::days(2));
    assert_eq!(t.app.sales().flag_stagnant_leads().await.unwrap(), 2);
    assert_eq!(t.app.sales().flag_stagnant_leads().await.unwrap(), 0, "flagged once");
    let manager = session(&t, &w, SalesManager).await;
    for lead in [&warm, &cold] {
        let now = t
            .get(&format!("/api/v1/leads/{}", lead["id"].as_str().unwrap()), Auth::Session(&manager))
            .await;
        assert!(!now.body["lead"]["stagnant_since"].is_null(), "{:?}", now.body["lead"]);
        assert_eq!(now.body["lead"]["pool"], "marketing");
        assert!(now.body["lead"]["owner"].is_null());
    }
    assert_eq!(
        t.count_where("notifications", "kind = 'lead.stagnant'").await,
        2
    );
    assert_eq!(
        t.count_where("audit_events", "action = 'lead.stagnant'").await,
        2
    );
    let pool = t.get("/api/v1/leads?pool=marketing", Auth::Session(&manager)).await;
    assert_eq!(pool.body["items"].as_array().unwrap().len(), 2);
});

crate::http_test!(async fn cold_leads_go_to_marketing_after_the_hand_over_period(t) {
    let w = world(&t).await;
    let manager = session(&t, &w, SalesManager).await;
    let settings = t.get("/api/v1/sales/settings", Auth::Session(&manager)).await;
    let reply = t
        .send(
            Method::PATCH,
            "/api/v1/sales/settings",
            Auth::Session(&manager),
            Some(json!({"version": settings.body["version"], "stagnation_days": 365,
                "stagnation_action": "flag", "c_handover_days": 45})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let consultant = session(&t, &w, SalesConsultant).await;
    let cold = walk_in(&t, &consultant, "13300006666", "C").await;
    let warm = walk_in(&t, &consultant, "13300007777", "A").await;
    t.clock.advance(Duration::days(46));
    assert_eq!(t.app.sales().flag_stagnant_leads().await.unwrap(), 1);
    let manager = session(&t, &w, SalesManager).await;
    let cold = t
        .get(&format!("/api/v1/leads/{}", cold["id"].as_str().unwrap()), Auth::Session(&manager))
        .await;
    assert_eq!(cold.body["lead"]["pool"], "marketing");
    let warm = t
        .get(&format!("/api/v1/leads/{}", warm["id"].as_str().unwrap()), Auth::Session(&manager))
        .await;
    assert!(warm.body["lead"]["pool"].is_null());
    assert!(!warm.body["lead"]["owner"].is_null());
});

#[test]
fn the_sales_jobs_are_registered() {
    let modules = forecourt_http::module::kernel_modules(forecourt_server::modules::MODULES);
    let kinds = forecourt_kernel::jobs::JobRegistry::for_modules(&modules).kinds();
    for kind in [
        forecourt_sales::follow_up_tasks::CADENCE_JOB,
        forecourt_sales::follow_up_tasks::STAGNATION_JOB,
    ] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
    }
}
