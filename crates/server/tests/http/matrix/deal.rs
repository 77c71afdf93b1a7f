//! The permission matrix's rows for the deal: the configurator, the deal settings, quotes and
//! trade-in appraisals.

use super::{Allowed, Case, VersionFrom, case};
use axum::http::{Method, StatusCode};
use forecourt_domain::role::BuiltinRole::{self, *};
use serde_json::json;

/// Who reads quotes (and the configuration and settings they are made from).
const QUOTE_READERS: &[BuiltinRole] = &[Admin, SalesManager, SalesConsultant, Finance];
/// Who makes and changes quotes and appraisals: never finance.
const QUOTE_WRITERS: &[BuiltinRole] = &[Admin, SalesManager, SalesConsultant];
const DEAL_CONFIGURERS: &[BuiltinRole] = &[Admin, SalesManager];

pub(super) fn cases() -> Vec<Case> {
    use Allowed::*;
    vec![
        case(
            "trim configuration",
            Method::GET,
            "/api/v1/configurator/models/{deal_model}",
            Only(QUOTE_READERS),
            StatusCode::OK,
            true,
        ),
        Case {
            body: Some(
                |n| json!({"model_id": "{deal_model}", "name": format!("分组{n}"), "rule": "multi"}),
            ),
            ..case(
                "create config group",
                Method::POST,
                "/api/v1/configurator/groups",
                Only(DEAL_CONFIGURERS),
                StatusCode::CREATED,
                false,
            )
        },
        Case {
            body: Some(|_| json!({"active": true})),
            version: VersionFrom::AdminGetAt("/api/v1/configurator/accessories", "/0/version"),
            ..case(
                "update config item",
                Method::PATCH,
                "/api/v1/configurator/items/{config_item}",
                Only(DEAL_CONFIGURERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(
                |n| json!({"effective_from": "2026-01-01", "price_fen": 50_000 + i64::from(n)}),
            ),
            ..case(
                "set config price",
                Method::POST,
                "/api/v1/configurator/items/{config_item}/prices",
                Only(DEAL_CONFIGURERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(|n| {
                json!({"kind": "accessory", "name": format!("精品{n}"),
                                  "price": {"effective_from": "2026-01-01", "price_fen": 100}})
            }),
            ..case(
                "create config item",
                Method::POST,
                "/api/v1/configurator/items",
                Only(DEAL_CONFIGURERS),
                StatusCode::CREATED,
                false,
            )
        },
        case(
            "list accessories",
            Method::GET,
            "/api/v1/configurator/accessories",
            Only(DEAL_CONFIGURERS),
            StatusCode::OK,
            false,
        ),
        case(
            "get deal settings",
            Method::GET,
            "/api/v1/deal-settings",
            Only(QUOTE_READERS),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|n| {
                json!({"quote_valid_days": 1 + (n % 30), "max_discount_fen": null,
                                  "max_discount_bp": null, "min_margin_fen": null, "tax_rules": []})
            }),
            version: VersionFrom::AdminGet("/api/v1/deal-settings"),
            watch: Some("/api/v1/deal-settings"),
            ..case(
                "update deal settings",
                Method::PUT,
                "/api/v1/deal-settings",
                Only(DEAL_CONFIGURERS),
                StatusCode::OK,
                false,
            )
        },
        case(
            "list quotes",
            Method::GET,
            "/api/v1/quotes",
            Only(QUOTE_READERS),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|_| json!({"opportunity_id": "{opportunity}", "model_id": "{deal_model}"})),
            ..case(
                "create quote",
                Method::POST,
                "/api/v1/quotes",
                Only(QUOTE_WRITERS),
                StatusCode::CREATED,
                false,
            )
        },
        Case {
            body: Some(|_| json!({"opportunity_id": "{opportunity}", "model_id": "{deal_model}"})),
            ..case(
                "preview quote",
                Method::POST,
                "/api/v1/quotes/preview",
                Only(QUOTE_WRITERS),
                StatusCode::OK,
                false,
            )
        },
        case(
            "get quote",
            Method::GET,
            "/api/v1/quotes/{quote}",
            Only(QUOTE_READERS),
            StatusCode::OK,
            true,
        ),
        case(
            "print quote",
            Method::GET,
            "/api/v1/quotes/{quote}/print",
            Only(QUOTE_READERS),
            StatusCode::OK,
            true,
        ),
        Case {
            body: Some(|n| json!({"model_id": "{deal_model}", "insurance_fen": i64::from(n)})),
            version: VersionFrom::AdminGet("/api/v1/quotes/{quote}"),
            watch: Some("/api/v1/quotes/{quote}"),
            ..case(
                "update quote",
                Method::PATCH,
                "/api/v1/quotes/{quote}",
                Only(QUOTE_WRITERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(|_| json!({})),
            version: VersionFrom::AdminGet("/api/v1/quotes/{quote}"),
            watch: Some("/api/v1/quotes/{quote}"),
            // The quote needs no approval: an allowed caller meets the rule, not the permission.
            ..case(
                "request quote approval",
                Method::POST,
                "/api/v1/quotes/{quote}/request-approval",
                Only(QUOTE_WRITERS),
                StatusCode::CONFLICT,
                true,
            )
        },
        Case {
            body: Some(|_| json!({})),
            version: VersionFrom::AdminGet("/api/v1/quotes/{quote}"),
            watch: Some("/api/v1/quotes/{quote}"),
            once: true,
            ..case(
                "accept quote",
                Method::POST,
                "/api/v1/quotes/{quote}/accept",
                Only(QUOTE_WRITERS),
                StatusCode::OK,
                true,
            )
        },
        case(
            "list appraisals",
            Method::GET,
            "/api/v1/appraisals",
            Only(QUOTE_READERS),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(
                |n| json!({"customer_id": "{customer}", "vehicle_id": "{vehicle}", "value_fen": 100 + i64::from(n)}),
            ),
            ..case(
                "create appraisal",
                Method::POST,
                "/api/v1/appraisals",
                Only(QUOTE_WRITERS),
                StatusCode::CREATED,
                false,
            )
        },
        case(
            "get appraisal",
            Method::GET,
            "/api/v1/appraisals/{appraisal}",
            Only(QUOTE_READERS),
            StatusCode::OK,
            true,
        ),
    ]
}
