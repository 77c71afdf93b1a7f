//! The permission matrix: every endpoint × every built-in role × a record of the caller's
//! dealer and one of another dealer (of the same group) → the expected status. A denied or
//! failed write must change nothing: the audit log (which every write appends to) and the
//! record stay as they were.
//!
//! Later modules add their endpoints to [`cases`].

use super::support::{Auth, DealerFixture, Session, TestApp, World, world};
use axum::http::{Method, StatusCode};
use forecourt_domain::role::BuiltinRole;
use forecourt_domain::role::BuiltinRole::*;
use serde_json::{Value, json};
use std::collections::HashMap;

/// Who may call an endpoint.
#[derive(Clone, Copy, Debug)]
enum Allowed {
    /// Every signed-in user.
    Everyone,
    Only(&'static [BuiltinRole]),
}

/// Where the `version` of a PATCH body comes from.
#[derive(Clone, Copy, Debug)]
enum VersionFrom {
    None,
    /// Read at this path by the dealer's admin.
    AdminGet(&'static str),
    /// Read at this path by the caller, at a JSON pointer.
    OwnGet(&'static str, &'static str),
}

struct Case {
    name: &'static str,
    method: Method,
    /// With placeholders filled from a dealer fixture: {user} {team} {empty_team}
    /// {department} {role} {token} {dealer}.
    path: &'static str,
    body: Option<fn(u32) -> Value>,
    version: VersionFrom,
    allowed: Allowed,
    /// The status an allowed caller gets (2xx, or a business-rule answer that proves the
    /// permission check was passed).
    ok: StatusCode,
    /// Whether the path names a record, so the other dealer's record must be 404 for everyone.
    foreign: bool,
    /// What to compare before and after a denied call (read by the admin).
    watch: Option<&'static str>,
}

const MANAGERS_AND_ANALYST: &[BuiltinRole] = &[Admin, SalesManager, ServiceManager, GroupAnalyst];
const ADMIN: &[BuiltinRole] = &[Admin];

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

fn fill(template: &str, d: &DealerFixture) -> String {
    template
        .replace("{user}", &d.target_user_id)
        .replace("{team}", &d.team_id)
        .replace("{empty_team}", &d.empty_team_id)
        .replace("{department}", &d.department_id)
        .replace("{role}", &d.custom_role_key)
        .replace("{token}", &d.api_token_id)
        .replace("{dealer}", &d.dealer_id)
}

fn fill_json(value: Value, d: &DealerFixture) -> Value {
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
    d: &DealerFixture,
    admin: &Session,
    caller: &Session,
    n: u32,
) -> Option<Value> {
    let mut body = fill_json(case.body.map(|b| b(n)).unwrap_or(Value::Null), d);
    let version = match case.version {
        VersionFrom::None => None,
        VersionFrom::AdminGet(path) => {
            t.get(&fill(path, d), Auth::Session(admin)).await.body["version"].as_i64()
        }
        VersionFrom::OwnGet(path, pointer) => t
            .get(path, Auth::Session(caller))
            .await
            .body
            .pointer(pointer)
            .and_then(Value::as_i64),
    };
    if let Some(version) = version {
        body.as_object_mut()
            .expect("a PATCH body is an object")
            .insert("version".into(), version.into());
    }
    (!body.is_null()).then_some(body)
}

/// What a denied call must leave alone: the audit log and the watched record.
async fn snapshot(t: &TestApp, case: &Case, d: &DealerFixture, admin: &Session) -> (i64, Value) {
    let watched = match case.watch {
        Some(path) => t.get(&fill(path, d), Auth::Session(admin)).await.body,
        None => Value::Null,
    };
    (t.count("audit_events").await, watched)
}

async fn check_world(t: &TestApp, w: &World) {
    let a = &w.a;
    let b = &w.b;
    let admin_a = t.login(&a.username(Admin)).await;
    let admin_b = t.login(&b.username(Admin)).await;
    let mut sessions: HashMap<BuiltinRole, Session> = HashMap::new();
    for role in BuiltinRole::ALL {
        sessions.insert(role, t.login(&a.username(role)).await);
    }
    let mut n = 0;
    let mut failures = Vec::new();
    for case in cases() {
        // Unauthenticated: 401, nothing changes.
        let before = snapshot(t, &case, a, &admin_a).await;
        n += 1;
        let body = body_for(t, &case, a, &admin_a, &admin_a, n).await;
        let reply = t
            .send(case.method.clone(), &fill(case.path, a), Auth::None, body)
            .await;
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
                let reply = t
                    .send(
                        case.method.clone(),
                        &fill(case.path, b),
                        Auth::Session(session),
                        body,
                    )
                    .await;
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
            let reply = t
                .send(
                    case.method.clone(),
                    &fill(case.path, a),
                    Auth::Session(session),
                    body,
                )
                .await;
            if allowed(&case, role) {
                if reply.status != case.ok {
                    failures.push(format!(
                        "{} as {role:?}: expected {}, got {} {:?}",
                        case.name, case.ok, reply.status, reply.body
                    ));
                }
                // Deleting or revoking a fixture succeeds once; later allowed callers get 404.
                if matches!(case.method, Method::DELETE) || case.name == "revoke api token" {
                    break;
                }
            } else {
                if reply.status != StatusCode::FORBIDDEN || reply.code() != "forbidden" {
                    failures.push(format!(
                        "{} as {role:?}: expected 403, got {} {:?}",
                        case.name, reply.status, reply.body
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
