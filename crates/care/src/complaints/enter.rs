//! Recording a complaint (录入): the customer and what concerns them (car, repair order, order,
//! member of staff), checked to be the dealer's and the customer's; the dealer's next number;
//! the targets of its severity and source fixed at entry; a handler at once when the person
//! entering it may assign. Whoever may assign hears of an unassigned complaint; a handler of
//! theirs.

use super::access::status;
use super::clocks::refresh;
use super::views::{ComplaintDetail, detail};
use super::{SUMMARY_MAX, TEXT_MAX, parse_text};
use crate::Care;
use crate::rules::CareRules;
use chrono::{DateTime, Datelike, Duration, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{
    complaint, complaint_event, customer, order, repair_order, user, vehicle,
};
use forecourt_db::repo::counters::{self, Counters};
use forecourt_db::repo::tenant;
use forecourt_domain::care::complaint::{
    ComplaintCategory, ComplaintSource, ComplaintStatus, Severity,
};
use forecourt_domain::ids::{CustomerId, OrderId, RepairOrderId, UserId, VehicleId};
use forecourt_domain::permission::Permission;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::notifications::{Notice, notify};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;

/// How far ahead an OEM's deadline may lie, in days.
pub const OEM_DEADLINE_MAX_DAYS: i64 = 366;

/// A complaint to record.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewComplaint {
    pub source: ComplaintSource,
    pub category: ComplaintCategory,
    pub severity: Severity,
    /// The customer who complains (a customer of the dealer).
    pub customer_id: CustomerId,
    /// The car concerned: one of the customer's.
    pub vehicle_id: Option<VehicleId>,
    /// The repair order concerned: one of the customer's.
    pub repair_order_id: Option<RepairOrderId>,
    /// The order (contract) concerned: one of the customer's.
    pub order_id: Option<OrderId>,
    /// The member of staff complained about (an active user of the dealer).
    pub staff_id: Option<UserId>,
    /// One line saying what it is about, 1–200 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ SUMMARY_MAX }>)]
    pub summary: String,
    /// What the customer said, 1–2000 characters (line breaks kept).
    #[schema(min_length = 1, max_length = 2000)]
    pub details: String,
    /// The OEM's own deadline: only for `oem_hotline`, in the future and within 366 days.
    pub oem_deadline_at: Option<DateTime<Utc>>,
    /// The handler, given at once: needs `complaint:assign` (else assign it later); an active
    /// user of the dealer.
    pub handler_id: Option<UserId>,
}

/// An active user of the dealer, for `field` (422 `unknown_user` otherwise).
pub(crate) async fn active_user<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    field: &str,
    id: Uuid,
) -> CoreResult<Result<user::Model, FieldError>> {
    Ok(
        match tenant::find::<user::Entity, C>(conn, actor.scope(), id).await? {
            Some(u) if u.status == "active" => Ok(u),
            _ => Err(FieldError::new(
                field,
                "unknown_user",
                "is not an active user of the dealer",
            )),
        },
    )
}

/// Records one step of a complaint, in the caller's transaction.
pub(crate) async fn add_step<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    c: &complaint::Model,
    kind: &str,
    notes: Option<String>,
    by: Option<Uuid>,
    at: DateTime<Utc>,
) -> CoreResult<()> {
    let row = complaint_event::Model {
        id: Uuid::now_v7(),
        dealer_id: c.dealer_id,
        complaint_id: c.id,
        kind: kind.to_owned(),
        notes,
        actor_id: by,
        at,
    };
    tenant::insert::<complaint_event::Entity, _>(conn, actor.scope(), row.dealer_id, row).await?;
    Ok(())
}

/// The complaint's step on the customer's timeline.
pub(crate) async fn on_timeline<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    c: &complaint::Model,
    kind: &'static str,
    at: DateTime<Utc>,
) -> CoreResult<()> {
    let data = json!({
        "complaint_id": c.id,
        "number": c.number,
        "summary": c.summary,
        "severity": c.severity,
        "status": c.status,
    });
    timeline::record(
        conn,
        actor,
        vec![TimelineEvent::new(c.customer_id, kind, data).about("complaint", c.id)],
        at,
    )
    .await
}

