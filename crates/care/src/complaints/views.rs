//! What a reader sees of a complaint: the customer (the phone whole only for a reader who may
//! unmask the customer's), the car, the people, both clocks and where they stand, and — for one
//! complaint — its steps and every escalation fired.

use crate::complaints::access::status;
use crate::complaints::clocks::{clock, pauses_of};
use crate::rules::CareRules;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{
    complaint, complaint_escalation, complaint_event, complaint_pause, customer, user, vehicle,
};
use forecourt_db::repo::{customers, tenant, users};
use forecourt_domain::care::complaint::{
    ComplaintCategory, ComplaintSource, ComplaintStatus, Severity, SlaClock,
};
use forecourt_domain::care::escalation::{EscalationStep, instants};
use forecourt_domain::ids::{
    ComplaintId, CustomerId, OrderId, RepairOrderId, TeamId, UserId, VehicleId,
};
use forecourt_domain::masking::mask_phone;
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// A member of staff.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CarePerson {
    pub id: UserId,
    pub display_name: String,
}

/// The customer who complained.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ComplaintCustomer {
    pub id: CustomerId,
    pub name: String,
    /// The primary phone: whole when the reader may unmask it (`pii:unmask_phone`), else
    /// masked (`138****5678`).
    pub phone: Option<String>,
    /// Whether `phone` is whole (it can be dialled for the call-back).
    pub phone_whole: bool,
}

/// The car concerned.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ComplaintCar {
    pub id: VehicleId,
    pub plate: Option<String>,
    pub vin: Option<String>,
}

/// Where a complaint's running clock stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SlaState {
    /// Time left, before the warning share.
    OnTrack,
    /// Past the warning share: about to breach.
    AtRisk,
    /// Past its due instant.
    Breached,
    /// Waiting for the customer: the clocks stand still.
    Paused,
    /// Both clocks stopped (handled, verified or closed).
    Done,
}

/// A complaint as listed.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ComplaintView {
    pub id: ComplaintId,
    /// The dealer's number, `TS` + year + six digits.
    pub number: String,
    pub status: ComplaintStatus,
    pub source: ComplaintSource,
    pub category: ComplaintCategory,
    pub severity: Severity,
    pub summary: String,
    pub customer: Option<ComplaintCustomer>,
    pub car: Option<ComplaintCar>,
    pub repair_order_id: Option<RepairOrderId>,
    pub order_id: Option<OrderId>,
    /// The member of staff complained about.
    pub staff: Option<CarePerson>,
    pub handler: Option<CarePerson>,
    pub entered_by: Option<CarePerson>,
    pub entered_at: DateTime<Utc>,
    /// The OEM's own deadline of a forwarded complaint (厂家转办).
    pub oem_deadline_at: Option<DateTime<Utc>>,
    /// When the first answer is due (absent while waiting for the customer).
    pub first_response_due_at: Option<DateTime<Utc>>,
    pub first_responded_at: Option<DateTime<Utc>>,
    /// When the resolution is due (absent while waiting for the customer).
    pub resolution_due_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    /// Set while waiting for the customer.
    pub waiting_since: Option<DateTime<Utc>>,
    /// Which clock is running (absent when both stopped).
    pub running_clock: Option<SlaClock>,
    pub sla_state: SlaState,
    /// How many times it was reopened.
    pub cycle: i32,
    pub first_response_breached: bool,
    pub resolution_breached: bool,
    pub version: i64,
}

/// A step of a complaint.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ComplaintStep {
    /// `entered`, `assigned`, `responded`, `action`, `waiting`, `resumed`, `resolved`,
    /// `closed` (verified), `rejected` (the call-back found it not right), `reopened`,
    /// `escalated`.
    pub kind: String,
    pub notes: Option<String>,
    /// Absent for the system's steps (escalations).
    pub actor: Option<CarePerson>,
    pub at: DateTime<Utc>,
}

/// An escalation fired.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ComplaintEscalationView {
    pub clock: SlaClock,
    pub step: EscalationStep,
    /// The complaint's cycle (reopenings) it belongs to.
    pub cycle: i32,
    pub due_at: DateTime<Utc>,
    pub fired_at: DateTime<Utc>,
}

