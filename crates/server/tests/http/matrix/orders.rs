//! The permission matrix rows of orders and money: orders, their plan, payments, refunds,
//! checklists, car, invoice, delivery, cancellation, settings, and finance's feed, ageing and
//! export.

use super::Allowed::*;
use super::{Case, VersionFrom, case};
use axum::http::{Method, StatusCode};
use forecourt_domain::role::BuiltinRole::{self, *};
use serde_json::json;

const ORDER_READERS: &[BuiltinRole] = &[Admin, SalesManager, SalesConsultant, Finance];
const ORDER_WRITERS: &[BuiltinRole] = &[Admin, SalesManager, SalesConsultant];
/// `payment:record` or `order:write`.
const PLANNERS: &[BuiltinRole] = &[Admin, SalesManager, SalesConsultant, Finance];
const CASHIERS: &[BuiltinRole] = &[Admin, Finance];
const DELIVERERS: &[BuiltinRole] = &[Admin, SalesManager, SalesConsultant];
const CONFIGURERS: &[BuiltinRole] = &[Admin, SalesManager];
const ORDER: &str = "/api/v1/orders/{order}";

pub(super) fn cases() -> Vec<Case> {
    vec![
        case(
            "list orders",
            Method::GET,
            "/api/v1/orders",
            Only(ORDER_READERS),
            StatusCode::OK,
            false,
        ),
        case(
            "get order",
            Method::GET,
            ORDER,
            Only(ORDER_READERS),
            StatusCode::OK,
            true,
        ),
        Case {
            // An unknown quote: the permission was passed.
            body: Some(|_| json!({"quote_id": "0190aaaa-0000-7000-8000-000000000001"})),
            ..case(
                "create order",
                Method::POST,
                "/api/v1/orders",
                Only(ORDER_WRITERS),
                StatusCode::NOT_FOUND,
                false,
            )
        },
        Case {
            body: Some(
                |_| json!({"purpose": "advance", "amount_fen": 100, "due_on": "2026-11-30"}),
            ),
            watch: Some(ORDER),
            ..case(
                "plan a payment",
                Method::POST,
                "/api/v1/orders/{order}/schedule",
                Only(PLANNERS),
                StatusCode::CREATED,
                true,
            )
        },
        Case {
            body: Some(|_| json!({"schedule_item_id": "0190aaaa-0000-7000-8000-000000000002"})),
            watch: Some(ORDER),
            ..case(
                "approve a loan",
                Method::POST,
                "/api/v1/orders/{order}/loan-approvals",
                Only(CASHIERS),
                StatusCode::NOT_FOUND,
                true,
            )
        },
        Case {
            body: Some(
                |n| json!({"purpose": "advance", "method": "cash", "amount_fen": 100, "receipt_no": format!("M-{n}")}),
            ),
            watch: Some(ORDER),
            ..case(
                "record a payment",
                Method::POST,
                "/api/v1/orders/{order}/payments",
                Only(CASHIERS),
                StatusCode::CREATED,
                true,
            )
        },
        Case {
            body: Some(|_| json!({"amount_fen": 1, "reason": "多收"})),
            watch: Some(ORDER),
            ..case(
                "ask for a refund",
                Method::POST,
                "/api/v1/orders/{order}/refunds",
                Only(CASHIERS),
                StatusCode::CREATED,
                true,
            )
        },
        Case {
            body: Some(|_| json!({"pdi_done": ["外观检查"]})),
            version: VersionFrom::AdminGet(ORDER),
            watch: Some(ORDER),
            ..case(
                "tick checklists",
                Method::PUT,
                "/api/v1/orders/{order}/checklists",
                Only(DELIVERERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            // An unknown stock unit: the permission was passed.
            body: Some(|_| json!({"stock_unit_id": "0190aaaa-0000-7000-8000-000000000003"})),
            version: VersionFrom::AdminGet(ORDER),
            watch: Some(ORDER),
            ..case(
                "allocate a car",
                Method::POST,
                "/api/v1/orders/{order}/allocation",
                Only(ORDER_WRITERS),
                StatusCode::NOT_FOUND,
                true,
            )
        },
        Case {
            // No car allocated yet: 409 once the permission was passed.
            body: Some(|n| json!({"invoice_no": format!("FP-{n}")})),
            version: VersionFrom::AdminGet(ORDER),
            watch: Some(ORDER),
            ..case(
                "issue the invoice",
                Method::POST,
                "/api/v1/orders/{order}/invoice",
                Only(CASHIERS),
                StatusCode::CONFLICT,
                true,
            )
        },
        Case {
            // Not invoiced yet: 409 once the permission was passed.
            body: Some(|_| json!({"odometer_km": 3})),
            version: VersionFrom::AdminGet(ORDER),
            watch: Some(ORDER),
            ..case(
                "deliver",
                Method::POST,
                "/api/v1/orders/{order}/delivery",
                Only(DELIVERERS),
                StatusCode::CONFLICT,
                true,
            )
        },
        case(
            "order settings",
            Method::GET,
            "/api/v1/order-settings",
            Only(ORDER_READERS),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|_| json!({"contract_prefix": "HT"})),
            version: VersionFrom::AdminGet("/api/v1/order-settings"),
            watch: Some("/api/v1/order-settings"),
            ..case(
                "change order settings",
                Method::PATCH,
                "/api/v1/order-settings",
                Only(CONFIGURERS),
                StatusCode::OK,
                false,
            )
        },
        case(
            "finance feed",
            Method::GET,
            "/api/v1/finance/feed",
            Only(CASHIERS),
            StatusCode::OK,
            false,
        ),
        case(
            "receivables ageing",
            Method::GET,
            "/api/v1/finance/receivables-ageing",
            Only(CASHIERS),
            StatusCode::OK,
            false,
        ),
        case(
            "finance export",
            Method::GET,
            "/api/v1/finance/export?from=2026-11-01&to=2026-11-30&format=csv",
            Only(CASHIERS),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|_| json!({"reason": "customer_withdrew"})),
            version: VersionFrom::AdminGet(ORDER),
            watch: Some(ORDER),
            once: true,
            ..case(
                "cancel the order",
                Method::POST,
                "/api/v1/orders/{order}/cancel",
                Only(ORDER_WRITERS),
                StatusCode::OK,
                true,
            )
        },
    ]
}
