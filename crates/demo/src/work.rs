//! Demo work for the consultant of each store: an overdue call, tasks due today, a test drive
//! tomorrow, a follow-up later in the week, a discount waiting for the manager — so "my work"
//! has something in it. Skipped when the consultant already has activities.

use chrono::Duration;
use forecourt_customers::CustomerQuery;
use forecourt_customers::CustomersExt as _;
use forecourt_db::repo::users;
use forecourt_domain::ids::{CustomerId, UserId};
use forecourt_domain::work::ActivityKind;
use forecourt_kernel::app::App;
use forecourt_kernel::approvals::NewApproval;
use forecourt_kernel::auth::{Actor, user_actor};
use forecourt_kernel::error::CoreResult;
use forecourt_work::WorkExt as _;
use forecourt_work::{ActivityQuery, NewActivity};
use serde_json::json;

fn activity(kind: ActivityKind, subject: &str, customer: Option<CustomerId>) -> NewActivity {
    NewActivity {
        kind,
        subject: subject.into(),
        notes: None,
        customer_id: customer,
        ref_type: None,
        ref_id: None,
        owner_id: None,
        participant_ids: vec![],
        starts_at: None,
        ends_at: None,
        due_at: None,
        remind_minutes_before: Some(30),
        customer_reminder_channel: None,
        cancel_needs_approval: false,
        allow_overlap: true,
    }
}

/// Whether anything was created.
pub(super) async fn load(app: &App, system: &Actor, prefix: &str) -> CoreResult<bool> {
    let Some(user) =
        users::find_by_username_for_login(app.db().conn(), &format!("{prefix}-consultant")).await?
    else {
        return Ok(false);
    };
    let consultant = user_actor(app.db().conn(), &user).await?;
    let existing = app
        .work()
        .list_activities(
            system,
            ActivityQuery {
                owner_id: Some(UserId::from_uuid(user.id)),
                limit: Some(1),
                ..ActivityQuery::default()
            },
        )
        .await?;
    if !existing.items.is_empty() {
        return Ok(false);
    }
    let customers = app
        .customers()
        .list_customers(
            system,
            CustomerQuery {
                owner_id: Some(UserId::from_uuid(user.id)),
                limit: Some(3),
                ..CustomerQuery::default()
            },
        )
        .await?
        .items;
    let customer = |i: usize| customers.get(i).map(|c| c.id);
    let now = app.now();
    let tz = system.time_zone();
    let today_end = tz.start_of_day(tz.local_date(now) + Duration::days(1)) - Duration::minutes(30);
    let mut plans = Vec::new();
    let mut overdue = activity(ActivityKind::Call, "回访：确认购车预算", customer(0));
    overdue.due_at = Some(now - Duration::hours(3));
    overdue.cancel_needs_approval = true;
    plans.push(overdue);
    let mut today = activity(ActivityKind::Call, "电话邀约周末试驾", customer(1));
    today.due_at = Some(today_end.max(now + Duration::minutes(30)));
    plans.push(today);
    let mut task = activity(ActivityKind::Task, "整理本周报价单", None);
    task.due_at = Some(today_end.max(now + Duration::hours(1)));
    plans.push(task);
    let mut drive = activity(ActivityKind::TestDrive, "试驾 途观L 330TSI", customer(0));
    drive.starts_at = Some(now + Duration::days(1));
    drive.ends_at = Some(now + Duration::days(1) + Duration::hours(1));
    plans.push(drive);
    let mut visit = activity(ActivityKind::Appointment, "到店洽谈置换方案", customer(2));
    visit.starts_at = Some(now + Duration::days(3));
    visit.ends_at = Some(now + Duration::days(3) + Duration::minutes(90));
    plans.push(visit);
    for plan in plans {
        app.work().create_activity(&consultant, plan).await?;
    }
    app.create_approval(
        &consultant,
        NewApproval {
            kind: "discount".into(),
            title: "途观L 额外优惠 5,000 元".into(),
            ref_type: None,
            ref_id: None,
            payload: Some(json!({"amount_fen": 500_000, "reason": "老客户置换"})),
        },
    )
    .await?;
    app.work().scan_overdue_activities().await?;
    Ok(true)
}
