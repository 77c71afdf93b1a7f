//! The permission matrix's rows for after-sales' service side: the workshop's settings, the
//! maintenance plans, the due list and a car's next service, appointments and capacity.

use super::{Allowed, Case, VersionFrom, case};
use axum::http::{Method, StatusCode};
use forecourt_domain::role::BuiltinRole;
use forecourt_domain::role::BuiltinRole::*;
use serde_json::json;

/// `service:read` and `service:write`: the service desk.
const SERVICE_DESK: &[BuiltinRole] = &[Admin, ServiceManager, ServiceAdvisor];
/// `service:configure`.
const SERVICE_CONFIGURERS: &[BuiltinRole] = &[Admin, ServiceManager];
/// The workshop's settings are read by the desk, its manager and renewal agents (the renewal
/// window).
const SETTINGS_READERS: &[BuiltinRole] = &[Admin, ServiceManager, ServiceAdvisor, RenewalAgent];

pub(super) fn cases() -> Vec<Case> {
    use Allowed::*;
    vec![
        case(
            "service settings",
            Method::GET,
            "/api/v1/service/settings",
            Only(SETTINGS_READERS),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|n| json!({"bays": 2 + (n % 5) as i32})),
            version: VersionFrom::AdminGet("/api/v1/service/settings"),
            watch: Some("/api/v1/service/settings"),
            ..case(
                "update service settings",
                Method::PATCH,
                "/api/v1/service/settings",
                Only(SERVICE_CONFIGURERS),
                StatusCode::OK,
                false,
            )
        },
        case(
            "list maintenance plans",
            Method::GET,
            "/api/v1/maintenance-plans",
            Only(SERVICE_DESK),
            StatusCode::OK,
            false,
        ),
        // The dealer's default exists: a second is refused after the permission check.
        Case {
            body: Some(
                |_| json!({"name": "另一个默认", "interval_km": 10000, "interval_months": 12}),
            ),
            watch: Some("/api/v1/maintenance-plans"),
            ..case(
                "add maintenance plan",
                Method::POST,
                "/api/v1/maintenance-plans",
                Only(SERVICE_CONFIGURERS),
                StatusCode::CONFLICT,
                false,
            )
        },
        Case {
            body: Some(|n| {
                json!({"name": format!("标准保养 {n}"), "interval_km": 10000, "interval_months": 12,
                "first_km": 5000, "first_months": 6})
            }),
            version: VersionFrom::AdminGetAt("/api/v1/maintenance-plans", "/0/version"),
            watch: Some("/api/v1/maintenance-plans"),
            ..case(
                "update maintenance plan",
                Method::PUT,
                "/api/v1/maintenance-plans/{plan}",
                Only(SERVICE_CONFIGURERS),
                StatusCode::OK,
                true,
            )
        },
        // The default plan stays: 409 for whoever may delete plans.
        Case {
            watch: Some("/api/v1/maintenance-plans"),
            ..case(
                "delete maintenance plan",
                Method::DELETE,
                "/api/v1/maintenance-plans/{plan}",
                Only(SERVICE_CONFIGURERS),
                StatusCode::CONFLICT,
                true,
            )
        },
        case(
            "service due list",
            Method::GET,
            "/api/v1/service-dues?to=2027-12-31",
            Only(SERVICE_DESK),
            StatusCode::OK,
            false,
        ),
        case(
            "a car's next service",
            Method::GET,
            "/api/v1/vehicles/{vehicle}/service-due",
            Only(SERVICE_DESK),
            StatusCode::OK,
            true,
        ),
        case(
            "recompute a car's next service",
            Method::POST,
            "/api/v1/vehicles/{vehicle}/service-due/refresh",
            Only(SERVICE_DESK),
            StatusCode::OK,
            true,
        ),
        case(
            "list service appointments",
            Method::GET,
            "/api/v1/service-appointments?from=2026-11-01",
            Only(SERVICE_DESK),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|n| {
                json!({"vehicle_id": "{vehicle}", "on_date": "2026-11-17",
                "job_minutes": 30 + (n % 10) as i32, "job": "更换机油", "source": "phone"})
            }),
            ..case(
                "book service appointment",
                Method::POST,
                "/api/v1/service-appointments",
                Only(SERVICE_DESK),
                StatusCode::CREATED,
                false,
            )
        },
        case(
            "get service appointment",
            Method::GET,
            "/api/v1/service-appointments/{appointment}",
            Only(SERVICE_DESK),
            StatusCode::OK,
            true,
        ),
        Case {
            body: Some(
                |n| json!({"on_date": if n % 2 == 0 { "2026-11-18" } else { "2026-11-19" }}),
            ),
            version: VersionFrom::AdminGet("/api/v1/service-appointments/{appointment}"),
            watch: Some("/api/v1/service-appointments/{appointment}"),
            ..case(
                "move service appointment",
                Method::POST,
                "/api/v1/service-appointments/{appointment}/move",
                Only(SERVICE_DESK),
                StatusCode::OK,
                true,
            )
        },
        // Its day has not come: 409 for whoever may record it.
        Case {
            body: Some(|_| json!({})),
            version: VersionFrom::AdminGet("/api/v1/service-appointments/{appointment}"),
            watch: Some("/api/v1/service-appointments/{appointment}"),
            ..case(
                "record a no-show",
                Method::POST,
                "/api/v1/service-appointments/{appointment}/no-show",
                Only(SERVICE_DESK),
                StatusCode::CONFLICT,
                true,
            )
        },
        Case {
            body: Some(|_| json!({})),
            version: VersionFrom::AdminGet("/api/v1/service-appointments/{cancel_appointment}"),
            watch: Some("/api/v1/service-appointments/{cancel_appointment}"),
            once: true,
            ..case(
                "cancel service appointment",
                Method::POST,
                "/api/v1/service-appointments/{cancel_appointment}/cancel",
                Only(SERVICE_DESK),
                StatusCode::OK,
                true,
            )
        },
        case(
            "service capacity",
            Method::GET,
            "/api/v1/service-capacity?from=2026-11-09&to=2026-11-15",
            Only(SERVICE_DESK),
            StatusCode::OK,
            false,
        ),
    ]
}
