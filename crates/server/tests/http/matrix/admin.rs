//! The permission matrix's rows for administration: users, teams, departments, roles,
//! dealers, API tokens, the audit log and the caller's own account.

use super::{ADMIN, Allowed, Case, MANAGERS_AND_ANALYST, VersionFrom, case};
use axum::http::{Method, StatusCode};
use forecourt_domain::role::BuiltinRole::*;
use serde_json::json;

pub(super) fn cases() -> Vec<Case> {
    use Allowed::*;
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
    ]
}
