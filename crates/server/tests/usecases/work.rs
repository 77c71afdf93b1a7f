//! Activities, alarms with escalation, approvals and the outbox, with a controllable clock and
//! a real SMTP server on loopback.

use super::work_support::{ProviderSink, SmtpSink, work};
use chrono::Duration;
use forecourt_customers::CustomersExt as _;
use forecourt_customers::{ConsentChannel, ConsentInput, CustomerKind, NewCustomer, PhoneInput};
use forecourt_db::db_test;
use forecourt_domain::work::{ActivityKind, MessageChannel};
use forecourt_kernel::approvals::{ApprovalBox, ApprovalQuery, Decision, NewApproval};
use forecourt_kernel::jobs::{JobRegistry, JobRunner, RunnerOptions};
use forecourt_kernel::notifications::NotificationQuery;
use forecourt_work::WorkExt as _;
use forecourt_work::{
    ActivityDraft, CancelActivity, CompleteActivity, NewActivity, create_activity_in,
};
use serde_json::json;

fn task(subject: &str, due_in_minutes: i64, now: chrono::DateTime<chrono::Utc>) -> NewActivity {
    NewActivity {
        kind: ActivityKind::Task,
        subject: subject.into(),
        notes: None,
        customer_id: None,
        ref_type: None,
        ref_id: None,
        owner_id: None,
        participant_ids: vec![],
        starts_at: None,
        ends_at: None,
        due_at: Some(now + Duration::minutes(due_in_minutes)),
        remind_minutes_before: None,
        customer_reminder_channel: None,
        cancel_needs_approval: false,
        allow_overlap: false,
    }
}

async fn kinds(w: &super::work_support::Work, actor: &forecourt_kernel::Actor) -> Vec<String> {
    w.app
        .list_notifications(actor, NotificationQuery::default())
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|n| n.kind)
        .collect()
}

db_test!(async fn an_overdue_task_alarms_its_owner_then_escalates_to_the_manager(test_db) {
    let w = work(test_db, Default::default()).await;
    let now = w.app.now();
    let created = w.app.work().create_activity(&w.consultant, task("回访张伟", 30, now)).await.unwrap();
    assert!(!created.overdue);
    assert_eq!(w.app.work().scan_overdue_activities().await.unwrap(), 0);

    w.clock.advance(Duration::minutes(31));
    let view = w.app.work().get_activity(&w.consultant, created.id).await.unwrap();
    assert!(view.overdue, "a planned task past its due time is overdue");
    let mine = w.app.work().my_work(&w.consultant).await.unwrap();
    assert_eq!(mine.overdue.len(), 1);
    assert_eq!(w.app.work().scan_overdue_activities().await.unwrap(), 1);
    assert_eq!(kinds(&w, &w.consultant).await, ["activity.overdue"]);
    assert!(kinds(&w, &w.manager).await.is_empty(), "not before the escalation delay");
    // Each alarm once.
    assert_eq!(w.app.work().scan_overdue_activities().await.unwrap(), 0);

    w.clock.advance(Duration::minutes(60));
    assert_eq!(w.app.work().scan_overdue_activities().await.unwrap(), 1);
    assert_eq!(kinds(&w, &w.manager).await, ["activity.escalated"]);
    assert_eq!(kinds(&w, &w.consultant).await.len(), 1);
    assert_eq!(w.app.work().scan_overdue_activities().await.unwrap(), 0);

    // Through the job runner too (the schedule the server ensures).
    w.app.ensure_schedules().await.unwrap();
    let runner = JobRunner::new(w.app.clone(), JobRegistry::builtin(), RunnerOptions::default());
    w.clock.advance(Duration::minutes(2));
    runner.run_due_once().await.unwrap();
    assert_eq!(w.app.unread_notifications(&w.manager).await.unwrap().unread, 1);
});

