//! The permission matrix's rows for complaints (投诉) and the care settings, and the record
//! they act on: a complaint of the fixture customer, assigned to the fixture consultant.

use super::{Allowed, Case, VersionFrom, case};
use axum::http::{Method, StatusCode};
use forecourt_care::CareExt as _;
use forecourt_domain::role::BuiltinRole;
use forecourt_domain::role::BuiltinRole::*;
use serde_json::json;

/// `complaint:read`: everyone at a counter, the managers and the call centre.
const READERS: &[BuiltinRole] = &[
    Admin,
    SalesManager,
    ServiceManager,
    SalesConsultant,
    ServiceAdvisor,
    SalesAssistant,
    RenewalAgent,
];
/// `complaint:enter`: the same people.
const ENTERERS: &[BuiltinRole] = READERS;
/// `complaint:verify`: managers and the call centre.
const VERIFIERS: &[BuiltinRole] = &[Admin, SalesManager, ServiceManager, RenewalAgent];
/// `complaint:assign`.
const ASSIGNERS: &[BuiltinRole] = &[Admin, SalesManager, ServiceManager];
/// Holding `complaint:read` or `complaint:handle` at `own`, without handling or having entered
/// the fixture complaint: 404.
const NOT_THEIRS: &[BuiltinRole] = &[ServiceAdvisor, SalesAssistant];
/// Those who reach the fixture complaint to read it.
const ITS_READERS: &[BuiltinRole] = &[
    Admin,
    SalesManager,
    ServiceManager,
    SalesConsultant,
    RenewalAgent,
];
/// Those who reach the fixture complaint to work it (the consultant handles it).
const ITS_HANDLERS: &[BuiltinRole] = &[Admin, SalesManager, ServiceManager, SalesConsultant];

/// Enters the fixture complaint, assigned to the consultant; returns its id.
pub async fn records(
    app: &forecourt_kernel::App,
    system: &forecourt_kernel::auth::Actor,
    customer_id: &str,
    consultant_id: &str,
) -> String {
    let detail = app
        .care()
        .enter_complaint(
            system,
            serde_json::from_value(json!({
                "source": "phone", "category": "sales_process", "severity": "medium",
                "customer_id": customer_id, "summary": "交车时间一再推迟",
                "details": "客户来电：合同约定的交车日期已过两周。", "handler_id": consultant_id,
            }))
            .unwrap(),
        )
        .await
        .unwrap();
    detail.complaint.id.to_string()
}

fn step(
    name: &'static str,
    path: &'static str,
    allowed: &'static [BuiltinRole],
    ok: StatusCode,
    body: fn(u32) -> serde_json::Value,
    out_of_scope: &'static [BuiltinRole],
) -> Case {
    Case {
        body: Some(body),
        version: VersionFrom::AdminGetAt("/api/v1/complaints/{complaint}", "/complaint/version"),
        watch: Some("/api/v1/complaints/{complaint}"),
        out_of_scope,
        ..case(name, Method::POST, path, Allowed::Only(allowed), ok, true)
    }
}

pub(super) fn cases() -> Vec<Case> {
    use Allowed::*;
    vec![
        case(
            "list complaints",
            Method::GET,
            "/api/v1/complaints?open=true",
            Only(READERS),
            StatusCode::OK,
            false,
        ),
        case(
            "complaint SLA board",
            Method::GET,
            "/api/v1/complaints/board",
            Only(READERS),
            StatusCode::OK,
            false,
        ),
        Case {
            out_of_scope: NOT_THEIRS,
            ..case(
                "get a complaint",
                Method::GET,
                "/api/v1/complaints/{complaint}",
                Only(ITS_READERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(|n| {
                json!({"source": "walk_in", "category": "waiting_time", "severity": "low",
                    "customer_id": "{customer}", "summary": format!("等待太久 {n}"),
                    "details": "保养等了三个小时。"})
            }),
            ..case(
                "enter a complaint",
                Method::POST,
                "/api/v1/complaints",
                Only(ENTERERS),
                StatusCode::CREATED,
                false,
            )
        },
        step(
            "assign a complaint",
            "/api/v1/complaints/{complaint}/assign",
            ASSIGNERS,
            StatusCode::OK,
            |_| json!({"handler_id": "{consultant}"}),
            &[],
        ),
        // Without notes: 422 for those who may answer (permission and scope come first).
        step(
            "answer a complaint",
            "/api/v1/complaints/{complaint}/respond",
            ITS_HANDLERS,
            StatusCode::UNPROCESSABLE_ENTITY,
            |_| json!({}),
            &[ServiceAdvisor],
        ),
        step(
            "log a complaint action",
            "/api/v1/complaints/{complaint}/actions",
            ITS_HANDLERS,
            StatusCode::OK,
            |n| json!({"notes": format!("致电客户 {n}")}),
            &[ServiceAdvisor],
        ),
        step(
            "wait for the customer",
            "/api/v1/complaints/{complaint}/wait",
            ITS_HANDLERS,
            StatusCode::UNPROCESSABLE_ENTITY,
            |_| json!({"notes": ""}),
            &[ServiceAdvisor],
        ),
        // Not waiting: 409 for those who may resume.
        step(
            "resume a complaint",
            "/api/v1/complaints/{complaint}/resume",
            ITS_HANDLERS,
            StatusCode::CONFLICT,
            |_| json!({}),
            &[ServiceAdvisor],
        ),
        // Not yet answered: 409 for those who may resolve.
        step(
            "resolve a complaint",
            "/api/v1/complaints/{complaint}/resolve",
            ITS_HANDLERS,
            StatusCode::CONFLICT,
            |_| json!({"agreement": "赔偿一次免费保养"}),
            &[ServiceAdvisor],
        ),
        // Not resolved: 409 for those who may verify.
        step(
            "verify a complaint",
            "/api/v1/complaints/{complaint}/verify",
            VERIFIERS,
            StatusCode::CONFLICT,
            |_| json!({"satisfied": true, "notes": "客户满意"}),
            &[],
        ),
        // Not closed: 409 for those who may reopen.
        step(
            "reopen a complaint",
            "/api/v1/complaints/{complaint}/reopen",
            VERIFIERS,
            StatusCode::CONFLICT,
            |_| json!({"notes": "客户再次来电"}),
            &[],
        ),
        case(
            "get care settings",
            Method::GET,
            "/api/v1/care/settings",
            Only(READERS),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|n| json!({"warn_percent": 70 + (n % 20) as i32})),
            version: VersionFrom::AdminGet("/api/v1/care/settings"),
            watch: Some("/api/v1/care/settings"),
            ..case(
                "change care settings",
                Method::PATCH,
                "/api/v1/care/settings",
                Only(&[Admin]),
                StatusCode::OK,
                false,
            )
        },
    ]
}
