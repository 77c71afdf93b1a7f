//! Recording a visit, in the caller's transaction.
//!
//! 1. The form is checked (every field, all problems at once).
//! 2. The customer is found by phone, or created — under the phone's write lock, so twin
//!    requests find one customer.
//! 3. Under the customer's write lock: a visit of the same customer less than 30 minutes
//!    before or after is the same visit (409), so a double tap records it once.
//! 4. The lead: the customer's open lead, else a new one. Whoever may work that lead (its
//!    consultant, their manager, an assistant with the dealer's leads, or anyone for a lead in
//!    the pool) updates it: grade, schedule, the cars looked at, the companions. A colleague's
//!    lead the caller may not work keeps its grade and schedule; the visit is recorded on it,
//!    its consultant and their manager are told who received the customer, and the caller
//!    learns only whose customer it is. A loss waiting for approval is withdrawn either way:
//!    the customer is back.

mod effects;
mod form;

use super::ReceptionView;
use super::{NewReception, ReceptionOutcome, VisitCompanion, reception_views};
use crate::catalog_names::{CatalogNames, with_cars};
use crate::leads::access::may_work;
use crate::leads::views::lead_views;
use crate::leads::write::LeadDraft;
use crate::leads::write::{
    Origin, insert_lead, link_customer, lock_customer, record_grade, regrade, reschedule,
};
use crate::settings::effective;
use chrono::{DateTime, Duration, Utc};
use effects::{keep_companions, tell_owner, withdraw_loss};
use forecourt_customers::OwnerView;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{customer, lead, reception, user};
use forecourt_db::repo::tenant;
use forecourt_db::repo::{leads, sales};
use forecourt_domain::FieldError;
use forecourt_domain::ids::UserId;
use forecourt_domain::sales::{Grade, LeadStatus};
use forecourt_kernel::app::App;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::{Actor, ActorKind};
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use form::check_form;
use serde_json::{Value, json};
use uuid::Uuid;

/// Two registrations of one customer this close together are one visit.
pub const SAME_VISIT_MINUTES: i64 = 30;

/// A checked form.
struct Form {
    consultant: UserId,
    arrived_at: DateTime<Utc>,
    companions: Vec<VisitCompanion>,
    models: Vec<Value>,
    grade: Grade,
    notes: Option<String>,
    draft: LeadDraft,
}

/// The consultant a customer without an open lead already has (an active user), if any.
async fn customer_consultant<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    customer: &customer::Model,
) -> CoreResult<Option<user::Model>> {
    let Some(owner) = customer.owner_id else {
        return Ok(None);
    };
    Ok(tenant::find::<user::Entity, _>(conn, actor.scope(), owner)
        .await?
        .filter(|u| u.status == "active"))
}

