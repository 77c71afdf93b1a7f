//! What a reader sees of a renewal: the car, the customer with a phone to call (whole when the
//! reader may unmask it), the current policy, the agent, days left, and on its own page the
//! calls and quotes. A page of renewals is rendered with one query per kind of row.

use super::access::status;
use super::policies::{PolicyView, view as policy_view};
use chrono::{DateTime, NaiveDate, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{customer, insurance_policy, renewal, renewal_event, user, vehicle};
use forecourt_db::repo::{customers, insurance, tenant, users};
use forecourt_domain::aftersales::renewal::RenewalStatus;
use forecourt_domain::ids::{
    ActivityId, CustomerId, InsurancePolicyId, RenewalId, TeamId, UserId, VehicleId,
};
use forecourt_domain::masking::mask_phone;
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// A person referred to by a renewal.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RenewalPerson {
    pub id: UserId,
    pub display_name: String,
}

/// The car of a renewal.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RenewalCar {
    pub id: VehicleId,
    pub plate: Option<String>,
    pub vin: Option<String>,
    /// Brand, series and model as recorded (`大众 途观L 330TSI`).
    pub label: String,
}

/// The customer of a renewal, with the number to call.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RenewalCustomer {
    pub id: CustomerId,
    pub name: String,
    /// The primary phone: whole when the reader may unmask it (`pii:unmask_phone`), else
    /// masked (`138****5678`).
    pub phone: Option<String>,
    /// Whether `phone` is whole (it can be dialled).
    pub phone_whole: bool,
}

/// A renewal as listed.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RenewalView {
    pub id: RenewalId,
    /// `open`, `renewed_here`, `renewed_elsewhere` or `lost`.
    pub status: RenewalStatus,
    /// The day the current policy ends.
    pub due_on: NaiveDate,
    /// Days from today (the dealer's calendar) to `due_on`; negative once it has passed.
    pub days_left: i64,
    pub agent: Option<RenewalPerson>,
    pub car: Option<RenewalCar>,
    pub customer: Option<RenewalCustomer>,
    /// The policy being renewed.
    pub policy: Option<PolicyView>,
    /// The insurer it was renewed with (here or elsewhere).
    pub insurer: Option<String>,
    /// Why it was lost: `price`, `service`, `moved`, `sold_car`, `other`.
    pub lost_reason: Option<String>,
    /// The new policy, when renewed here.
    pub new_policy_id: Option<InsurancePolicyId>,
    /// The agent's open call task, if one is planned.
    pub task_id: Option<ActivityId>,
    /// When it was closed (UTC).
    pub closed_at: Option<DateTime<Utc>>,
    /// When it was opened (UTC).
    pub created_at: DateTime<Utc>,
    /// Its version; send it back with the result.
    pub version: i64,
}

/// A call or a quote on a renewal.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RenewalEventView {
    pub id: Uuid,
    /// `call` or `quote`.
    pub kind: String,
    /// A call's outcome: `no_answer`, `call_back`, `interested`, `quoted`, `declined`.
    pub outcome: Option<String>,
    /// A quote's insurer.
    pub insurer: Option<String>,
    /// A quote's premium in fen.
    pub premium_fen: Option<i64>,
    pub notes: Option<String>,
    /// Who logged it.
    pub by: Option<RenewalPerson>,
    /// When (UTC).
    pub at: DateTime<Utc>,
}

/// A renewal with its calls and quotes, oldest first.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RenewalDetail {
    pub renewal: RenewalView,
    pub events: Vec<RenewalEventView>,
}

fn person(people: &HashMap<Uuid, user::Model>, id: Uuid) -> Option<RenewalPerson> {
    people.get(&id).map(|u| RenewalPerson {
        id: UserId::from_uuid(u.id),
        display_name: u.display_name.clone(),
    })
}

