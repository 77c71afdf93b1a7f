//! The permission matrix: every endpoint × every built-in role × a record of the caller's
//! dealer and one of another dealer (of the same group) → the expected status. A denied or
//! failed write must change nothing: the audit log (which every write appends to) and the
//! record stay as they were.
//!
//! Later modules add their endpoints to [`cases`].

use super::support::{Auth, DealerFixture, DealerRecords, Session, TestApp, World, records, world};
use axum::http::{Method, StatusCode};
use forecourt_domain::role::BuiltinRole;
use forecourt_domain::role::BuiltinRole::*;
use serde_json::{Value, json};
use std::collections::HashMap;

/// Who may call an endpoint.
#[derive(Clone, Copy, Debug)]
pub(super) enum Allowed {
    /// Every signed-in user.
    Everyone,
    Only(&'static [BuiltinRole]),
}

/// Where the versions a body carries come from.
#[derive(Clone, Copy, Debug)]
pub(super) enum VersionFrom {
    None,
    /// `version`, read at this path by the dealer's admin.
    AdminGet(&'static str),
    /// Several: each body field from the record at a path, read by the admin.
    AdminGets(&'static [(&'static str, &'static str)]),
    /// Read at this path by the caller, at a JSON pointer.
    OwnGet(&'static str, &'static str),
    /// Read at this path by the dealer's admin, at a JSON pointer.
    AdminGetAt(&'static str, &'static str),
}

pub(super) struct Case {
    pub(super) name: &'static str,
    pub(super) method: Method,
    /// With placeholders filled from a dealer fixture: {user} {team} {empty_team}
    /// {department} {role} {token} {dealer}.
    pub(super) path: &'static str,
    pub(super) body: Option<fn(u32) -> Value>,
    pub(super) version: VersionFrom,
    pub(super) allowed: Allowed,
    /// The status an allowed caller gets (2xx, or a business-rule answer that proves the
    /// permission check was passed).
    pub(super) ok: StatusCode,
    /// Whether the path names a record, so the other dealer's record must be 404 for everyone.
    pub(super) foreign: bool,
    /// What to compare before and after a denied call (read by the admin).
    pub(super) watch: Option<&'static str>,
    /// What a caller without the permission gets (403; 404 for records that are someone
    /// else's own, like saved views).
    pub(super) denied: StatusCode,
    /// The call consumes its record (delete, revoke, merge, transfer): only the first allowed
    /// caller can succeed.
    pub(super) once: bool,
    /// A raw (non-JSON) body.
    pub(super) raw: Option<&'static str>,
    /// Roles that hold the permission but whose scope does not reach the record: 404.
    pub(super) out_of_scope: &'static [BuiltinRole],
}

const MANAGERS_AND_ANALYST: &[BuiltinRole] = &[Admin, SalesManager, ServiceManager, GroupAnalyst];
const ADMIN: &[BuiltinRole] = &[Admin];
/// Roles that create customers and cars.
const CUSTOMER_CREATORS: &[BuiltinRole] = &[
    Admin,
    SalesManager,
    SalesConsultant,
    SalesAssistant,
    ServiceManager,
    ServiceAdvisor,
];
/// Roles that edit customers (the consultant: their own, which the fixture customer is).
const CUSTOMER_EDITORS: &[BuiltinRole] = &[
    Admin,
    SalesManager,
    SalesConsultant,
    SalesAssistant,
    ServiceManager,
    ServiceAdvisor,
    RenewalAgent,
];
const EXPORTERS: &[BuiltinRole] = &[
    Admin,
    SalesManager,
    SalesConsultant,
    ServiceManager,
    Marketing,
];
const IMPORTERS: &[BuiltinRole] = &[Admin, SalesManager, SalesAssistant];
const ID_NUMBER_READERS: &[BuiltinRole] = &[Admin, Finance];
const MERGERS: &[BuiltinRole] = &[Admin, SalesManager];
const PUBLISHERS: &[BuiltinRole] = &[GroupAnalyst];
const LEAD_READERS: &[BuiltinRole] = &[
    Admin,
    SalesManager,
    SalesConsultant,
    SalesAssistant,
    Marketing,
    GroupAnalyst,
];
/// Registering a lead or a visit of a new customer also needs `customer:create`.
const RECEPTIONISTS: &[BuiltinRole] = &[Admin, SalesManager, SalesConsultant, SalesAssistant];
/// Leads of existing customers.
const LEAD_CREATORS: &[BuiltinRole] = &[
    Admin,
    SalesManager,
    SalesConsultant,
    SalesAssistant,
    Marketing,
];
const LEAD_WORKERS: &[BuiltinRole] = &[Admin, SalesManager, SalesConsultant, Marketing];
const LEAD_ASSIGNERS: &[BuiltinRole] = &[Admin, SalesManager, SalesAssistant, Marketing];
const OPPORTUNITY_READERS: &[BuiltinRole] = &[Admin, SalesManager, SalesConsultant, GroupAnalyst];
const OPPORTUNITY_WORKERS: &[BuiltinRole] = &[Admin, SalesManager, SalesConsultant];
const TEST_DRIVE_READERS: &[BuiltinRole] = &[
    Admin,
    SalesManager,
    SalesConsultant,
    SalesAssistant,
    GroupAnalyst,
];
const TEST_DRIVE_BOOKERS: &[BuiltinRole] = &[Admin, SalesManager, SalesConsultant, SalesAssistant];
const FLEET_KEEPERS: &[BuiltinRole] = &[Admin, SalesManager, SalesAssistant];
const SALES_CONFIGURERS: &[BuiltinRole] = &[Admin, SalesManager];
const REPORT_READERS: &[BuiltinRole] = &[
    Admin,
    SalesManager,
    SalesConsultant,
    Marketing,
    GroupAnalyst,
];

fn cases() -> Vec<Case> {
    use Allowed::*;
    let case = |name, method, path, allowed, ok, foreign| Case {
        name,
        method,
        path,
        body: None,
        version: VersionFrom::None,
        allowed,
        ok,
        foreign,
        watch: None,
        denied: StatusCode::FORBIDDEN,
        once: false,
        raw: None,
        out_of_scope: &[],
    };
    vec![
        case(
            "list users",
            Method::GET,
            "/api/v1/users",
            Everyone,
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(
                |n| json!({"username": format!("new{n}"), "display_name": "新同事", "password": "long-enough-1", "role": "sales_consultant"}),
            ),
            watch: Some("/api/v1/users?limit=200"),
            ..case(
                "create user",
                Method::POST,
                "/api/v1/users",
                Only(ADMIN),
                StatusCode::CREATED,
                false,
            )
        },
        case(
            "get user",
            Method::GET,
            "/api/v1/users/{user}",
            Everyone,
            StatusCode::OK,
            true,
        ),
        Case {
            body: Some(|n| json!({"display_name": format!("改名{n}")})),
            version: VersionFrom::AdminGet("/api/v1/users/{user}"),
            watch: Some("/api/v1/users/{user}"),
            ..case(
                "update user",
                Method::PATCH,
                "/api/v1/users/{user}",
                Only(ADMIN),
                StatusCode::OK,
                true,
            )
        },
        Case {
            body: Some(|_| json!({"password": "brand-new-pass-1"})),
            watch: Some("/api/v1/users/{user}"),
            ..case(
                "reset password",
                Method::POST,
                "/api/v1/users/{user}/password-reset",
                Only(ADMIN),
                StatusCode::NO_CONTENT,
                true,
            )
        },
        Case {
            watch: Some("/api/v1/users/{user}"),
            ..case(
                "unlock user",
                Method::POST,
                "/api/v1/users/{user}/unlock",
                Only(ADMIN),
                StatusCode::OK,
                true,
            )
        },
        case(
            "list teams",
            Method::GET,
            "/api/v1/teams",
            Everyone,
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|n| json!({"name": format!("新组{n}")})),
            watch: Some("/api/v1/teams"),
            ..case(
                "create team",
                Method::POST,
                "/api/v1/teams",
                Only(ADMIN),
                StatusCode::CREATED,
                false,
            )
        },
        case(
            "get team",
            Method::GET,
            "/api/v1/teams/{team}",
            Everyone,
            StatusCode::OK,
            true,
        ),
        Case {
            body: Some(|n| json!({"name": format!("销售{n}组")})),
            version: VersionFrom::AdminGet("/api/v1/teams/{team}"),
            watch: Some("/api/v1/teams/{team}"),
            ..case(
                "update team",
                Method::PATCH,
                "/api/v1/teams/{team}",
                Only(ADMIN),
                StatusCode::OK,
                true,
            )
        },
        Case {
            watch: Some("/api/v1/teams"),
            ..case(
                "delete team",
                Method::DELETE,
                "/api/v1/teams/{empty_team}",
                Only(ADMIN),
                StatusCode::NO_CONTENT,
                true,
            )
        },
        case(
            "list departments",
            Method::GET,
            "/api/v1/departments",
            Everyone,
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|n| json!({"name": format!("新部门{n}")})),
            watch: Some("/api/v1/departments"),
            ..case(
                "create department",
                Method::POST,
                "/api/v1/departments",
                Only(ADMIN),
                StatusCode::CREATED,
                false,
            )
        },
        case(
            "get department",
            Method::GET,
            "/api/v1/departments/{department}",
            Everyone,
            StatusCode::OK,
            true,
        ),
        Case {
            body: Some(|n| json!({"name": format!("销售{n}部")})),
            version: VersionFrom::AdminGet("/api/v1/departments/{department}"),
            watch: Some("/api/v1/departments/{department}"),
            ..case(
                "update department",
                Method::PATCH,
                "/api/v1/departments/{department}",
                Only(ADMIN),
                StatusCode::OK,
                true,
            )
        },
        Case {
            // The department still has a team: the admin passes the permission check and
            // meets the business rule.
            watch: Some("/api/v1/departments"),
            ..case(
                "delete department",
                Method::DELETE,
                "/api/v1/departments/{department}",
                Only(ADMIN),
                StatusCode::CONFLICT,
                true,
            )
        },
        case(
            "list roles",
            Method::GET,
            "/api/v1/roles",
            Only(MANAGERS_AND_ANALYST),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(
                |n| json!({"key": format!("custom_{n}"), "name": format!("角色{n}"), "grants": [{"permission": "team:read", "scope": "dealer"}]}),
            ),
            watch: Some("/api/v1/roles"),
            ..case(
                "create role",
                Method::POST,
                "/api/v1/roles",
                Only(ADMIN),
                StatusCode::CREATED,
                false,
            )
        },
        case(
            "get role",
            Method::GET,
            "/api/v1/roles/{role}",
            Only(MANAGERS_AND_ANALYST),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|n| json!({"name": format!("主管{n}")})),
            version: VersionFrom::AdminGet("/api/v1/roles/{role}"),
            watch: Some("/api/v1/roles/{role}"),
            ..case(
                "update role",
                Method::PATCH,
                "/api/v1/roles/{role}",
                Only(ADMIN),
                StatusCode::OK,
                false,
            )
        },
        Case {
            watch: Some("/api/v1/roles"),
            ..case(
                "delete role",
                Method::DELETE,
                "/api/v1/roles/{role}",
                Only(ADMIN),
                StatusCode::NO_CONTENT,
                false,
            )
        },
        case(
            "permission catalog",
            Method::GET,
            "/api/v1/permissions",
            Everyone,
            StatusCode::OK,
            false,
        ),
        case(
            "list dealers",
            Method::GET,
            "/api/v1/dealers",
            Everyone,
            StatusCode::OK,
            false,
        ),
        case(
            "get dealer",
            Method::GET,
            "/api/v1/dealers/{dealer}",
            Everyone,
            StatusCode::OK,
            true,
        ),
        Case {
            body: Some(|_| json!({"time_zone": "Asia/Urumqi"})),
            version: VersionFrom::AdminGet("/api/v1/dealers/{dealer}"),
            watch: Some("/api/v1/dealers/{dealer}"),
            ..case(
                "update dealer",
                Method::PATCH,
                "/api/v1/dealers/{dealer}",
                Only(ADMIN),
                StatusCode::OK,
                true,
            )
        },
        case(
            "list api tokens",
            Method::GET,
            "/api/v1/api-tokens",
            Only(&[Admin, SalesManager, ServiceManager]),
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(
                |n| json!({"name": format!("集成{n}"), "grants": [{"permission": "team:read", "scope": "dealer"}]}),
            ),
            watch: Some("/api/v1/api-tokens?include_revoked=true"),
            ..case(
                "create api token",
                Method::POST,
                "/api/v1/api-tokens",
                Only(ADMIN),
                StatusCode::CREATED,
                false,
            )
        },
        Case {
            watch: Some("/api/v1/api-tokens?include_revoked=true"),
            ..case(
                "revoke api token",
                Method::POST,
                "/api/v1/api-tokens/{token}/revoke",
                Only(ADMIN),
                StatusCode::OK,
                true,
            )
        },
        case(
            "audit log",
            Method::GET,
            "/api/v1/audit-events",
            Everyone,
            StatusCode::OK,
            false,
        ),
        case(
            "me",
            Method::GET,
            "/api/v1/me",
            Everyone,
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|_| json!({"locale": "en"})),
            version: VersionFrom::OwnGet("/api/v1/me", "/user/version"),
            ..case(
                "update me",
                Method::PATCH,
                "/api/v1/me",
                Everyone,
                StatusCode::OK,
                false,
            )
        },
        Case {
            // A wrong current password: every caller reaches the check, none changes anything.
            body: Some(
                |_| json!({"current_password": "not-my-password", "new_password": "another-one-22"}),
            ),
            ..case(
                "change password",
                Method::POST,
                "/api/v1/me/password",
                Everyone,
                StatusCode::UNPROCESSABLE_ENTITY,
                false,
            )
        },
        Case {
            body: Some(|_| json!({"dealer_id": "{dealer}"})),
            ..case(
                "switch to own dealer",
                Method::PUT,
                "/api/v1/me/dealer",
                Everyone,
                StatusCode::NO_CONTENT,
                false,
            )
        },
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
        // The catalog.
        case(
            "get catalog",
            Method::GET,
            "/api/v1/catalog",
            Everyone,
            StatusCode::OK,
            false,
        ),
        Case {
            body: Some(|n| json!({"name": format!("品牌{n}")})),
            watch: Some("/api/v1/catalog"),
            ..case(
                "create brand",
                Method::POST,
                "/api/v1/catalog/brands",
                Only(ADMIN),
                StatusCode::CREATED,
                false,
            )
        },
        Case {
            body: Some(|n| json!({"version": 1, "name": format!("新品牌{n}")})),
            once: true,
            watch: Some("/api/v1/catalog"),
            ..case(
                "update brand",
                Method::PATCH,
                "/api/v1/catalog/brands/{empty_brand}",
                Only(ADMIN),
                StatusCode::OK,
                true,
            )
        },
        Case {
            watch: Some("/api/v1/catalog"),
            ..case(
                "delete brand",
                Method::DELETE,
                "/api/v1/catalog/brands/{empty_brand}",
                Only(ADMIN),
                StatusCode::NO_CONTENT,
                true,
            )
        },
        Case {
            body: Some(|n| json!({"brand_id": "{empty_brand}", "name": format!("车系{n}")})),
            watch: Some("/api/v1/catalog"),
            ..case(
                "create series",
                Method::POST,
                "/api/v1/catalog/series",
                Only(ADMIN),
                StatusCode::UNPROCESSABLE_ENTITY,
                false,
            )
        },
        Case {
            body: Some(|n| json!({"version": 1, "name": format!("车系{n}")})),
            watch: Some("/api/v1/catalog"),
            once: true,
            ..case(
                "update series",
                Method::PATCH,
                "/api/v1/catalog/series/{series}",
                Only(ADMIN),
                StatusCode::OK,
                true,
            )
        },
        Case {
            watch: Some("/api/v1/catalog"),
            ..case(
                "delete series",
                Method::DELETE,
                "/api/v1/catalog/series/{series}",
                Only(ADMIN),
                StatusCode::CONFLICT,
                true,
            )
        },
        Case {
            body: Some(
                |n| json!({"series_id": "{series}", "name": format!("车型{n}"), "model_year": 2026, "body_type": "suv", "powertrain": "bev", "guide_price_fen": 1}),
            ),
            watch: Some("/api/v1/catalog"),
            ..case(
                "create model",
                Method::POST,
                "/api/v1/catalog/models",
                Only(ADMIN),
                StatusCode::CREATED,
                false,
            )
        },
        Case {
            body: Some(|n| json!({"version": 1, "guide_price_fen": 100 + n as i64})),
            watch: Some("/api/v1/catalog"),
            once: true,
            ..case(
                "update model",
                Method::PATCH,
                "/api/v1/catalog/models/{model}",
                Only(ADMIN),
                StatusCode::OK,
                true,
            )
        },
        Case {
            watch: Some("/api/v1/catalog"),
            ..case(
                "delete model",
                Method::DELETE,
                "/api/v1/catalog/models/{model}",
                Only(ADMIN),
                StatusCode::NO_CONTENT,
                true,
            )
        },
        Case {
            raw: Some(
                "品牌,车系,车型,年款,车身,动力,指导价\n吉利,星越L,2.0TD,2026,SUV,汽油,165700\n",
            ),
            watch: Some("/api/v1/catalog"),
            ..case(
                "import catalog",
                Method::POST,
                "/api/v1/catalog/import?dry_run=true",
                Only(ADMIN),
                StatusCode::OK,
                false,
            )
        },
        Case {
            watch: Some("/api/v1/audit-events?action=catalog.published"),
            ..case(
                "publish catalog",
                Method::POST,
                "/api/v1/catalog/publish",
                Only(PUBLISHERS),
                StatusCode::OK,
                false,
            )
        },
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
        // Last: it ends the caller's session.
        case(
            "log out",
            Method::POST,
            "/api/v1/auth/logout",
            Everyone,
            StatusCode::NO_CONTENT,
            false,
        ),
    ]
}