/// One complaint in full.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ComplaintDetail {
    pub complaint: ComplaintView,
    pub details: String,
    /// What was agreed with the customer.
    pub agreement: Option<String>,
    pub resolved_by: Option<CarePerson>,
    /// Who verified it with the customer.
    pub verified_by: Option<CarePerson>,
    pub steps: Vec<ComplaintStep>,
    pub escalations: Vec<ComplaintEscalationView>,
}

/// The running clock of a complaint and where it stands at `now`.
pub fn sla_state(
    rules: &CareRules,
    c: &complaint::Model,
    pauses: &[forecourt_domain::care::sla::Pause],
    now: DateTime<Utc>,
) -> (Option<SlaClock>, SlaState) {
    let running = if c.first_responded_at.is_none() && status(c) != ComplaintStatus::Closed {
        Some(SlaClock::FirstResponse)
    } else if c.resolved_at.is_none() && status(c) != ComplaintStatus::Closed {
        Some(SlaClock::Resolution)
    } else {
        None
    };
    let Some(which) = running else {
        return (None, SlaState::Done);
    };
    if c.waiting_since.is_some() {
        return (running, SlaState::Paused);
    }
    let steps = instants(&rules.calendar, &clock(c, which, pauses), rules.ladder);
    let reached = |step: EscalationStep| steps.iter().any(|(s, at)| *s == step && *at <= now);
    let state = if reached(EscalationStep::Breach) {
        SlaState::Breached
    } else if reached(EscalationStep::Warning) {
        SlaState::AtRisk
    } else {
        SlaState::OnTrack
    };
    (running, state)
}

/// The views of `rows`, with one query per kind of related record.
pub async fn views<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    rules: &CareRules,
    pauses: &[complaint_pause::Model],
    now: DateTime<Utc>,
    rows: &[complaint::Model],
) -> CoreResult<Vec<ComplaintView>> {
    let scope = actor.scope();
    let ids = |f: &dyn Fn(&complaint::Model) -> Option<Uuid>| -> Vec<Uuid> {
        let mut v: Vec<Uuid> = rows.iter().filter_map(f).collect();
        v.sort();
        v.dedup();
        v
    };
    let people: HashMap<Uuid, customer::Model> =
        tenant::find_many::<customer::Entity, _>(conn, scope, &ids(&|c| Some(c.customer_id)))
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
    let customer_ids: Vec<Uuid> = people.keys().copied().collect();
    let mut phones: HashMap<Uuid, String> = HashMap::new();
    for p in customers::phones_of(conn, scope, &customer_ids).await? {
        phones.entry(p.customer_id).or_insert(p.number);
    }
    let cars: HashMap<Uuid, vehicle::Model> =
        tenant::find_many::<vehicle::Entity, _>(conn, scope, &ids(&|c| c.vehicle_id))
            .await?
            .into_iter()
            .map(|v| (v.id, v))
            .collect();
    let mut user_ids = ids(&|c| c.handler_id);
    user_ids.extend(ids(&|c| c.staff_id));
    user_ids.extend(ids(&|c| Some(c.entered_by)));
    user_ids.extend(people.values().filter_map(|c| c.owner_id));
    let staff = staff_of(conn, actor, &user_ids).await?;
    Ok(rows
        .iter()
        .map(|c| {
            let customer = people.get(&c.customer_id).map(|p| {
                let owner = p.owner_id.map(UserId::from_uuid);
                let team = p
                    .owner_id
                    .and_then(|o| staff.get(&o))
                    .and_then(|u| u.team_id)
                    .map(TeamId::from_uuid);
                let whole = actor.reaches(Permission::PiiUnmaskPhone, owner, team);
                ComplaintCustomer {
                    id: CustomerId::from_uuid(p.id),
                    name: p.name.clone(),
                    phone: phones
                        .get(&p.id)
                        .map(|n| if whole { n.clone() } else { mask_phone(n) }),
                    phone_whole: whole,
                }
            });
            let own_pauses = pauses_of(pauses, c.id);
            let (running_clock, state) = sla_state(rules, c, &own_pauses, now);
            ComplaintView {
                id: ComplaintId::from_uuid(c.id),
                number: c.number.clone(),
                status: status(c),
                source: ComplaintSource::parse(&c.source).unwrap_or(ComplaintSource::WalkIn),
                category: ComplaintCategory::parse(&c.category).unwrap_or(ComplaintCategory::Other),
                severity: Severity::parse(&c.severity).unwrap_or(Severity::Medium),
                summary: c.summary.clone(),
                customer,
                car: c
                    .vehicle_id
                    .and_then(|v| cars.get(&v))
                    .map(|v| ComplaintCar {
                        id: VehicleId::from_uuid(v.id),
                        plate: v.plate.clone(),
                        vin: v.vin.clone(),
                    }),
                repair_order_id: c.repair_order_id.map(RepairOrderId::from_uuid),
                order_id: c.order_id.map(OrderId::from_uuid),
                staff: c.staff_id.and_then(|u| person(&staff, u)),
                handler: c.handler_id.and_then(|u| person(&staff, u)),
                entered_by: person(&staff, c.entered_by),
                entered_at: c.entered_at,
                oem_deadline_at: c.oem_deadline_at,
                first_response_due_at: c.first_response_due_at,
                first_responded_at: c.first_responded_at,
                resolution_due_at: c.resolution_due_at,
                resolved_at: c.resolved_at,
                closed_at: c.closed_at,
                waiting_since: c.waiting_since,
                running_clock,
                sla_state: state,
                cycle: c.cycle,
                first_response_breached: c.first_response_breached,
                resolution_breached: c.resolution_breached,
                version: c.version,
            }
        })
        .collect())
}

