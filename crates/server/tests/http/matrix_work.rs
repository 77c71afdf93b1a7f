//! The work engine's rows of the permission matrix, and the records they act on.

use super::matrix::{Allowed, Case, VersionFrom};
use super::support::TestApp;
use axum::http::{Method, StatusCode};
use forecourt_domain::role::BuiltinRole;
use forecourt_domain::role::BuiltinRole::*;
use forecourt_kernel::Actor;
use forecourt_work::WorkExt as _;
use serde_json::{Value, json};

#[derive(Clone, Debug)]
pub struct WorkRecords {
    pub activity_id: String,
    pub activity2_id: String,
    pub approval_id: String,
    pub approval2_id: String,
    pub approval3_id: String,
    pub job_id: String,
    pub message_id: String,
}

pub async fn records(
    t: &TestApp,
    consultant: &Actor,
    system: &Actor,
    customer: forecourt_domain::ids::CustomerId,
) -> WorkRecords {
    use forecourt_domain::work::ActivityKind;
    use forecourt_work::NewActivity;
    let app = &t.app;
    let due = t.clock_now() + chrono::Duration::days(3);
    let task = |subject: &str| NewActivity {
        kind: ActivityKind::Task,
        subject: subject.into(),
        notes: None,
        customer_id: Some(customer),
        ref_type: None,
        ref_id: None,
        owner_id: None,
        participant_ids: vec![],
        starts_at: None,
        ends_at: None,
        due_at: Some(due),
        remind_minutes_before: None,
        customer_reminder_channel: None,
        cancel_needs_approval: false,
        allow_overlap: false,
    };
    let activity = app
        .work()
        .create_activity(consultant, task("回访张伟"))
        .await
        .unwrap();
    let activity2 = app
        .work()
        .create_activity(consultant, task("邀约试驾"))
        .await
        .unwrap();
    let mut approvals = Vec::new();
    for n in 0..3 {
        approvals.push(
            app.create_approval(
                consultant,
                forecourt_kernel::approvals::NewApproval {
                    kind: "discount".into(),
                    title: format!("优惠申请{n}"),
                    ref_type: None,
                    ref_id: None,
                    payload: Some(json!({"amount_fen": 500_000})),
                },
            )
            .await
            .unwrap()
            .id
            .to_string(),
        );
    }
    let tx = app.db().begin().await.unwrap();
    let now = app.now();
    let job = forecourt_kernel::jobs::enqueue(
        &*tx,
        forecourt_kernel::jobs::NewJob::new(Some(system.dealer_id()), "report.daily", json!({}))
            .at(now + chrono::Duration::days(1)),
        now,
    )
    .await
    .unwrap();
    let message = forecourt_kernel::messaging::queue_message(
        &*tx,
        system,
        forecourt_kernel::messaging::OutboundRequest {
            channel: forecourt_domain::work::MessageChannel::Sms,
            customer_id: Some(customer),
            recipient: None,
            template_key: "activity.reminder".into(),
            locale: None,
            vars: serde_json::Map::new(),
            idempotency_key: "matrix".into(),
            reference: None,
        },
        now,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    WorkRecords {
        activity_id: activity.id.to_string(),
        activity2_id: activity2.id.to_string(),
        approval_id: approvals[0].clone(),
        approval2_id: approvals[1].clone(),
        approval3_id: approvals[2].clone(),
        job_id: job.to_string(),
        message_id: message.id.to_string(),
    }
}

/// Roles that work activities and approvals (everyone but the group analyst).
const WORKERS: &[BuiltinRole] = &[
    Admin,
    SalesManager,
    SalesConsultant,
    SalesAssistant,
    ServiceManager,
    ServiceAdvisor,
    RenewalAgent,
    Marketing,
    Finance,
];
/// Who reaches the consultant's activities and requests: dealer-wide roles and the consultant.
const CONSULTANT_REACH: &[BuiltinRole] = &[
    Admin,
    SalesManager,
    SalesConsultant,
    SalesAssistant,
    ServiceManager,
];
/// Roles limited to their own activities (not the consultant's): 404.
const OWN_ONLY: &[BuiltinRole] = &[ServiceAdvisor, RenewalAgent, Marketing, Finance];
const DECIDERS: &[BuiltinRole] = &[Admin, SalesManager, ServiceManager];
const ADMIN: &[BuiltinRole] = &[Admin];
const MESSAGE_READERS: &[BuiltinRole] = &[Admin, Marketing];

pub fn cases() -> Vec<Case> {
    use Allowed::*;
    let case = |name, method, path, allowed, ok, foreign| Case {
        name,
        method,
        path,
        body: None,
        version: VersionFrom::None,
        allowed,
        ok,
        foreign,
        watch: None,
        denied: StatusCode::FORBIDDEN,
        once: false,
        raw: None,
        out_of_scope: &[],
    };
    let body = |f: fn(u32) -> Value| Some(f);
    vec![
        case(
            "list activities",
            Method::GET,
            "/api/v1/activities",
            Only(WORKERS),
            StatusCode::OK,
            false,
        ),
        Case {
            body: body(
                |n| json!({"kind": "task", "subject": format!("矩阵任务{n}"), "due_at": "2026-12-01T02:00:00Z"}),
            ),
            watch: Some("/api/v1/activities?limit=200"),
            ..case(
                "create activity",
                Method::POST,
                "/api/v1/activities",
                Only(WORKERS),
                StatusCode::CREATED,
                false,
            )
        },
        Case {
            out_of_scope: OWN_ONLY,
            ..case(
                "get activity",
                Method::GET,
                "/api/v1/activities/{activity}",
                Only(CONSULTANT_REACH),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: body(|n| json!({"subject": format!("改{n}")})),
            version: VersionFrom::AdminGet("/api/v1/activities/{activity}"),
            watch: Some("/api/v1/activities/{activity}"),
            out_of_scope: OWN_ONLY,
            ..case(
                "update activity",
                Method::PATCH,
                "/api/v1/activities/{activity}",
                Only(CONSULTANT_REACH),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: body(|_| json!({"outcome": "已联系"})),
            version: VersionFrom::AdminGet("/api/v1/activities/{activity}"),
            watch: Some("/api/v1/activities/{activity}"),
            out_of_scope: OWN_ONLY,
            once: true,
            ..case(
                "complete activity",
                Method::POST,
                "/api/v1/activities/{activity}/complete",
                Only(CONSULTANT_REACH),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: body(|_| json!({"reason": "客户改期"})),
            version: VersionFrom::AdminGet("/api/v1/activities/{activity2}"),
            watch: Some("/api/v1/activities/{activity2}"),
            out_of_scope: OWN_ONLY,
            once: true,
            ..case(
                "cancel activity",
                Method::POST,
                "/api/v1/activities/{activity2}/cancel",
                Only(CONSULTANT_REACH),
                StatusCode::OK,
                true,
            )
        },
        case(
            "calendar",
            Method::GET,
            "/api/v1/calendar?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z",
            Only(WORKERS),
            StatusCode::OK,
            false,
        ),
        case(
            "my work",
            Method::GET,
            "/api/v1/my-work",
            Everyone,
            StatusCode::OK,
            false,
        ),
        case(
            "calendar feed status",
            Method::GET,
            "/api/v1/me/calendar-feed",
            Only(WORKERS),
            StatusCode::OK,
            false,
        ),
        case(
            "create calendar feed",
            Method::POST,
            "/api/v1/me/calendar-feed",
            Only(WORKERS),
            StatusCode::CREATED,
            false,
        ),
        case(
            "revoke calendar feed",
            Method::DELETE,
            "/api/v1/me/calendar-feed",
            Only(WORKERS),
            StatusCode::NO_CONTENT,
            false,
        ),
        case(
            "work settings",
            Method::GET,
            "/api/v1/work-settings",
            Everyone,
            StatusCode::OK,
            false,
        ),
        Case {
            body: body(|n| json!({"escalation_minutes": 30 + n % 7})),
            version: VersionFrom::AdminGet("/api/v1/work-settings"),
            watch: Some("/api/v1/work-settings"),
            ..case(
                "update work settings",
                Method::PATCH,
                "/api/v1/work-settings",
                Only(ADMIN),
                StatusCode::OK,
                false,
            )
        },
        case(
            "list approvals",
            Method::GET,
            "/api/v1/approvals",
            Only(WORKERS),
            StatusCode::OK,
            false,
        ),
        Case {
            body: body(
                |n| json!({"kind": "discount", "title": format!("优惠{n}"), "payload": {"amount_fen": 100_000}}),
            ),
            watch: Some("/api/v1/approvals?limit=200"),
            ..case(
                "create approval",
                Method::POST,
                "/api/v1/approvals",
                Only(WORKERS),
                StatusCode::CREATED,
                false,
            )
        },
        Case {
            out_of_scope: OWN_ONLY,
            ..case(
                "get approval",
                Method::GET,
                "/api/v1/approvals/{approval}",
                Only(CONSULTANT_REACH),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: body(|_| json!({"comment": "同意"})),
            version: VersionFrom::AdminGet("/api/v1/approvals/{approval}"),
            watch: Some("/api/v1/approvals/{approval}"),
            out_of_scope: OWN_ONLY,
            once: true,
            ..case(
                "approve approval",
                Method::POST,
                "/api/v1/approvals/{approval}/approve",
                Only(DECIDERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: body(|_| json!({"comment": "折扣过大"})),
            version: VersionFrom::AdminGet("/api/v1/approvals/{approval2}"),
            watch: Some("/api/v1/approvals/{approval2}"),
            out_of_scope: OWN_ONLY,
            once: true,
            ..case(
                "reject approval",
                Method::POST,
                "/api/v1/approvals/{approval2}/reject",
                Only(DECIDERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: body(|_| json!({})),
            version: VersionFrom::AdminGet("/api/v1/approvals/{approval3}"),
            watch: Some("/api/v1/approvals/{approval3}"),
            out_of_scope: &[
                Admin,
                SalesManager,
                SalesAssistant,
                ServiceManager,
                ServiceAdvisor,
                RenewalAgent,
                Marketing,
                Finance,
            ],
            once: true,
            ..case(
                "withdraw approval",
                Method::POST,
                "/api/v1/approvals/{approval3}/withdraw",
                Only(&[SalesConsultant]),
                StatusCode::OK,
                true,
            )
        },
        case(
            "list notifications",
            Method::GET,
            "/api/v1/notifications",
            Everyone,
            StatusCode::OK,
            false,
        ),
        case(
            "unread notifications",
            Method::GET,
            "/api/v1/notifications/unread-count",
            Everyone,
            StatusCode::OK,
            false,
        ),
        Case {
            body: body(|_| json!({})),
            ..case(
                "mark notifications read",
                Method::POST,
                "/api/v1/notifications/read",
                Everyone,
                StatusCode::OK,
                false,
            )
        },
        case(
            "list jobs",
            Method::GET,
            "/api/v1/jobs?status=queued",
            Only(ADMIN),
            StatusCode::OK,
            false,
        ),
        case(
            "get job",
            Method::GET,
            "/api/v1/jobs/{job}",
            Only(ADMIN),
            StatusCode::OK,
            true,
        ),
        Case {
            watch: Some("/api/v1/jobs/{job}"),
            once: true,
            ..case(
                "cancel job",
                Method::POST,
                "/api/v1/jobs/{job}/cancel",
                Only(ADMIN),
                StatusCode::OK,
                true,
            )
        },
        Case {
            // The job was cancelled above: the admin passes the check and meets the rule.
            watch: Some("/api/v1/jobs/{job}"),
            ..case(
                "retry job",
                Method::POST,
                "/api/v1/jobs/{job}/retry",
                Only(ADMIN),
                StatusCode::CONFLICT,
                true,
            )
        },
        case(
            "list messages",
            Method::GET,
            "/api/v1/messages",
            Only(MESSAGE_READERS),
            StatusCode::OK,
            false,
        ),
        case(
            "get message",
            Method::GET,
            "/api/v1/messages/{message}",
            Only(MESSAGE_READERS),
            StatusCode::OK,
            true,
        ),
        case(
            "list message templates",
            Method::GET,
            "/api/v1/message-templates",
            Only(MESSAGE_READERS),
            StatusCode::OK,
            false,
        ),
        Case {
            body: body(
                |n| json!({"key": "activity.reminder", "channel": "sms", "locale": "zh-CN", "body": format!("{{{{customer_name}}}}您好，提醒{n}")}),
            ),
            version: VersionFrom::OwnGet("/api/v1/message-templates", "/3/version"),
            watch: Some("/api/v1/message-templates"),
            ..case(
                "update message template",
                Method::PUT,
                "/api/v1/message-templates",
                Only(MESSAGE_READERS),
                StatusCode::OK,
                false,
            )
        },
    ]
}
