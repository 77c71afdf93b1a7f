//! The permission matrix's rows for insurance policies and renewals (续保), and the records
//! they act on: a policy of the fixture customer's car ending within the renewal window, and
//! its renewal, opened by the job and given to the dealer's renewal agent.

use super::{Allowed, Case, VersionFrom, case};
use axum::http::{Method, StatusCode};
use forecourt_aftersales::AfterSalesExt as _;
use forecourt_domain::role::BuiltinRole;
use forecourt_domain::role::BuiltinRole::*;
use serde_json::json;

/// `insurance:read` and `insurance:write`: the service desk and renewal agents.
const INSURANCE: &[BuiltinRole] = &[Admin, ServiceManager, ServiceAdvisor, RenewalAgent];
/// `renewal:read` / `renewal:work`: the service manager (dealer), the agent (own).
const RENEWAL_WORKERS: &[BuiltinRole] = &[Admin, ServiceManager, RenewalAgent];
/// `renewal:assign`.
const RENEWAL_ASSIGNERS: &[BuiltinRole] = &[Admin, ServiceManager];

/// The insurance records of a dealer.
#[derive(Clone, Debug)]
pub struct InsuranceRecords {
    /// A commercial policy of the fixture car ending on 15 January 2027.
    pub policy_id: String,
    /// Its renewal, open, with the dealer's renewal agent.
    pub renewal_id: String,
    /// The renewal agent.
    pub agent_id: String,
}

/// Records the policy and opens its renewal through the use cases.
pub async fn records(
    app: &forecourt_kernel::App,
    system: &forecourt_kernel::auth::Actor,
    vehicle_id: &str,
) -> InsuranceRecords {
    let policy = app
        .aftersales()
        .create_policy(
            system,
            vehicle_id.parse().unwrap(),
            serde_json::from_value(json!({
                "kind": "commercial", "insurer": "中国人保", "policy_no": "PDAA2026M001",
                "premium_fen": 480_000, "starts_on": "2026-01-16", "ends_on": "2027-01-15",
            }))
            .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(
        app.aftersales().open_dealer_renewals(system).await.unwrap(),
        1
    );
    let page = app
        .aftersales()
        .list_renewals(system, Default::default())
        .await
        .unwrap();
    let renewal = page
        .items
        .into_iter()
        .find(|r| r.policy.as_ref().map(|p| p.id) == Some(policy.id))
        .unwrap();
    InsuranceRecords {
        policy_id: policy.id.to_string(),
        renewal_id: renewal.id.to_string(),
        agent_id: renewal
            .agent
            .expect("given to the renewal agent")
            .id
            .to_string(),
    }
}

pub(super) fn cases() -> Vec<Case> {
    use Allowed::*;
    vec![
        case(
            "list a car's policies",
            Method::GET,
            "/api/v1/vehicles/{vehicle}/policies",
            Only(INSURANCE),
            StatusCode::OK,
            true,
        ),
        Case {
            body: Some(|n| {
                json!({"kind": "compulsory", "insurer": "平安产险", "policy_no": format!("JQ-M-{n}"),
                    "premium_fen": 95_000, "starts_on": "2025-07-01", "ends_on": "2026-06-30"})
            }),
            ..case(
                "record a policy",
                Method::POST,
                "/api/v1/vehicles/{vehicle}/policies",
                Only(INSURANCE),
                StatusCode::CREATED,
                true,
            )
        },
        case(
            "list policies ending",
            Method::GET,
            "/api/v1/policies?ends_from=2026-01-01&ends_to=2027-12-31",
            Only(INSURANCE),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|n| json!({"premium_fen": 480_000 + n as i64})),
            version: VersionFrom::AdminGetAt("/api/v1/vehicles/{vehicle}/policies", "/0/version"),
            watch: Some("/api/v1/vehicles/{vehicle}/policies"),
            ..case(
                "correct a policy",
                Method::PATCH,
                "/api/v1/policies/{policy}",
                Only(INSURANCE),
                StatusCode::OK,
                true,
            )
        },
        case(
            "list renewals",
            Method::GET,
            "/api/v1/renewals?status=open",
            Only(RENEWAL_WORKERS),
            StatusCode::OK,
            false,
        ),
        case(
            "renewal rate",
            Method::GET,
            "/api/v1/renewals/rate?from=2026-11-01&to=2027-01-31",
            Only(RENEWAL_WORKERS),
            StatusCode::OK,
            false,
        ),
        case(
            "get renewal",
            Method::GET,
            "/api/v1/renewals/{renewal}",
            Only(RENEWAL_WORKERS),
            StatusCode::OK,
            true,
        ),
        Case {
            body: Some(|_| json!({"outcome": "no_answer", "notes": "matrix"})),
            watch: Some("/api/v1/renewals/{renewal}"),
            ..case(
                "log a renewal call",
                Method::POST,
                "/api/v1/renewals/{renewal}/calls",
                Only(RENEWAL_WORKERS),
                StatusCode::CREATED,
                true,
            )
        },
        Case {
            body: Some(|n| json!({"insurer": "太平洋保险", "premium_fen": 400_000 + n as i64})),
            watch: Some("/api/v1/renewals/{renewal}"),
            ..case(
                "add a renewal quote",
                Method::POST,
                "/api/v1/renewals/{renewal}/quotes",
                Only(RENEWAL_WORKERS),
                StatusCode::CREATED,
                true,
            )
        },
        // Lost without a reason: 422 for those who may record results (the permission and
        // scope were checked first), and the renewal stays open for the other rows.
        Case {
            body: Some(|_| json!({"status": "lost"})),
            version: VersionFrom::AdminGetAt("/api/v1/renewals/{renewal}", "/renewal/version"),
            watch: Some("/api/v1/renewals/{renewal}"),
            ..case(
                "record a renewal result",
                Method::POST,
                "/api/v1/renewals/{renewal}/result",
                Only(RENEWAL_WORKERS),
                StatusCode::UNPROCESSABLE_ENTITY,
                true,
            )
        },
        Case {
            body: Some(|_| json!({"agent_id": "{renewal_agent}"})),
            watch: Some("/api/v1/renewals/{renewal}"),
            ..case(
                "assign a renewal",
                Method::POST,
                "/api/v1/renewals/{renewal}/assign",
                Only(RENEWAL_ASSIGNERS),
                StatusCode::OK,
                true,
            )
        },
    ]
}
