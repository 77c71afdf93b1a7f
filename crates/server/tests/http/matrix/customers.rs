//! The permission matrix's rows for customers and vehicles.

use super::{
    Allowed, CUSTOMER_CREATORS, CUSTOMER_EDITORS, Case, EXPORTERS, ID_NUMBER_READERS, MERGERS,
    VersionFrom, case,
};
use axum::http::{Method, StatusCode};
use serde_json::json;

pub(super) fn cases() -> Vec<Case> {
    use Allowed::*;
    vec![
        // Customers.
        case(
            "list customers",
            Method::GET,
            "/api/v1/customers?with_count=true",
            Everyone,
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(
                |n| json!({"name": format!("客户{n}"), "phones": [{"number": format!("137{n:08}")}]}),
            ),
            watch: Some("/api/v1/customers?with_count=true"),
            ..case(
                "create customer",
                Method::POST,
                "/api/v1/customers",
                Only(CUSTOMER_CREATORS),
                StatusCode::CREATED,
                false,
            )
        },
        case(
            "get customer",
            Method::GET,
            "/api/v1/customers/{customer}",
            Everyone,
            StatusCode::OK,
            true,
        ),
        Case {
            body: Some(|n| json!({"occupation": format!("职业{n}")})),
            version: VersionFrom::AdminGet("/api/v1/customers/{customer}"),
            watch: Some("/api/v1/customers/{customer}"),
            ..case(
                "update customer",
                Method::PATCH,
                "/api/v1/customers/{customer}",
                Only(CUSTOMER_EDITORS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(|n| json!({"channel": "sms", "granted": n % 2 == 0, "method": "verbal"})),
            version: VersionFrom::AdminGet("/api/v1/customers/{customer}"),
            watch: Some("/api/v1/customers/{customer}"),
            ..case(
                "record consent",
                Method::POST,
                "/api/v1/customers/{customer}/consents",
                Only(CUSTOMER_EDITORS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(|_| json!({"reason": "开具购车发票"})),
            ..case(
                "reveal id number",
                Method::POST,
                "/api/v1/customers/{customer}/id-number/reveal",
                Only(ID_NUMBER_READERS),
                StatusCode::OK,
                true,
            )
        },
        case(
            "customer timeline",
            Method::GET,
            "/api/v1/customers/{customer}/timeline",
            Everyone,
            StatusCode::OK,
            true,
        ),
        case(
            "search customers",
            Method::GET,
            "/api/v1/customers/search?q=%E5%BC%A0%E4%BC%9F",
            Everyone,
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|_| json!({"phones": ["13812345678"]})),
            ..case(
                "check duplicates",
                Method::POST,
                "/api/v1/customers/duplicates",
                Everyone,
                StatusCode::OK,
                false,
            )
        },
        Case {
            body: Some(|_| json!({"ids": ["{customer}"], "action": {"add_tag": {"tag": "矩阵"}}})),
            watch: Some("/api/v1/customers/{customer}"),
            ..case(
                "bulk tag customers",
                Method::POST,
                "/api/v1/customers/bulk",
                Only(CUSTOMER_EDITORS),
                StatusCode::OK,
                false,
            )
        },
        case(
            "export customers",
            Method::GET,
            "/api/v1/customers/export?format=csv",
            Only(EXPORTERS),
            StatusCode::OK,
            false,
        ),
        // Vehicles.
        case(
            "list vehicles",
            Method::GET,
            "/api/v1/vehicles",
            Everyone,
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|n| json!({"plate": format!("浙B{:05}", n), "brand": "丰田"})),
            watch: Some("/api/v1/vehicles"),
            ..case(
                "create vehicle",
                Method::POST,
                "/api/v1/vehicles",
                Only(CUSTOMER_CREATORS),
                StatusCode::CREATED,
                false,
            )
        },
        case(
            "get vehicle",
            Method::GET,
            "/api/v1/vehicles/{vehicle}",
            Everyone,
            StatusCode::OK,
            true,
        ),
        Case {
            body: Some(|n| json!({"colour": format!("颜色{n}")})),
            version: VersionFrom::AdminGet("/api/v1/vehicles/{vehicle}"),
            watch: Some("/api/v1/vehicles/{vehicle}"),
            ..case(
                "update vehicle",
                Method::PATCH,
                "/api/v1/vehicles/{vehicle}",
                Only(CUSTOMER_EDITORS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(|n| json!({"km": 10_000 + n as i32})),
            watch: Some("/api/v1/vehicles/{vehicle}"),
            ..case(
                "record mileage",
                Method::POST,
                "/api/v1/vehicles/{vehicle}/mileage",
                Only(CUSTOMER_EDITORS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(|_| json!({"customer_id": "{victim}"})),
            version: VersionFrom::AdminGet("/api/v1/vehicles/{vehicle}"),
            watch: Some("/api/v1/vehicles/{vehicle}"),
            once: true,
            ..case(
                "transfer vehicle",
                Method::POST,
                "/api/v1/vehicles/{vehicle}/transfer",
                Only(CUSTOMER_EDITORS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(|_| json!({"survivor_id": "{customer}", "merged_id": "{victim}"})),
            version: VersionFrom::AdminGets(&[
                ("survivor_version", "/api/v1/customers/{customer}"),
                ("merged_version", "/api/v1/customers/{victim}"),
            ]),
            watch: Some("/api/v1/customers/{victim}"),
            once: true,
            ..case(
                "merge customers",
                Method::POST,
                "/api/v1/customers/merge",
                Only(MERGERS),
                StatusCode::OK,
                false,
            )
        },
    ]
}