db_test!(async fn a_pushed_task_is_cancelled_only_by_approval_and_locked_tasks_by_their_module(test_db) {
    let w = work(test_db, Default::default()).await;
    let now = w.app.now();
    let mut pushed = task("按级别回访", 60, now);
    pushed.cancel_needs_approval = true;
    let created = w.app.work().create_activity(&w.consultant, pushed).await.unwrap();
    let asked = w
        .app
        .work().cancel_activity(&w.consultant, created.id, CancelActivity { version: created.version, reason: Some("客户已购车".into()) })
        .await
        .unwrap();
    assert_eq!(asked.status.as_str(), "planned", "it stays due until approved");
    let approval = asked.pending_approval_id.expect("an approval was asked for");
    let waiting = w
        .app
        .list_approvals(&w.manager, ApprovalQuery { r#box: Some(ApprovalBox::Waiting), ..Default::default() })
        .await
        .unwrap();
    assert_eq!(waiting.items.len(), 1);
    assert!(waiting.items[0].can_decide);
    assert_eq!(kinds(&w, &w.manager).await, ["approval.requested"]);
    // The requester cannot decide their own request.
    assert!(w.app.approve_approval(&w.consultant, approval, Decision { version: 1, comment: None }).await.is_err());
    // Rejecting needs a comment.
    let err = w.app.reject_approval(&w.manager, approval, Decision { version: 1, comment: None }).await.unwrap_err();
    assert_eq!(err.field_errors()[0].field, "comment");
    let decided = w.app.approve_approval(&w.manager, approval, Decision { version: 1, comment: Some("同意".into()) }).await.unwrap();
    assert_eq!(decided.status.as_str(), "approved");
    assert_eq!(w.app.work().get_activity(&w.consultant, created.id).await.unwrap().status.as_str(), "cancelled");
    assert_eq!(kinds(&w, &w.consultant).await, ["approval.approved"]);
    let again = w.app.approve_approval(&w.manager, approval, Decision { version: 2, comment: None }).await.unwrap_err();
    assert_eq!(again.code().as_str(), "invalid_state");

    // A module's locked task: generic completion is refused, the module closes it.
    let tx = w.app.db().begin().await.unwrap();
    let mut draft = ActivityDraft::task("H级线索回访", w.consultant.user_id(), now + Duration::days(2));
    draft.completion_locked = true;
    draft.reference = Some(("lead".into(), uuid::Uuid::now_v7()));
    let locked = create_activity_in(&*tx, &w.consultant, draft, now).await.unwrap();
    tx.commit().await.unwrap();
    let id = forecourt_domain::ids::ActivityId::from_uuid(locked.id);
    let err = w.app.work().complete_activity(&w.consultant, id, CompleteActivity { version: 1, outcome: None }).await.unwrap_err();
    assert_eq!(err.code().as_str(), "invalid_state");
    let tx = w.app.db().begin().await.unwrap();
    forecourt_work::close_activity_in(&*tx, &w.consultant, id, Some("已回访".into()), now).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(w.app.work().get_activity(&w.consultant, id).await.unwrap().status.as_str(), "done");
});

db_test!(async fn overlapping_times_warn_with_the_conflict(test_db) {
    let w = work(test_db, Default::default()).await;
    let start = w.app.now() + Duration::hours(2);
    let visit = |subject: &str, offset: i64, allow: bool| NewActivity {
        kind: ActivityKind::Appointment,
        starts_at: Some(start + Duration::minutes(offset)),
        ends_at: Some(start + Duration::minutes(offset + 60)),
        due_at: None,
        allow_overlap: allow,
        ..task(subject, 0, start)
    };
    let first = w.app.work().create_activity(&w.consultant, visit("试驾 途观L", 0, false)).await.unwrap();
    let err = w.app.work().create_activity(&w.consultant, visit("到店洽谈", 30, false)).await.unwrap_err();
    assert_eq!(err.code().as_str(), "schedule_conflict");
    let second = w.app.work().create_activity(&w.consultant, visit("到店洽谈", 30, true)).await.unwrap();
    let calendar = w
        .app
        .work().calendar(&w.consultant, forecourt_work::CalendarQuery { from: start - Duration::hours(1), to: start + Duration::hours(5), user_id: None, team_id: None })
        .await
        .unwrap();
    assert_eq!(calendar.items.len(), 2);
    assert_eq!(calendar.conflicts.len(), 1);
    assert!(calendar.conflicts[0].activity_ids.contains(&first.id) && calendar.conflicts[0].activity_ids.contains(&second.id));

    // The feed: shown once, valid iCalendar, revocable.
    let feed = w.app.work().create_calendar_feed(&w.consultant).await.unwrap();
    let ics = w.app.work().calendar_feed_ics(&feed.token).await.unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.matches("BEGIN:VEVENT").count() == 2, "{ics}");
    w.app.work().revoke_calendar_feed(&w.consultant).await.unwrap();
    assert!(w.app.work().calendar_feed_ics(&feed.token).await.is_err());
});

async fn customer(
    w: &super::work_support::Work,
    email_consent: bool,
    phone: &str,
) -> forecourt_domain::ids::CustomerId {
    customer_consenting(w, ConsentChannel::Email, email_consent, phone).await
}

/// 王芳, with an e-mail address and a mobile, and a yes or no for one channel.
async fn customer_consenting(
    w: &super::work_support::Work,
    channel: ConsentChannel,
    granted: bool,
    phone: &str,
) -> forecourt_domain::ids::CustomerId {
    w.app
        .customers()
        .create_customer(
            &w.consultant,
            NewCustomer {
                kind: CustomerKind::Person,
                name: "王芳".into(),
                gender: None,
                birthday: None,
                phones: vec![PhoneInput {
                    number: phone.into(),
                    label: forecourt_customers::PhoneLabel::Mobile,
                }],
                wechat_id: None,
                email: Some("wangfang@example.cn".into()),
                address: Default::default(),
                id_number: None,
                occupation: None,
                notes: None,
                tags: vec![],
                source: None,
                owner_id: None,
                companions: vec![],
                consents: vec![ConsentInput {
                    channel,
                    granted,
                    method: forecourt_customers::ConsentMethod::WrittenForm,
                    note: None,
                }],
                vehicles: vec![],
                allow_duplicate: true,
            },
        )
        .await
        .unwrap()
        .id
}

fn appointment(
    customer: forecourt_domain::ids::CustomerId,
    start: chrono::DateTime<chrono::Utc>,
) -> NewActivity {
    NewActivity {
        kind: ActivityKind::Appointment,
        customer_id: Some(customer),
        starts_at: Some(start),
        ends_at: Some(start + Duration::hours(1)),
        due_at: None,
        remind_minutes_before: Some(60),
        customer_reminder_channel: Some(MessageChannel::Email),
        allow_overlap: true,
        ..task("保养预约", 0, start)
    }
}

db_test!(async fn an_email_reminder_reaches_smtp_once_even_across_a_restart(test_db) {
    let sink = SmtpSink::start().await;
    let w = work(test_db, sink.settings()).await;
    let who = customer(&w, true, "13700001111").await;
    let start = w.app.now() + Duration::hours(3);
    let created = w.app.work().create_activity(&w.consultant, appointment(who, start)).await.unwrap();
    let runner = JobRunner::new(w.app.clone(), JobRegistry::builtin(), RunnerOptions { lease: Duration::seconds(30), ..RunnerOptions::default() });
    runner.run_due_once().await.unwrap();
    assert!(sink.received().is_empty(), "not before the reminder time");

    // Rescheduling moves the reminder.
    let moved = w
        .app
        .work().update_activity(&w.consultant, created.id, forecourt_work::ActivityPatch {
            version: created.version,
            starts_at: Some(start + Duration::hours(1)),
            ends_at: Some(start + Duration::hours(2)),
            allow_overlap: true,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(moved.starts_at, Some(start + Duration::hours(1)));
    w.clock.advance(Duration::hours(2) + Duration::minutes(1));
    runner.run_due_once().await.unwrap();
    assert!(sink.received().is_empty(), "the old reminder time no longer fires");

    // The reminder job queues the message; its delivery job sends it.
    w.clock.advance(Duration::hours(1));
    runner.run_due_once().await.unwrap();
    assert_eq!(sink.received().len(), 1);
    assert!(sink.received()[0].contains("Message-ID: <"), "{}", sink.received()[0]);
    assert_eq!(kinds(&w, &w.consultant).await, ["activity.reminder"]);

    // A worker that sent a message and died before marking its job done: the job runs again
    // once its lease expires, finds the message sent, and sends nothing.
    let second = w.app.work().create_activity(&w.consultant, appointment(who, w.app.now() + Duration::hours(2))).await.unwrap();
    w.clock.advance(Duration::hours(1) + Duration::minutes(1));
    // The reminder itself (queues the message and its delivery job).
    let leased = runner.lease_due().await.unwrap();
    assert_eq!(leased.len(), 1);
    for job in leased {
        runner.run_leased(job).await.unwrap();
    }
    // The delivery: sent, then the worker "dies" — its job is left running, never completed.
    let crashed = JobRunner::new(w.app.clone(), JobRegistry::builtin(), RunnerOptions { owner: "crashed".into(), lease: Duration::seconds(30), ..RunnerOptions::default() });
    let leased = crashed.lease_due().await.unwrap();
    assert_eq!(leased.len(), 1);
    let job = leased.into_iter().next().unwrap();
    let handler = JobRegistry::builtin().get(&job.kind).unwrap();
    handler(forecourt_kernel::jobs::JobContext { app: w.app.clone(), job: job.clone() }).await.unwrap();
    drop(crashed);
    assert_eq!(sink.received().len(), 2);
    // Before the lease expires nobody takes it; after, another worker does, and sends nothing.
    runner.run_due_once().await.unwrap();
    w.clock.advance(Duration::seconds(31));
    let report = runner.run_due_once().await.unwrap();
    assert_eq!(report.done, 1, "{report:?}");
    assert_eq!(sink.received().len(), 2, "exactly one e-mail per reminder");
    let _ = second;

    let messages = w.app.list_messages(&w.system, Default::default()).await.unwrap();
    assert_eq!(messages.items.len(), 2);
    assert!(messages.items.iter().all(|m| m.status.as_str() == "sent"));
    let one = w.app.get_message(&w.system, messages.items[0].id).await.unwrap();
    assert_eq!(one.deliveries.len(), 1);
    assert_eq!(one.deliveries[0].result, "accepted");
});

db_test!(async fn an_sms_reminder_survives_a_provider_outage_and_reaches_it_under_one_key(test_db) {
    // The provider is down for the first attempt, then accepts.
    let provider = ProviderSink::start(1).await;
    let w = work(test_db, provider.sms_settings()).await;
    let who = customer_consenting(&w, ConsentChannel::Sms, true, "13700005555").await;
    let start = w.app.now() + Duration::hours(2);
    w.app
        .work().create_activity(&w.consultant, NewActivity {
            customer_reminder_channel: Some(MessageChannel::Sms),
            ..appointment(who, start)
        })
        .await
        .unwrap();
    let runner = JobRunner::new(w.app.clone(), JobRegistry::builtin(), RunnerOptions::default());
    w.clock.advance(Duration::minutes(61));
    // The reminder queues the message; its delivery meets the outage.
    runner.run_due_once().await.unwrap();
    runner.run_due_once().await.unwrap();
    assert_eq!(provider.received().len(), 1);
    let messages = w.app.list_messages(&w.system, Default::default()).await.unwrap();
    assert_eq!(messages.items.len(), 1);
    assert_eq!(messages.items[0].status.as_str(), "failed");

    // After the backoff the delivery job runs again and the provider accepts.
    w.clock.advance(Duration::minutes(30));
    runner.run_due_once().await.unwrap();
    let requests = provider.received();
    assert_eq!(requests.len(), 2);
    let message = w.app.get_message(&w.system, messages.items[0].id).await.unwrap();
    assert_eq!(message.status.as_str(), "sent");
    // Both attempts carry the message's id as the key the provider deduplicates by.
    let key = message.id.to_string();
    assert!(requests.iter().all(|r| r.idempotency_key.as_deref() == Some(key.as_str())), "{requests:?}");
    assert!(requests.iter().all(|r| r.authorization.as_deref() == Some("Bearer provider-token-1")));
    let body = &requests[1].body;
    assert_eq!(body["channel"], "sms");
    assert_eq!(body["to"], "13700005555");
    assert_eq!(body["id"], json!(key));
    assert!(body["text"].as_str().is_some_and(|t| !t.is_empty()), "{body}");
    // The provider's own id is kept, and the delivery log shows the failure then the acceptance.
    assert_eq!(message.provider_message_id.as_deref(), Some("prov-0"));
    assert_eq!(message.deliveries.len(), 2, "{:?}", message.deliveries);
    let results: Vec<&str> = message.deliveries.iter().map(|d| d.result.as_str()).collect();
    assert!(results.contains(&"failed") && results.contains(&"accepted"), "{results:?}");

    // Nothing further goes out.
    w.clock.advance(Duration::hours(2));
    runner.run_due_once().await.unwrap();
    assert_eq!(provider.received().len(), 2);
});

db_test!(async fn housekeeping_drops_old_notifications_then_ended_messages(test_db) {
    let sink = SmtpSink::start().await;
    let w = work(test_db, sink.settings()).await;
    let consenting = customer(&w, true, "13700006666").await;
    let refused = customer(&w, false, "13700007777").await;
    let start = w.app.now() + Duration::hours(2);
    w.app.work().create_activity(&w.consultant, appointment(consenting, start)).await.unwrap();
    w.app.work().create_activity(&w.consultant, appointment(refused, start)).await.unwrap();
    let runner = JobRunner::new(w.app.clone(), JobRegistry::builtin(), RunnerOptions::default());
    w.clock.advance(Duration::minutes(61));
    runner.run_due_once().await.unwrap();
    runner.run_due_once().await.unwrap();
    let statuses = |items: Vec<forecourt_kernel::messaging::MessageView>| {
        let mut s: Vec<String> = items.into_iter().map(|m| m.status.as_str().to_owned()).collect();
        s.sort();
        s
    };
    let messages = w.app.list_messages(&w.system, Default::default()).await.unwrap();
    assert_eq!(statuses(messages.items), ["sent", "suppressed"]);
    assert_eq!(kinds(&w, &w.consultant).await.len(), 2, "a reminder per appointment");

    // Nothing is young enough to go yet.
    let purged = w.app.purge_expired_messages().await.unwrap();
    assert_eq!((purged.notifications, purged.messages), (0, 0));

    // After half a year the notifications go; the messages stay as the record of what was sent.
    w.clock.advance(Duration::days(forecourt_kernel::retention::NOTIFICATION_DAYS) + Duration::hours(1));
    let purged = w.app.purge_expired_messages().await.unwrap();
    assert_eq!((purged.notifications, purged.messages), (2, 0));
    assert!(kinds(&w, &w.consultant).await.is_empty());
    assert_eq!(w.app.list_messages(&w.system, Default::default()).await.unwrap().items.len(), 2);

    // After the message retention they go too, with their delivery log.
    w.clock.advance(Duration::days(forecourt_kernel::retention::MESSAGE_DAYS - forecourt_kernel::retention::NOTIFICATION_DAYS));
    let purged = w.app.purge_expired_messages().await.unwrap();
    assert_eq!((purged.notifications, purged.messages), (0, 2));
    assert!(w.app.list_messages(&w.system, Default::default()).await.unwrap().items.is_empty());
});

db_test!(async fn nothing_goes_to_a_customer_without_consent(test_db) {
    let sink = SmtpSink::start().await;
    let w = work(test_db, sink.settings()).await;
    let refused = customer(&w, false, "13700002222").await;
    let consenting = customer(&w, true, "13700003333").await;
    let start = w.app.now() + Duration::hours(2);
    w.app.work().create_activity(&w.consultant, appointment(refused, start)).await.unwrap();
    let later = w.app.work().create_activity(&w.consultant, appointment(consenting, start)).await.unwrap();
    // The consenting customer withdraws consent after the message is queued.
    let runner = JobRunner::new(w.app.clone(), JobRegistry::builtin(), RunnerOptions::default());
    w.clock.advance(Duration::minutes(61));
    let leased = runner.lease_due().await.unwrap();
    assert_eq!(leased.len(), 2, "the two reminders");
    for job in leased {
        runner.run_leased(job).await.unwrap();
    }
    let customer = w.app.customers().get_customer(&w.consultant, consenting).await.unwrap();
    w.app
        .customers().record_consent(&w.consultant, consenting, forecourt_customers::ConsentChange {
            version: customer.version,
            consent: ConsentInput { channel: ConsentChannel::Email, granted: false, method: forecourt_customers::ConsentMethod::Verbal, note: None },
        })
        .await
        .unwrap();
    runner.run_due_once().await.unwrap();
    assert!(sink.received().is_empty(), "nothing was sent");
    let messages = w.app.list_messages(&w.system, Default::default()).await.unwrap();
    assert_eq!(messages.items.len(), 2);
    assert!(messages.items.iter().all(|m| m.status.as_str() == "suppressed"), "{:?}", messages.items);
    let _ = (later, json!({}));
});

db_test!(async fn generic_approvals_are_requested_decided_and_notified(test_db) {
    let w = work(test_db, Default::default()).await;
    let who = customer(&w, true, "13700004444").await;
    let request = w
        .app
        .create_approval(&w.consultant, NewApproval {
            kind: "customer.reassign".into(),
            title: "王芳转给经理".into(),
            ref_type: Some("customer".into()),
            ref_id: Some(who.uuid()),
            payload: Some(json!({"owner_id": w.manager.user_id()})),
        })
        .await
        .unwrap();
    assert_eq!(request.status.as_str(), "pending");
    let mine = w.app.list_approvals(&w.consultant, ApprovalQuery { r#box: Some(ApprovalBox::Mine), ..Default::default() }).await.unwrap();
    assert_eq!(mine.items.len(), 1);
    let rejected = w
        .app
        .reject_approval(&w.manager, request.id, Decision { version: request.version, comment: Some("先跟进一周".into()) })
        .await
        .unwrap();
    assert_eq!(rejected.comment.as_deref(), Some("先跟进一周"));
    assert_eq!(kinds(&w, &w.consultant).await, ["approval.rejected"]);
    let again = w
        .app
        .create_approval(&w.consultant, NewApproval {
            kind: "customer.reassign".into(),
            title: "王芳转给经理".into(),
            ref_type: Some("customer".into()),
            ref_id: Some(who.uuid()),
            payload: Some(json!({"owner_id": w.manager.user_id()})),
        })
        .await
        .unwrap();
    w.app.approve_approval(&w.manager, again.id, Decision { version: again.version, comment: None }).await.unwrap();
    let moved = w.app.customers().get_customer(&w.manager, who).await.unwrap();
    assert_eq!(moved.owner.map(|o| o.id), Some(w.manager.user_id()));
    // An unknown type is refused, naming the field.
    let err = w
        .app
        .create_approval(&w.consultant, NewApproval { kind: "activity.cancel".into(), title: "x".into(), ref_type: None, ref_id: None, payload: None })
        .await
        .unwrap_err();
    assert_eq!(err.field_errors()[0].field, "kind");
});