/// The staff with these ids, by id.
pub async fn staff_of<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    ids: &[Uuid],
) -> CoreResult<HashMap<Uuid, user::Model>> {
    Ok(users::find_many(conn, actor.scope(), ids)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect())
}

/// A member of staff by id.
pub fn person(staff: &HashMap<Uuid, user::Model>, id: Uuid) -> Option<CarePerson> {
    staff.get(&id).map(|u| CarePerson {
        id: UserId::from_uuid(u.id),
        display_name: u.display_name.clone(),
    })
}

/// One complaint in full.
#[allow(clippy::too_many_arguments)]
pub async fn detail<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    rules: &CareRules,
    pauses: &[complaint_pause::Model],
    events: &[complaint_event::Model],
    escalations: &[complaint_escalation::Model],
    now: DateTime<Utc>,
    c: &complaint::Model,
) -> CoreResult<ComplaintDetail> {
    let view = views(conn, actor, rules, pauses, now, std::slice::from_ref(c))
        .await?
        .remove(0);
    let mut ids: Vec<Uuid> = events.iter().filter_map(|e| e.actor_id).collect();
    ids.extend(c.resolved_by);
    ids.extend(c.verified_by);
    let staff = staff_of(conn, actor, &ids).await?;
    Ok(ComplaintDetail {
        complaint: view,
        details: c.details.clone(),
        agreement: c.agreement.clone(),
        resolved_by: c.resolved_by.and_then(|u| person(&staff, u)),
        verified_by: c.verified_by.and_then(|u| person(&staff, u)),
        steps: events
            .iter()
            .map(|e| ComplaintStep {
                kind: e.kind.clone(),
                notes: e.notes.clone(),
                actor: e.actor_id.and_then(|u| person(&staff, u)),
                at: e.at,
            })
            .collect(),
        escalations: escalations
            .iter()
            .map(|e| ComplaintEscalationView {
                clock: SlaClock::parse(&e.clock).unwrap_or(SlaClock::Resolution),
                step: match e.step.as_str() {
                    "warning" => EscalationStep::Warning,
                    "senior" => EscalationStep::Senior,
                    _ => EscalationStep::Breach,
                },
                cycle: e.cycle,
                due_at: e.due_at,
                fired_at: e.fired_at,
            })
            .collect(),
    })
}