fn fill(template: &str, w: &(DealerFixture, DealerRecords)) -> String {
    let (d, r) = w;
    let s = &r.sales;
    template
        .replace("{fresh_lead}", &s.fresh_lead_id)
        .replace("{pending_lead}", &s.pending_lead_id)
        .replace("{lost_lead}", &s.lost_lead_id)
        .replace("{lead}", &s.lead_id)
        .replace("{opportunity}", &s.opportunity_id)
        .replace("{stage}", &s.stage_id)
        .replace("{car}", &s.car_id)
        .replace("{cancel_booking}", &s.cancel_booking_id)
        .replace("{booking}", &s.booking_id)
        .replace("{consultant}", &r.consultant_id)
        .replace("{customer}", &r.customer_id)
        .replace("{victim}", &r.victim_id)
        .replace("{vehicle}", &r.vehicle_id)
        .replace("{empty_brand}", &r.empty_brand_id)
        .replace("{series}", &r.series_id)
        .replace("{model}", &r.model_id)
        .replace("{source}", &r.source_id)
        .replace("{import}", &r.import_id)
        .replace("{saved_view}", &r.saved_view_id)
        .replace("{activity}", &r.work.activity_id)
        .replace("{activity2}", &r.work.activity2_id)
        .replace("{approval}", &r.work.approval_id)
        .replace("{approval2}", &r.work.approval2_id)
        .replace("{approval3}", &r.work.approval3_id)
        .replace("{job}", &r.work.job_id)
        .replace("{message}", &r.work.message_id)
        .replace("{user}", &d.target_user_id)
        .replace("{team}", &d.team_id)
        .replace("{empty_team}", &d.empty_team_id)
        .replace("{department}", &d.department_id)
        .replace("{role}", &d.custom_role_key)
        .replace("{token}", &d.api_token_id)
        .replace("{dealer}", &d.dealer_id)
}

