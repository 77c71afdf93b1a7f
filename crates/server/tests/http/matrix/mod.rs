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
use serde_json::Value;
use std::collections::HashMap;

mod admin;
pub(crate) mod aftersales_insurance;
pub(crate) mod aftersales_repair;
mod aftersales_service;
pub(crate) mod care;
mod catalog;
mod customers;
mod deal;
mod lookups;
mod orders;
mod sales;
mod stock;

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

/// A row with the defaults: no body, no version, 403 when denied.
fn case(
    name: &'static str,
    method: Method,
    path: &'static str,
    allowed: Allowed,
    ok: StatusCode,
    foreign: bool,
) -> Case {
    Case {
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
    }
}

fn cases() -> Vec<Case> {
    use Allowed::*;
    let mut all = Vec::new();
    all.extend(admin::cases());
    all.extend(customers::cases());
    all.extend(catalog::cases());
    all.extend(lookups::cases());
    all.extend(sales::cases());
    all.extend(stock::cases());
    all.extend(deal::cases());
    all.extend(orders::cases());
    all.extend(aftersales_repair::cases());
    all.extend(aftersales_service::cases());
    all.extend(aftersales_insurance::cases());
    all.extend(care::cases());
    // Last: it ends the caller's session.
    all.push(case(
        "log out",
        Method::POST,
        "/api/v1/auth/logout",
        Everyone,
        StatusCode::NO_CONTENT,
        false,
    ));
    all
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
        .replace("{stock_unit}", &r.stock_unit_id)
        .replace("{stock_model}", &r.stock_model_id)
        .replace("{quote}", &r.deal.quote_id)
        .replace("{deal_model}", &r.deal.model_id)
        .replace("{appraisal}", &r.deal.appraisal_id)
        .replace("{config_item}", &r.deal.config_item_id)
        .replace("{order}", &r.order_id)
        .replace("{repair_order}", &r.repair.order_id)
        .replace("{clocked_labour}", &r.repair.clocked_labour_id)
        .replace("{labour}", &r.repair.labour_id)
        .replace("{part_line}", &r.repair.part_line_id)
        .replace("{technician}", &r.repair.technician_id)
        .replace(
            "{deletable_parts_price}",
            &r.repair.deletable_parts_price_id,
        )
        .replace("{parts_price}", &r.repair.parts_price_id)
        .replace("{plan}", &r.service.plan_id)
        .replace("{cancel_appointment}", &r.service.cancel_appointment_id)
        .replace("{appointment}", &r.service.appointment_id)
        .replace("{policy}", &r.insurance.policy_id)
        .replace("{renewal}", &r.insurance.renewal_id)
        .replace("{renewal_agent}", &r.insurance.agent_id)
        .replace("{complaint}", &r.complaint_id)
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
