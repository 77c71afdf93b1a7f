//! The permission matrix's rows for lookups, saved views and imports.

use super::{ADMIN, Allowed, Case, IMPORTERS, case};
use axum::http::{Method, StatusCode};
use serde_json::json;

pub(super) fn cases() -> Vec<Case> {
    use Allowed::*;
    vec![
        // Lookups, saved views, imports.
        case(
            "list lookups",
            Method::GET,
            "/api/v1/lookups/source",
            Everyone,
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|n| json!({"key": format!("src_{n}"), "name": format!("来源{n}")})),
            watch: Some("/api/v1/lookups/source"),
            ..case(
                "create lookup",
                Method::POST,
                "/api/v1/lookups/source",
                Only(ADMIN),
                StatusCode::CREATED,
                false,
            )
        },
        Case {
            body: Some(|n| json!({"version": 1, "sort_order": n as i32})),
            once: true,
            watch: Some("/api/v1/lookups/source"),
            ..case(
                "update lookup",
                Method::PATCH,
                "/api/v1/lookups/source/{source}",
                Only(ADMIN),
                StatusCode::OK,
                true,
            )
        },
        case(
            "list saved views",
            Method::GET,
            "/api/v1/saved-views?resource=customers",
            Everyone,
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(
                |n| json!({"resource": "customers", "name": format!("视图{n}"), "query": {"tag": "VIP"}}),
            ),
            ..case(
                "create saved view",
                Method::POST,
                "/api/v1/saved-views",
                Everyone,
                StatusCode::CREATED,
                false,
            )
        },
        Case {
            body: Some(|n| json!({"version": 1, "name": format!("视图{n}")})),
            denied: StatusCode::NOT_FOUND,
            once: true,
            watch: Some("/api/v1/saved-views?resource=customers"),
            ..case(
                "update saved view",
                Method::PATCH,
                "/api/v1/saved-views/{saved_view}",
                Only(ADMIN),
                StatusCode::OK,
                true,
            )
        },
        Case {
            denied: StatusCode::NOT_FOUND,
            watch: Some("/api/v1/saved-views?resource=customers"),
            ..case(
                "delete saved view",
                Method::DELETE,
                "/api/v1/saved-views/{saved_view}",
                Only(ADMIN),
                StatusCode::NO_CONTENT,
                true,
            )
        },
        Case {
            raw: Some("姓名,手机\n周杰,13600001111\n"),
            watch: Some("/api/v1/audit-events?action=import.uploaded"),
            ..case(
                "upload import",
                Method::POST,
                "/api/v1/customer-imports?filename=a.csv",
                Only(IMPORTERS),
                StatusCode::CREATED,
                false,
            )
        },
        case(
            "get import",
            Method::GET,
            "/api/v1/customer-imports/{import}",
            Only(IMPORTERS),
            StatusCode::OK,
            true,
        ),
        Case {
            body: Some(|_| json!({"mapping": {"姓名": "name", "手机": "phone"}})),
            ..case(
                "dry-run import",
                Method::POST,
                "/api/v1/customer-imports/{import}/dry-run",
                Only(IMPORTERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(|_| json!({"mapping": {"姓名": "name", "手机": "phone"}})),
            watch: Some("/api/v1/customers?with_count=true"),
            once: true,
            ..case(
                "run import",
                Method::POST,
                "/api/v1/customer-imports/{import}/run",
                Only(IMPORTERS),
                StatusCode::OK,
                true,
            )
        },
        case(
            "import mappings",
            Method::GET,
            "/api/v1/import-mappings",
            Only(IMPORTERS),
            StatusCode::OK,
            false,
        ),
    ]
}