fn fill_json(value: Value, d: &(DealerFixture, DealerRecords)) -> Value {
    serde_json::from_str(&fill(&value.to_string(), d)).unwrap()
}

fn allowed(case: &Case, role: BuiltinRole) -> bool {
    match case.allowed {
        Allowed::Everyone => true,
        Allowed::Only(roles) => roles.contains(&role),
    }
}

async fn body_for(
    t: &TestApp,
    case: &Case,
    d: &(DealerFixture, DealerRecords),
    admin: &Session,
    caller: &Session,
    n: u32,
) -> Option<Value> {
    let mut body = fill_json(case.body.map(|b| b(n)).unwrap_or(Value::Null), d);
    let versions: Vec<(&str, Option<i64>)> = match case.version {
        VersionFrom::None => Vec::new(),
        VersionFrom::AdminGet(path) => {
            vec![(
                "version",
                t.get(&fill(path, d), Auth::Session(admin)).await.body["version"].as_i64(),
            )]
        }
        VersionFrom::AdminGets(fields) => {
            let mut found = Vec::new();
            for (field, path) in fields {
                found.push((
                    *field,
                    t.get(&fill(path, d), Auth::Session(admin)).await.body["version"].as_i64(),
                ));
            }
            found
        }
        VersionFrom::AdminGetAt(path, pointer) => {
            vec![(
                "version",
                t.get(&fill(path, d), Auth::Session(admin))
                    .await
                    .body
                    .pointer(pointer)
                    .and_then(Value::as_i64),
            )]
        }
        VersionFrom::OwnGet(path, pointer) => {
            vec![(
                "version",
                t.get(path, Auth::Session(caller))
                    .await
                    .body
                    .pointer(pointer)
                    .and_then(Value::as_i64),
            )]
        }
    };
    for (field, version) in versions {
        if let Some(version) = version {
            body.as_object_mut()
                .expect("a versioned body is an object")
                .insert(field.into(), version.into());
        }
    }
    (!body.is_null()).then_some(body)
}