fn car_label(v: &vehicle::Model) -> String {
    [&v.brand, &v.series, &v.model]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Renders renewals for a reader, one query per kind of row.
pub async fn views<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    now: DateTime<Utc>,
    rows: &[renewal::Model],
) -> CoreResult<Vec<RenewalView>> {
    let scope = actor.scope();
    let ids = |f: fn(&renewal::Model) -> Option<Uuid>| {
        let mut v: Vec<Uuid> = rows.iter().filter_map(f).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let cars: HashMap<Uuid, vehicle::Model> =
        tenant::find_many::<vehicle::Entity, _>(conn, scope, &ids(|r| Some(r.vehicle_id)))
            .await?
            .into_iter()
            .map(|v| (v.id, v))
            .collect();
    let customer_ids = ids(|r| r.customer_id);
    let people: HashMap<Uuid, customer::Model> =
        tenant::find_many::<customer::Entity, _>(conn, scope, &customer_ids)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
    let mut phones: HashMap<Uuid, String> = HashMap::new();
    for p in customers::phones_of(conn, scope, &customer_ids).await? {
        phones.entry(p.customer_id).or_insert(p.number);
    }
    let policies: HashMap<Uuid, insurance_policy::Model> =
        tenant::find_many::<insurance_policy::Entity, _>(conn, scope, &ids(|r| Some(r.policy_id)))
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
    let mut user_ids = ids(|r| r.agent_id);
    user_ids.extend(people.values().filter_map(|c| c.owner_id));
    let staff: HashMap<Uuid, user::Model> = users::find_many(conn, scope, &user_ids)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let today = actor.time_zone().local_date(now);
    Ok(rows
        .iter()
        .map(|r| {
            let customer = r.customer_id.and_then(|id| people.get(&id)).map(|c| {
                let owner = c.owner_id.map(UserId::from_uuid);
                let team = c
                    .owner_id
                    .and_then(|o| staff.get(&o))
                    .and_then(|u| u.team_id)
                    .map(TeamId::from_uuid);
                let whole = actor.reaches(Permission::PiiUnmaskPhone, owner, team);
                RenewalCustomer {
                    id: CustomerId::from_uuid(c.id),
                    name: c.name.clone(),
                    phone: phones
                        .get(&c.id)
                        .map(|n| if whole { n.clone() } else { mask_phone(n) }),
                    phone_whole: whole,
                }
            });
            RenewalView {
                id: RenewalId::from_uuid(r.id),
                status: status(r),
                due_on: r.due_on,
                days_left: (r.due_on - today).num_days(),
                agent: r.agent_id.and_then(|a| person(&staff, a)),
                car: cars.get(&r.vehicle_id).map(|v| RenewalCar {
                    id: VehicleId::from_uuid(v.id),
                    plate: v.plate.clone(),
                    vin: v.vin.clone(),
                    label: car_label(v),
                }),
                customer,
                policy: policies.get(&r.policy_id).map(policy_view),
                insurer: r.insurer.clone(),
                lost_reason: r.lost_reason.clone(),
                new_policy_id: r.new_policy_id.map(InsurancePolicyId::from_uuid),
                task_id: r.task_id.map(ActivityId::from_uuid),
                closed_at: r.closed_at,
                created_at: r.created_at,
                version: r.version,
            }
        })
        .collect())
}

/// A renewal with its calls and quotes.
pub async fn detail<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    now: DateTime<Utc>,
    row: &renewal::Model,
) -> CoreResult<RenewalDetail> {
    let renewal = views(conn, actor, now, std::slice::from_ref(row))
        .await?
        .pop()
        .ok_or(CoreError::not_found("renewal"))?;
    let events = insurance::events_of(conn, actor.scope(), row.id).await?;
    let mut by: Vec<Uuid> = events.iter().map(|e| e.actor_id).collect();
    by.sort_unstable();
    by.dedup();
    let staff: HashMap<Uuid, user::Model> = users::find_many(conn, actor.scope(), &by)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    Ok(RenewalDetail {
        renewal,
        events: events
            .iter()
            .map(|e: &renewal_event::Model| RenewalEventView {
                id: e.id,
                kind: e.kind.clone(),
                outcome: e.outcome.clone(),
                insurer: e.insurer.clone(),
                premium_fen: e.premium_fen,
                notes: e.notes.clone(),
                by: person(&staff, e.actor_id),
                at: e.at,
            })
            .collect(),
    })
}
