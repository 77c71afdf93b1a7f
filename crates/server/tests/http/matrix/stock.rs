//! The permission matrix's rows for stock: units by VIN, their moves, trade-ins, the list and
//! its export, the low-stock list and the stock settings.

use super::{Allowed, Case, VersionFrom, case};
use axum::http::{Method, StatusCode};
use forecourt_domain::role::BuiltinRole;
use forecourt_domain::role::BuiltinRole::*;
use serde_json::json;

/// `stock:read`: managers, consultants (to sell what is there), the assistant, finance and
/// the group analyst.
const STOCK_READERS: &[BuiltinRole] = &[
    Admin,
    SalesManager,
    SalesConsultant,
    SalesAssistant,
    Finance,
    GroupAnalyst,
];
/// `stock:manage`.
const STOCK_MANAGERS: &[BuiltinRole] = &[Admin, SalesManager];

pub(super) fn cases() -> Vec<Case> {
    use Allowed::*;
    vec![
        case(
            "list stock units",
            Method::GET,
            "/api/v1/stock-units?status=in_stock",
            Only(STOCK_READERS),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(
                |n| json!({"vin": crate::http::stock::vin(1000 + n), "catalog_model_id": "{stock_model}", "location": "展厅"}),
            ),
            ..case(
                "add stock unit",
                Method::POST,
                "/api/v1/stock-units",
                Only(STOCK_MANAGERS),
                StatusCode::CREATED,
                false,
            )
        },
        case(
            "export stock units",
            Method::GET,
            "/api/v1/stock-units/export",
            Only(STOCK_MANAGERS),
            StatusCode::OK,
            false,
        ),
        // Every caller who may is answered on the VIN (no customer has this car): the
        // permission was checked first.
        Case {
            body: Some(|n| json!({"vin": crate::http::stock::vin(5000 + n)})),
            ..case(
                "take a trade-in into stock",
                Method::POST,
                "/api/v1/stock-units/trade-ins",
                Only(STOCK_MANAGERS),
                StatusCode::UNPROCESSABLE_ENTITY,
                false,
            )
        },
        case(
            "get stock unit",
            Method::GET,
            "/api/v1/stock-units/{stock_unit}",
            Only(STOCK_READERS),
            StatusCode::OK,
            true,
        ),
        Case {
            body: Some(|n| json!({"location": format!("matrix {n}")})),
            version: VersionFrom::AdminGet("/api/v1/stock-units/{stock_unit}"),
            watch: Some("/api/v1/stock-units/{stock_unit}"),
            ..case(
                "update stock unit",
                Method::PATCH,
                "/api/v1/stock-units/{stock_unit}",
                Only(STOCK_MANAGERS),
                StatusCode::OK,
                true,
            )
        },
        // A unit in stock moves on only through an order: 409 for those who may move units.
        Case {
            body: Some(|_| json!({"status": "in_transit"})),
            version: VersionFrom::AdminGet("/api/v1/stock-units/{stock_unit}"),
            watch: Some("/api/v1/stock-units/{stock_unit}"),
            ..case(
                "move stock unit",
                Method::POST,
                "/api/v1/stock-units/{stock_unit}/move",
                Only(STOCK_MANAGERS),
                StatusCode::CONFLICT,
                true,
            )
        },
        case(
            "stock by model",
            Method::GET,
            "/api/v1/stock-models",
            Only(STOCK_READERS),
            StatusCode::OK,
            false,
        ),
        case(
            "stock settings",
            Method::GET,
            "/api/v1/stock/settings",
            Only(STOCK_MANAGERS),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|n| json!({"aged_days": [60 + (n % 20) as i32, 120]})),
            version: VersionFrom::AdminGet("/api/v1/stock/settings"),
            watch: Some("/api/v1/stock/settings"),
            ..case(
                "update stock settings",
                Method::PATCH,
                "/api/v1/stock/settings",
                Only(STOCK_MANAGERS),
                StatusCode::OK,
                false,
            )
        },
    ]
}