async fn send(
    t: &TestApp,
    case: &Case,
    d: &(DealerFixture, DealerRecords),
    auth: Auth<'_>,
    body: Option<Value>,
) -> super::support::Reply {
    let path = fill(case.path, d);
    match case.raw {
        Some(raw) => t.send_raw(case.method.clone(), &path, auth, raw).await,
        None => t.send(case.method.clone(), &path, auth, body).await,
    }
}

/// What a denied call must leave alone: the audit log and the watched record.
async fn snapshot(
    t: &TestApp,
    case: &Case,
    d: &(DealerFixture, DealerRecords),
    admin: &Session,
) -> (i64, Value) {
    let watched = match case.watch {
        Some(path) => t.get(&fill(path, d), Auth::Session(admin)).await.body,
        None => Value::Null,
    };
    (t.count("audit_events").await, watched)
}

async fn check_world(t: &TestApp, w: &World) {
    let a = &(w.a.clone(), records(t, &w.a).await);
    let b = &(w.b.clone(), records(t, &w.b).await);
    let admin_a = t.login(&a.0.username(Admin)).await;
    let admin_b = t.login(&b.0.username(Admin)).await;
    let mut sessions: HashMap<BuiltinRole, Session> = HashMap::new();
    for role in BuiltinRole::ALL {
        sessions.insert(role, t.login(&a.0.username(role)).await);
    }
    let mut n = 0;
    let mut failures = Vec::new();
    let mut all = cases();
    let log_out = all.pop();
    all.extend(super::matrix_work::cases());
    all.extend(log_out);
    for case in all {
        // Unauthenticated: 401, nothing changes.
        let before = snapshot(t, &case, a, &admin_a).await;
        n += 1;
        let body = body_for(t, &case, a, &admin_a, &admin_a, n).await;
        let reply = send(t, &case, a, Auth::None, body).await;
        if reply.status != StatusCode::UNAUTHORIZED {
            failures.push(format!(
                "{} unauthenticated: {} {:?}",
                case.name, reply.status, reply.body
            ));
        }
        if snapshot(t, &case, a, &admin_a).await != before {
            failures.push(format!("{} unauthenticated changed something", case.name));
        }

        // Another dealer's record: 404 for every role, nothing changes (in either dealer).
        if case.foreign {
            for role in BuiltinRole::ALL {
                let session = &sessions[&role];
                let before = (
                    snapshot(t, &case, a, &admin_a).await,
                    snapshot(t, &case, b, &admin_b).await,
                );
                n += 1;
                let body = body_for(t, &case, b, &admin_b, session, n).await;
                let reply = send(t, &case, b, Auth::Session(session), body).await;
                if reply.status != StatusCode::NOT_FOUND {
                    failures.push(format!(
                        "{} foreign as {role:?}: {} {:?}",
                        case.name, reply.status, reply.body
                    ));
                }
                let after = (
                    snapshot(t, &case, a, &admin_a).await,
                    snapshot(t, &case, b, &admin_b).await,
                );
                if after != before {
                    failures.push(format!(
                        "{} foreign as {role:?} changed something",
                        case.name
                    ));
                }
            }
        }

        // Own dealer: denied roles first (403, nothing changes), then the allowed ones.
        let mut roles: Vec<BuiltinRole> = BuiltinRole::ALL.to_vec();
        roles.sort_by_key(|r| allowed(&case, *r));
        for role in roles {
            let session = &sessions[&role];
            let before = snapshot(t, &case, a, &admin_a).await;
            n += 1;
            let body = body_for(t, &case, a, &admin_a, session, n).await;
            let reply = send(t, &case, a, Auth::Session(session), body).await;
            if allowed(&case, role) {
                if reply.status != case.ok {
                    failures.push(format!(
                        "{} as {role:?}: expected {}, got {} {:?}",
                        case.name, case.ok, reply.status, reply.body
                    ));
                }
                // Deleting, revoking, merging succeed once; later allowed callers get 404.
                if case.once || matches!(case.method, Method::DELETE) {
                    break;
                }
            } else {
                let denied = if case.out_of_scope.contains(&role) {
                    StatusCode::NOT_FOUND
                } else {
                    case.denied
                };
                if reply.status != denied {
                    failures.push(format!(
                        "{} as {role:?}: expected {}, got {} {:?}",
                        case.name, denied, reply.status, reply.body
                    ));
                }
                if snapshot(t, &case, a, &admin_a).await != before {
                    failures.push(format!(
                        "{} denied as {role:?} changed something",
                        case.name
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "permission matrix failures:\n{}",
        failures.join("\n")
    );
}

crate::http_test!(async fn every_endpoint_every_role_own_and_foreign(t) {
    let w = world(&t).await;
    check_world(&t, &w).await;
});