/// Tells `users` of a complaint with the notice `kind`.
pub(crate) async fn tell<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    c: &complaint::Model,
    users: Vec<Uuid>,
    kind: &'static str,
    at: DateTime<Utc>,
) -> CoreResult<()> {
    let mut params = serde_json::Map::new();
    params.insert("number".into(), c.number.clone().into());
    params.insert("summary".into(), c.summary.clone().into());
    let mut seen = Vec::new();
    let notices = users
        .into_iter()
        .filter(|u| {
            let fresh = !seen.contains(u);
            seen.push(*u);
            fresh
        })
        .map(|user_id| Notice {
            user_id,
            kind,
            params: params.clone(),
            link: Some(format!("/complaints/{}", c.id)),
            reference: Some(("complaint", c.id)),
        })
        .collect();
    notify(conn, actor, notices, at).await
}

/// The active users holding `permission` at the dealer's scope.
pub(crate) async fn holders<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    permission: Permission,
) -> CoreResult<Vec<Uuid>> {
    Ok(
        forecourt_kernel::approvals::approvers(conn, actor, permission, Uuid::nil())
            .await?
            .into_iter()
            .map(|u| u.id)
            .collect(),
    )
}

impl Care<'_> {
    /// Records a complaint. Needs `complaint:enter` (and `complaint:assign` to give it a
    /// handler at once). Bad fields 422 naming each: a customer, car, repair order or order
    /// not the dealer's or not the customer's, an inactive member of staff, an OEM deadline on
    /// another source or in the past.
    pub async fn enter_complaint(
        &self,
        actor: &Actor,
        input: NewComplaint,
    ) -> CoreResult<ComplaintDetail> {
        actor.require(Permission::ComplaintEnter)?;
        if input.handler_id.is_some() {
            actor.require(Permission::ComplaintAssign)?;
        }
        let now = self.now();
        let today = self.today(actor);
        let mut errors = FieldErrors::new();
        let summary = errors.check(parse_text(
            "summary",
            Some(&input.summary),
            SUMMARY_MAX,
            false,
        ));
        let details = errors.check(parse_text("details", Some(&input.details), TEXT_MAX, false));
        if let Some(summary) = summary.as_ref().and_then(|s| s.as_ref())
            && summary.contains('\n')
        {
            errors.push(FieldError::new(
                "summary",
                "invalid_format",
                "must be one line",
            ));
        }
        match (input.source, input.oem_deadline_at) {
            (ComplaintSource::OemHotline, Some(at))
                if at <= now || at > now + Duration::days(OEM_DEADLINE_MAX_DAYS) =>
            {
                errors.push(
                    FieldError::new(
                        "oem_deadline_at",
                        "out_of_range",
                        "must be in the future, within a year",
                    )
                    .with_param("max_days", OEM_DEADLINE_MAX_DAYS),
                )
            }
            (ComplaintSource::OemHotline, _) | (_, None) => {}
            (_, Some(_)) => errors.push(FieldError::new(
                "oem_deadline_at",
                "not_allowed",
                "is only given for a complaint forwarded by the OEM's hotline",
            )),
        }
        let tx = self.db().begin().await?;
        let scope = actor.scope();
        let customer_id = input.customer_id.uuid();
        let customer = match tenant::find::<customer::Entity, _>(&*tx, scope, customer_id).await? {
            Some(c) if c.status != "merged" => Some(c),
            _ => {
                errors.push(FieldError::new(
                    "customer_id",
                    "unknown_customer",
                    "is not a customer of the dealer",
                ));
                None
            }
        };
        if let Some(id) = input.vehicle_id {
            let car = tenant::find::<vehicle::Entity, _>(&*tx, scope, id.uuid()).await?;
            if car.is_none_or(|v| v.owner_customer_id != Some(customer_id)) {
                errors.push(FieldError::new(
                    "vehicle_id",
                    "not_customers_vehicle",
                    "is not a car of the customer",
                ));
            }
        }
        if let Some(id) = input.repair_order_id {
            let ro = tenant::find::<repair_order::Entity, _>(&*tx, scope, id.uuid()).await?;
            if ro.is_none_or(|r| r.customer_id != customer_id) {
                errors.push(FieldError::new(
                    "repair_order_id",
                    "not_customers_repair_order",
                    "is not a repair order of the customer",
                ));
            }
        }
        if let Some(id) = input.order_id {
            let o = tenant::find::<order::Entity, _>(&*tx, scope, id.uuid()).await?;
            if o.is_none_or(|o| o.customer_id != customer_id) {
                errors.push(FieldError::new(
                    "order_id",
                    "not_customers_order",
                    "is not an order of the customer",
                ));
            }
        }
        for (field, id) in [
            ("staff_id", input.staff_id),
            ("handler_id", input.handler_id),
        ] {
            if let Some(id) = id
                && let Err(e) = active_user(&*tx, actor, field, id.uuid()).await?
            {
                errors.push(e);
            }
        }
        errors.finish()?;
        let (Some(customer), Some(Some(summary)), Some(Some(details))) =
            (customer, summary, details)
        else {
            return Err(CoreError::invalid(FieldError::required("customer_id")));
        };
        let rules = CareRules::load(&*tx, actor, today).await?;
        let (first, resolution) = rules.targets_for(input.severity, input.source);
        let year = today.year();
        let n = counters::next(&*tx, scope, Counters::Care, &format!("complaint:{year}")).await?;
        let handler = input.handler_id.map(UserId::uuid);
        let mut row = complaint::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            number: format!("TS{year}{n:06}"),
            source: input.source.as_str().to_owned(),
            category: input.category.as_str().to_owned(),
            severity: input.severity.as_str().to_owned(),
            customer_id: customer.id,
            vehicle_id: input.vehicle_id.map(VehicleId::uuid),
            repair_order_id: input.repair_order_id.map(RepairOrderId::uuid),
            order_id: input.order_id.map(OrderId::uuid),
            staff_id: input.staff_id.map(UserId::uuid),
            summary,
            details,
            status: if handler.is_some() {
                ComplaintStatus::Assigned
            } else {
                ComplaintStatus::Entered
            }
            .as_str()
            .to_owned(),
            handler_id: handler,
            entered_by: actor.user_id().uuid(),
            entered_at: now,
            oem_deadline_at: input.oem_deadline_at,
            first_response_minutes: first,
            resolution_minutes: resolution,
            resolution_started_at: now,
            first_response_due_at: None,
            resolution_due_at: None,
            first_responded_at: None,
            resolved_at: None,
            resolved_by: None,
            agreement: None,
            verified_by: None,
            closed_at: None,
            waiting_since: None,
            cycle: 0,
            first_response_breached: false,
            resolution_breached: false,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        refresh(&rules, &mut row, &[], now);
        let created = tenant::insert::<complaint::Entity, _>(&*tx, scope, row.dealer_id, row)
            .await
            .map_err(|e| CoreError::from_db("complaint", e))?;
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        let me = Some(actor.user_id().uuid());
        add_step(&*tx, actor, &created, "entered", None, me, now).await?;
        on_timeline(&*tx, actor, &created, "complaint.entered", now).await?;
        match handler {
            Some(h) => {
                add_step(&*tx, actor, &created, "assigned", None, me, now).await?;
                tell(&*tx, actor, &created, vec![h], "complaint.assigned", now).await?;
            }
            None => {
                let managers = holders(&*tx, actor, Permission::ComplaintAssign).await?;
                tell(&*tx, actor, &created, managers, "complaint.entered", now).await?;
            }
        }
        debug_assert!(status(&created).is_open());
        let events = forecourt_db::repo::care::events_of(&*tx, scope, created.id).await?;
        let view = detail(&*tx, actor, &rules, &[], &events, &[], now, &created).await?;
        tx.commit().await?;
        Ok(view)
    }
}
