//! The permission matrix's rows for sales: leads, receptions, opportunities and the
//! pipeline, test drives, sales settings and the sales report.

use super::{
    ADMIN, Allowed, Case, FLEET_KEEPERS, LEAD_ASSIGNERS, LEAD_CREATORS, LEAD_READERS, LEAD_WORKERS,
    OPPORTUNITY_READERS, OPPORTUNITY_WORKERS, RECEPTIONISTS, REPORT_READERS, SALES_CONFIGURERS,
    TEST_DRIVE_BOOKERS, TEST_DRIVE_READERS, VersionFrom, case,
};
use axum::http::{Method, StatusCode};
use serde_json::json;

pub(super) fn cases() -> Vec<Case> {
    use Allowed::*;
    vec![
        // Sales.
        case(
            "list leads",
            Method::GET,
            "/api/v1/leads",
            Only(LEAD_READERS),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(
                |n| json!({"customer": {"name": "新线索", "phones": [{"number": format!("1378{n:07}")}]}, "source": "phone"}),
            ),
            ..case(
                "create lead",
                Method::POST,
                "/api/v1/leads",
                Only(RECEPTIONISTS),
                StatusCode::CREATED,
                false,
            )
        },
        case(
            "lead board",
            Method::GET,
            "/api/v1/leads/board",
            Only(LEAD_READERS),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|_| json!({"ids": ["{lead}"], "owner_id": "{consultant}"})),
            ..case(
                "bulk-assign leads",
                Method::POST,
                "/api/v1/leads/bulk-assign",
                Only(LEAD_ASSIGNERS),
                StatusCode::OK,
                false,
            )
        },
        case(
            "get lead",
            Method::GET,
            "/api/v1/leads/{lead}",
            Only(LEAD_READERS),
            StatusCode::OK,
            true,
        ),
        Case {
            body: Some(|n| json!({"notes": format!("matrix {n}")})),
            version: VersionFrom::AdminGetAt("/api/v1/leads/{lead}", "/lead/version"),
            watch: Some("/api/v1/leads/{lead}"),
            ..case(
                "update lead",
                Method::PATCH,
                "/api/v1/leads/{lead}",
                Only(LEAD_WORKERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(
                |n| json!({"channel": "phone", "summary": format!("第{n}次回访"), "grade": "A"}),
            ),
            version: VersionFrom::AdminGetAt("/api/v1/leads/{lead}", "/lead/version"),
            watch: Some("/api/v1/leads/{lead}"),
            ..case(
                "log follow-up",
                Method::POST,
                "/api/v1/leads/{lead}/follow-ups",
                Only(LEAD_WORKERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(|_| json!({"owner_id": "{consultant}"})),
            version: VersionFrom::AdminGetAt("/api/v1/leads/{lead}", "/lead/version"),
            watch: Some("/api/v1/leads/{lead}"),
            ..case(
                "assign lead",
                Method::POST,
                "/api/v1/leads/{lead}/assign",
                Only(LEAD_ASSIGNERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(|_| json!({"amount_fen": 15_000_000})),
            watch: Some("/api/v1/leads/{fresh_lead}"),
            once: true,
            ..case(
                "open opportunity",
                Method::POST,
                "/api/v1/leads/{fresh_lead}/opportunity",
                Only(OPPORTUNITY_WORKERS),
                StatusCode::CREATED,
                true,
            )
        },
        Case {
            body: Some(|_| json!({"reason": "bought_competitor", "competitor_brand": "丰田"})),
            version: VersionFrom::AdminGetAt("/api/v1/leads/{fresh_lead}", "/lead/version"),
            watch: Some("/api/v1/leads/{fresh_lead}"),
            once: true,
            ..case(
                "mark lead lost",
                Method::POST,
                "/api/v1/leads/{fresh_lead}/lost",
                Only(LEAD_WORKERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(|_| json!({"approve": false})),
            version: VersionFrom::AdminGetAt("/api/v1/leads/{pending_lead}", "/lead/version"),
            watch: Some("/api/v1/leads/{pending_lead}"),
            once: true,
            ..case(
                "decide a loss",
                Method::POST,
                "/api/v1/leads/{pending_lead}/lost-decision",
                Only(LEAD_ASSIGNERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(|_| json!({"grade": "B"})),
            version: VersionFrom::AdminGetAt("/api/v1/leads/{lost_lead}", "/lead/version"),
            watch: Some("/api/v1/leads/{lost_lead}"),
            once: true,
            ..case(
                "reopen lead",
                Method::POST,
                "/api/v1/leads/{lost_lead}/reopen",
                Only(LEAD_WORKERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(|_| json!({"name": "孙悟空", "phone": "13700001234"})),
            // Without an Idempotency-Key: the admin passes the permission check and is told
            // the key is missing.
            ..case(
                "lead intake",
                Method::POST,
                "/api/v1/lead-intake",
                Only(ADMIN),
                StatusCode::UNPROCESSABLE_ENTITY,
                false,
            )
        },
        case(
            "list receptions",
            Method::GET,
            "/api/v1/receptions",
            Only(LEAD_READERS),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(
                |n| json!({"customer": {"name": "到店客户", "phones": [{"number": format!("1377{n:07}")}]}, "consultant_id": "{consultant}", "grade": "B", "models": [{"text": "途观L"}]}),
            ),
            ..case(
                "register reception",
                Method::POST,
                "/api/v1/receptions",
                Only(RECEPTIONISTS),
                StatusCode::CREATED,
                false,
            )
        },
        Case {
            body: Some(
                |n| json!({"rows": [{"customer_id": "{customer}", "consultant_id": "{consultant}", "grade": "B", "models": [{"text": format!("途观L {n}")}]}]}),
            ),
            ..case(
                "register receptions in bulk",
                Method::POST,
                "/api/v1/receptions/bulk",
                Only(LEAD_CREATORS),
                StatusCode::OK,
                false,
            )
        },
        case(
            "list opportunities",
            Method::GET,
            "/api/v1/opportunities",
            Only(OPPORTUNITY_READERS),
            StatusCode::OK,
            false,
        ),
        case(
            "pipeline board",
            Method::GET,
            "/api/v1/opportunities/board",
            Only(OPPORTUNITY_READERS),
            StatusCode::OK,
            false,
        ),
        case(
            "funnel",
            Method::GET,
            "/api/v1/opportunities/funnel",
            Only(OPPORTUNITY_READERS),
            StatusCode::OK,
            false,
        ),
        case(
            "get opportunity",
            Method::GET,
            "/api/v1/opportunities/{opportunity}",
            Only(OPPORTUNITY_READERS),
            StatusCode::OK,
            true,
        ),
        Case {
            body: Some(|n| json!({"notes": format!("matrix {n}")})),
            version: VersionFrom::AdminGet("/api/v1/opportunities/{opportunity}"),
            watch: Some("/api/v1/opportunities/{opportunity}"),
            ..case(
                "update opportunity",
                Method::PATCH,
                "/api/v1/opportunities/{opportunity}",
                Only(OPPORTUNITY_WORKERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(|_| json!({"stage_id": "{stage}"})),
            version: VersionFrom::AdminGet("/api/v1/opportunities/{opportunity}"),
            watch: Some("/api/v1/opportunities/{opportunity}"),
            ..case(
                "move opportunity",
                Method::POST,
                "/api/v1/opportunities/{opportunity}/stage",
                Only(OPPORTUNITY_WORKERS),
                StatusCode::OK,
                true,
            )
        },
        case(
            "list pipeline stages",
            Method::GET,
            "/api/v1/pipeline-stages",
            Everyone,
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(
                |n| json!({"key": format!("stage_{n}"), "name": format!("阶段{n}"), "probability": 60}),
            ),
            watch: Some("/api/v1/pipeline-stages"),
            ..case(
                "create pipeline stage",
                Method::POST,
                "/api/v1/pipeline-stages",
                Only(SALES_CONFIGURERS),
                StatusCode::CREATED,
                false,
            )
        },
        Case {
            body: Some(|n| json!({"probability": 40 + (n % 20) as i32})),
            version: VersionFrom::AdminGetAt("/api/v1/pipeline-stages", "/2/version"),
            watch: Some("/api/v1/pipeline-stages"),
            ..case(
                "update pipeline stage",
                Method::PATCH,
                "/api/v1/pipeline-stages/{stage}",
                Only(SALES_CONFIGURERS),
                StatusCode::OK,
                true,
            )
        },
        case(
            "list test-drive cars",
            Method::GET,
            "/api/v1/test-drive-cars",
            Only(TEST_DRIVE_READERS),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|n| json!({"colour": format!("白{n}")})),
            version: VersionFrom::AdminGetAt("/api/v1/test-drive-cars", "/0/version"),
            watch: Some("/api/v1/test-drive-cars"),
            ..case(
                "update test-drive car",
                Method::PATCH,
                "/api/v1/test-drive-cars/{car}",
                Only(FLEET_KEEPERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(|n| json!({"name": format!("试驾车{n}")})),
            watch: Some("/api/v1/test-drive-cars"),
            ..case(
                "create test-drive car",
                Method::POST,
                "/api/v1/test-drive-cars",
                Only(FLEET_KEEPERS),
                StatusCode::CREATED,
                false,
            )
        },
        case(
            "test-drive calendar",
            Method::GET,
            "/api/v1/test-drives?from=2026-11-19T00:00:00Z&to=2026-11-23T00:00:00Z",
            Only(TEST_DRIVE_READERS),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|n| {
                json!({"car_id": "{car}", "customer_id": "{customer}",
                "starts_at": format!("2026-12-{:02}T{:02}:00:00Z", 1 + n / 20 % 28, n % 20),
                "ends_at": format!("2026-12-{:02}T{:02}:30:00Z", 1 + n / 20 % 28, n % 20)})
            }),
            watch: Some("/api/v1/test-drives?from=2026-12-01T00:00:00Z&to=2026-12-31T00:00:00Z"),
            ..case(
                "book test drive",
                Method::POST,
                "/api/v1/test-drives",
                Only(TEST_DRIVE_BOOKERS),
                StatusCode::CREATED,
                false,
            )
        },
        Case {
            body: Some(|n| json!({"notes": format!("matrix {n}")})),
            version: VersionFrom::AdminGetAt(
                "/api/v1/test-drives?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z",
                "/0/version",
            ),
            watch: Some("/api/v1/test-drives?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z"),
            ..case(
                "reschedule test drive",
                Method::PATCH,
                "/api/v1/test-drives/{booking}",
                Only(TEST_DRIVE_BOOKERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(
                |_| json!({"rating": 5, "grade": "H", "licence_number": "11010519491231002X"}),
            ),
            version: VersionFrom::AdminGetAt(
                "/api/v1/test-drives?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z",
                "/0/version",
            ),
            watch: Some("/api/v1/test-drives?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z"),
            // The drive is in the future: an allowed caller is told it has not started.
            ..case(
                "test-drive feedback",
                Method::POST,
                "/api/v1/test-drives/{booking}/feedback",
                Only(TEST_DRIVE_BOOKERS),
                StatusCode::UNPROCESSABLE_ENTITY,
                true,
            )
        },
        Case {
            body: Some(|_| json!({"no_show": false})),
            version: VersionFrom::AdminGetAt(
                "/api/v1/test-drives?from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z",
                "/0/version",
            ),
            watch: Some("/api/v1/test-drives?from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z"),
            once: true,
            ..case(
                "cancel test drive",
                Method::POST,
                "/api/v1/test-drives/{cancel_booking}/cancel",
                Only(TEST_DRIVE_BOOKERS),
                StatusCode::OK,
                true,
            )
        },
        case(
            "sales settings",
            Method::GET,
            "/api/v1/sales/settings",
            Everyone,
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|n| json!({"stagnation_days": 60 + (n % 30) as i32})),
            version: VersionFrom::AdminGet("/api/v1/sales/settings"),
            watch: Some("/api/v1/sales/settings"),
            ..case(
                "update sales settings",
                Method::PATCH,
                "/api/v1/sales/settings",
                Only(SALES_CONFIGURERS),
                StatusCode::OK,
                false,
            )
        },
        case(
            "assignment rules",
            Method::GET,
            "/api/v1/sales/assignment-rules",
            Everyone,
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|_| json!({"rules": [{"series_id": "{series}", "team_id": "{team}"}]})),
            watch: Some("/api/v1/sales/assignment-rules"),
            ..case(
                "replace assignment rules",
                Method::PUT,
                "/api/v1/sales/assignment-rules",
                Only(SALES_CONFIGURERS),
                StatusCode::OK,
                false,
            )
        },
        case(
            "sales report",
            Method::GET,
            "/api/v1/sales/report",
            Only(REPORT_READERS),
            StatusCode::OK,
            false,
        ),
        case(
            "sales report export",
            Method::GET,
            "/api/v1/sales/report/export?period=yesterday",
            Only(REPORT_READERS),
            StatusCode::OK,
            false,
        ),
    ]
}
