//! The permission matrix rows of repair orders, their lines and clock-ons, the parts price
//! list, a car's repair history and warranty claims; and the records they act on.

use super::Allowed::*;
use super::{Case, VersionFrom, case};
use crate::http::support::{PASSWORD, TestApp};
use axum::http::{Method, StatusCode};
use forecourt_aftersales::AfterSalesExt as _;
use forecourt_domain::role::BuiltinRole::{self, *};
use serde_json::json;

/// `service:read`.
const READERS: &[BuiltinRole] = &[Admin, ServiceManager, ServiceAdvisor];
/// `service:write`: advisors and the service manager.
const WRITERS: &[BuiltinRole] = &[Admin, ServiceManager, ServiceAdvisor];
/// `service:configure`.
const CONFIGURERS: &[BuiltinRole] = &[Admin, ServiceManager];
/// `service:report`.
const REPORTERS: &[BuiltinRole] = &[Admin, ServiceManager, GroupAnalyst];
const ORDER: &str = "/api/v1/repair-orders/{repair_order}";

/// A dealer's repair-order records: an opened walk-in order with two labour lines (the
/// second with the advisor clocked on) and a parts line; two parts on the price list.
#[derive(Clone, Debug)]
pub struct RepairRecords {
    pub order_id: String,
    pub labour_id: String,
    pub clocked_labour_id: String,
    pub part_line_id: String,
    /// The advisor, clocked on the second line.
    pub technician_id: String,
    pub parts_price_id: String,
    pub deletable_parts_price_id: String,
}

/// Creates the records through the use cases, as the dealer's advisor and service manager.
pub async fn records(
    t: &TestApp,
    prefix: &str,
    customer_id: &str,
    vehicle_id: &str,
) -> RepairRecords {
    let login = |role: &str| {
        let username = format!("{prefix}-{role}");
        async move {
            t.app
                .login(forecourt_kernel::auth::LoginInput {
                    username,
                    password: PASSWORD.into(),
                    ip: format!("fixture-{prefix}"),
                    user_agent: None,
                })
                .await
                .unwrap()
                .actor
        }
    };
    let advisor = login("service-advisor").await;
    let manager = login("service-manager").await;
    let service = t.app.aftersales();
    let mut price_ids = Vec::new();
    for no in ["MX-1", "MX-DEL"] {
        let part = service
            .create_part(
                &manager,
                serde_json::from_value(
                    json!({"part_no": no, "name": "机油滤清器", "price_fen": 8_800}),
                )
                .unwrap(),
            )
            .await
            .unwrap();
        price_ids.push(part.id.to_string());
    }
    let order = service
        .open_repair_order(&advisor, serde_json::from_value(json!({"customer_id": customer_id, "vehicle_id": vehicle_id, "odometer_in_km": 10_000, "complaint": "保养"})).unwrap())
        .await
        .unwrap();
    let mut order = order;
    for code in ["BY01", "BY02"] {
        order = service
            .add_labour_line(&advisor, order.id, serde_json::from_value(json!({"operation_code": code, "description": "保养", "hours_centi": 100, "version": order.version})).unwrap())
            .await
            .unwrap();
    }
    let order = service
        .add_part_line(
            &advisor,
            order.id,
            serde_json::from_value(
                json!({"part_no": "MX-1", "quantity": 1, "version": order.version}),
            )
            .unwrap(),
        )
        .await
        .unwrap();
    let technician = advisor.user_id();
    let order = service
        .clock_on(
            &advisor,
            order.id,
            order.labour[1].id,
            serde_json::from_value(json!({"technician_id": technician})).unwrap(),
        )
        .await
        .unwrap();
    RepairRecords {
        order_id: order.id.to_string(),
        labour_id: order.labour[0].id.to_string(),
        clocked_labour_id: order.labour[1].id.to_string(),
        part_line_id: order.parts[0].id.to_string(),
        technician_id: technician.to_string(),
        parts_price_id: price_ids[0].clone(),
        deletable_parts_price_id: price_ids[1].clone(),
    }
}

const VERSION: VersionFrom = VersionFrom::AdminGet(ORDER);