pub(super) async fn write_reception<C: ConnectionTrait>(
    app: &App,
    tx: &C,
    actor: &Actor,
    input: NewReception,
) -> CoreResult<ReceptionOutcome> {
    let now = app.now();
    let settings = effective(tx, actor).await?;
    let catalog = CatalogNames::load(tx, actor).await?;
    let form = check_form(tx, actor, &catalog, &input, now).await?;
    let consultant = form.consultant.uuid();
    let (customer, customer_created) = link_customer(
        app,
        tx,
        actor,
        input.customer.customer_id,
        input.customer.customer,
        Some(consultant),
        false,
    )
    .await?;
    lock_customer(tx, actor, customer.id).await?;
    let window = Duration::minutes(SAME_VISIT_MINUTES);
    if let Some(earlier) = sales::visit_between(
        tx,
        actor.scope(),
        customer.id,
        form.arrived_at - window,
        form.arrived_at + window,
    )
    .await?
    {
        return Err(CoreError::AlreadyExists(
            FieldError::new(
                "arrived_at",
                "visit_already_registered",
                "this visit of the customer is already registered",
            )
            .with_param("reception_id", earlier.id.to_string())
            .with_param("minutes", SAME_VISIT_MINUTES),
        ));
    }
    let first_visit = !sales::has_visited(tx, actor.scope(), customer.id).await?;
    let open = leads::open_of_customer(tx, actor.scope(), customer.id)
        .await?
        .into_iter()
        .next();

    let mut loss_withdrawn = false;
    let (lead, lead_created, worked) = match open {
        Some(before) => {
            let worked = may_work(tx, actor, before.owner_id).await?;
            let mut after = before.clone();
            if before.status == LeadStatus::LostPending.as_str() {
                withdraw_loss(tx, actor, &mut after, now).await?;
                loss_withdrawn = true;
            }
            let change = if worked {
                if after.owner_id.is_none() {
                    after.owner_id = Some(consultant);
                    after.pool = None;
                }
                if after.series_id.is_none() && after.model_id.is_none() {
                    after.series_id = form.draft.series_id;
                    after.model_id = form.draft.model_id;
                }
                (form.grade != Grade::N)
                    .then(|| regrade(actor, &mut after, form.grade, Origin::Reception, now))
                    .flatten()
            } else {
                None
            };
            // What the visit itself tells: the customer was here and looked at these cars.
            after.last_contact_at = Some(
                form.arrived_at
                    .max(before.last_contact_at.unwrap_or(form.arrived_at)),
            );
            after.models_considered = with_cars(&after.models_considered, &form.models);
            if worked || loss_withdrawn {
                reschedule(&mut after, &settings, actor, form.arrived_at);
            }
            let mut entry = AuditEntry::updated(&before, &after);
            if loss_withdrawn {
                entry = entry.with_action("lead.lost_withdrawn");
            }
            let saved = tenant::update::<lead::Entity, _>(
                tx,
                actor.scope(),
                before.id,
                after,
                before.version,
                now,
            )
            .await
            .map_err(|e| CoreError::from_db("lead", e))?;
            record_grade(tx, actor, change).await?;
            audit::record(tx, actor, entry, now).await?;
            (saved, false, worked)
        }
        None => {
            let holder = customer_consultant(tx, actor, &customer).await?;
            let holder_id = holder.as_ref().map(|u| u.id);
            let worked =
                holder_id.is_none_or(|h| h == consultant) || may_work(tx, actor, holder_id).await?;
            let owner = if worked {
                consultant
            } else {
                holder_id.unwrap_or(consultant)
            };
            let grade = if worked { form.grade } else { Grade::N };
            let created = insert_lead(
                tx,
                actor,
                &settings,
                &customer,
                form.draft.clone(),
                grade,
                Some(owner),
                Origin::Reception,
                now,
            )
            .await?;
            (created, true, worked)
        }
    };
    if worked {
        keep_companions(tx, actor, &customer, &form.companions, now).await?;
    }

    let row = reception::Model {
        id: Uuid::now_v7(),
        dealer_id: customer.dealer_id,
        customer_id: customer.id,
        lead_id: lead.id,
        consultant_id: Some(consultant),
        arrived_at: form.arrived_at,
        left_at: input.left_at,
        party_size: input.party_size,
        companions: serde_json::to_value(&form.companions).unwrap_or_default(),
        models: Value::Array(form.models.clone()),
        test_drive: input.test_drive,
        first_visit,
        grade: lead.grade.clone(),
        notes: form.notes.clone(),
        entered_by: (actor.kind() != ActorKind::System).then(|| actor.user_id().uuid()),
        created_at: now,
    };
    let saved =
        tenant::insert::<reception::Entity, _>(tx, actor.scope(), row.dealer_id, row).await?;
    audit::record(
        tx,
        actor,
        AuditEntry::action("reception", "created", Some(saved.id))
            .change("lead_id", Value::Null, lead.id.to_string())
            .change("grade", Value::Null, saved.grade.clone()),
        now,
    )
    .await?;
    let view = reception_views(tx, actor, std::slice::from_ref(&saved))
        .await?
        .pop()
        .ok_or(CoreError::not_found("reception"))?;
    timeline::record(
        tx,
        actor,
        vec![
            TimelineEvent::new(
                customer.id,
                "reception.visited",
                json!({
                    "party_size": saved.party_size,
                    "test_drive": saved.test_drive,
                    "grade": saved.grade,
                    "first_visit": first_visit,
                    "models": view.models.iter().map(|m| m.name.clone()).collect::<Vec<_>>(),
                    "companions": form.companions,
                    "consultant": view.consultant.as_ref().map(|c| c.display_name.clone()),
                }),
            )
            .about("lead", lead.id),
        ],
        now,
    )
    .await?;
    let owner = match lead.owner_id {
        Some(id) => tenant::find::<user::Entity, _>(tx, actor.scope(), id).await?,
        None => None,
    };
    if let Some(owner) = owner.as_ref().filter(|o| o.id != consultant) {
        tell_owner(tx, actor, owner, &customer, &lead, &view, now).await?;
    }
    let lead_view = if worked {
        lead_views(tx, actor, now, std::slice::from_ref(&lead))
            .await?
            .pop()
    } else {
        None
    };
    Ok(ReceptionOutcome {
        reception: view,
        existing_consultant: match owner {
            Some(o) if !worked => Some(OwnerView {
                id: UserId::from_uuid(o.id),
                display_name: o.display_name,
            }),
            _ => None,
        },
        lead: lead_view,
        customer_created,
        lead_created,
        loss_withdrawn,
    })
}