pub(super) fn cases() -> Vec<Case> {
    vec![
        case(
            "list repair orders",
            Method::GET,
            "/api/v1/repair-orders?status=opened",
            Only(READERS),
            StatusCode::OK,
            false,
        ),
        case(
            "get repair order",
            Method::GET,
            ORDER,
            Only(READERS),
            StatusCode::OK,
            true,
        ),
        case(
            "a car's repair history",
            Method::GET,
            "/api/v1/vehicles/{vehicle}/repair-orders",
            Only(READERS),
            StatusCode::OK,
            true,
        ),
        Case {
            body: Some(
                |n| json!({"customer_id": "{customer}", "vehicle_id": "{vehicle}", "odometer_in_km": 40_000 + n, "complaint": "异响"}),
            ),
            ..case(
                "open repair order",
                Method::POST,
                "/api/v1/repair-orders",
                Only(WRITERS),
                StatusCode::CREATED,
                false,
            )
        },
        Case {
            body: Some(
                |n| json!({"operation_code": format!("M{n}"), "description": "检查", "hours_centi": 50}),
            ),
            version: VERSION,
            watch: Some(ORDER),
            ..case(
                "add labour",
                Method::POST,
                "/api/v1/repair-orders/{repair_order}/labour",
                Only(WRITERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(|n| json!({"description": format!("检查 {n}")})),
            version: VERSION,
            watch: Some(ORDER),
            ..case(
                "change labour",
                Method::PATCH,
                "/api/v1/repair-orders/{repair_order}/labour/{labour}",
                Only(WRITERS),
                StatusCode::OK,
                true,
            )
        },
        // A stale version: the permission was passed, nothing removed.
        Case {
            watch: Some(ORDER),
            ..case(
                "remove labour",
                Method::DELETE,
                "/api/v1/repair-orders/{repair_order}/labour/{labour}?version=0",
                Only(WRITERS),
                StatusCode::CONFLICT,
                true,
            )
        },
        // The technician is on another job: 409 for whoever may clock.
        Case {
            body: Some(|_| json!({"technician_id": "{technician}"})),
            watch: Some(ORDER),
            ..case(
                "clock on",
                Method::POST,
                "/api/v1/repair-orders/{repair_order}/labour/{labour}/clock-on",
                Only(WRITERS),
                StatusCode::CONFLICT,
                true,
            )
        },
        Case {
            body: Some(|_| json!({"technician_id": "{consultant}"})),
            watch: Some(ORDER),
            ..case(
                "clock off",
                Method::POST,
                "/api/v1/repair-orders/{repair_order}/labour/{labour}/clock-off",
                Only(WRITERS),
                StatusCode::CONFLICT,
                true,
            )
        },
        Case {
            watch: Some(ORDER),
            ..case(
                "labour done",
                Method::POST,
                "/api/v1/repair-orders/{repair_order}/labour/{clocked_labour}/done",
                Only(WRITERS),
                StatusCode::CONFLICT,
                true,
            )
        },
        Case {
            body: Some(
                |n| json!({"part_no": format!("X-{n}"), "name": "雨刮", "unit_price_fen": 5_000, "quantity": 1}),
            ),
            version: VERSION,
            watch: Some(ORDER),
            ..case(
                "add part line",
                Method::POST,
                "/api/v1/repair-orders/{repair_order}/parts",
                Only(WRITERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(|n| json!({"quantity": n % 5 + 1})),
            version: VERSION,
            watch: Some(ORDER),
            ..case(
                "change part line",
                Method::PATCH,
                "/api/v1/repair-orders/{repair_order}/parts/{part_line}",
                Only(WRITERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            watch: Some(ORDER),
            ..case(
                "remove part line",
                Method::DELETE,
                "/api/v1/repair-orders/{repair_order}/parts/{part_line}?version=0",
                Only(WRITERS),
                StatusCode::CONFLICT,
                true,
            )
        },
        // Opened cannot become ready: 409 for whoever may move it.
        Case {
            body: Some(|_| json!({"to": "ready"})),
            version: VERSION,
            watch: Some(ORDER),
            ..case(
                "move repair order",
                Method::POST,
                "/api/v1/repair-orders/{repair_order}/move",
                Only(WRITERS),
                StatusCode::CONFLICT,
                true,
            )
        },
        Case {
            body: Some(
                |_| json!({"odometer_out_km": 10_100, "paid_fen": 0, "payment_method": "cash"}),
            ),
            version: VERSION,
            watch: Some(ORDER),
            ..case(
                "pick up repair order",
                Method::POST,
                "/api/v1/repair-orders/{repair_order}/pickup",
                Only(WRITERS),
                StatusCode::CONFLICT,
                true,
            )
        },
        case(
            "list parts prices",
            Method::GET,
            "/api/v1/parts-prices",
            Only(READERS),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(
                |n| json!({"part_no": format!("P-{n}"), "name": "空调滤芯", "price_fen": 12_000}),
            ),
            ..case(
                "add a part price",
                Method::POST,
                "/api/v1/parts-prices",
                Only(CONFIGURERS),
                StatusCode::CREATED,
                false,
            )
        },
        Case {
            body: Some(|n| json!({"price_fen": 9_000 + n})),
            version: VersionFrom::AdminGetAt("/api/v1/parts-prices?q=MX-1", "/items/0/version"),
            watch: Some("/api/v1/parts-prices?q=MX-1"),
            ..case(
                "change a part price",
                Method::PATCH,
                "/api/v1/parts-prices/{parts_price}",
                Only(CONFIGURERS),
                StatusCode::OK,
                true,
            )
        },
        Case {
            watch: Some("/api/v1/parts-prices?q=MX-DEL"),
            ..case(
                "delete a part price",
                Method::DELETE,
                "/api/v1/parts-prices/{deletable_parts_price}",
                Only(CONFIGURERS),
                StatusCode::NO_CONTENT,
                true,
            )
        },
        Case {
            raw: Some("零件号,名称,单价\nMX-IMP,机油,10\n"),
            ..case(
                "import parts prices",
                Method::POST,
                "/api/v1/parts-prices/import",
                Only(CONFIGURERS),
                StatusCode::OK,
                false,
            )
        },
        case(
            "warranty claims",
            Method::GET,
            "/api/v1/warranty-claims?from=2026-11-01&to=2026-11-30",
            Only(REPORTERS),
            StatusCode::OK,
            false,
        ),
        case(
            "export warranty claims",
            Method::GET,
            "/api/v1/warranty-claims/export?from=2026-11-01&to=2026-11-30",
            Only(REPORTERS),
            StatusCode::OK,
            false,
        ),
    ]
}
