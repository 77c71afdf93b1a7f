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

use super::{NewReception, ReceptionOutcome, VisitCompanion, reception_views};
use crate::catalog_names::{CatalogNames, car_json, with_cars};
use crate::leads::LOST_APPROVAL;
use crate::leads::access::may_work;
use crate::leads::views::lead_views;
use crate::leads::write::LeadDraft;
use crate::leads::write::{
    Origin, insert_lead, link_customer, lock_customer, record_grade, regrade, reschedule,
};
use crate::settings::effective;
use chrono::{DateTime, Duration, Utc};
use forecourt_customers::OwnerView;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{customer, customer_companion, lead, reception, user};
use forecourt_db::repo::tenant;
use forecourt_db::repo::{approvals as approval_repo, batched_insert, customers, leads, sales};
use forecourt_domain::ids::UserId;
use forecourt_domain::sales::{Grade, LeadStatus};
use forecourt_domain::text::Text;
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::username::{LONG_NAME_MAX, NOTE_MAX};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::app::App;
use forecourt_kernel::approvals::{self, managers};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::{Actor, ActorKind};
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::notifications::{Notice, notify};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::{Map, Value, json};
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

async fn check_form<C: ConnectionTrait>(
    tx: &C,
    actor: &Actor,
    catalog: &CatalogNames,
    input: &NewReception,
    now: DateTime<Utc>,
) -> CoreResult<Form> {
    let mut errors = FieldErrors::new();
    let consultant = match input.consultant_id {
        Some(id) => id,
        None if actor.kind() != ActorKind::System => actor.user_id(),
        None => {
            errors.push(FieldError::required("consultant_id"));
            actor.user_id()
        }
    };
    crate::leads::check_new_owner(tx, actor, &mut errors, "consultant_id", consultant).await?;
    let arrived_at = input.arrived_at.unwrap_or(now);
    if arrived_at > now + Duration::minutes(5) {
        errors.push(FieldError::new(
            "arrived_at",
            "in_future",
            "must not be in the future",
        ));
    }
    if input.left_at.is_some_and(|left| left <= arrived_at) {
        errors.push(FieldError::new(
            "left_at",
            "before_arrival",
            "must be after the arrival",
        ));
    }
    if !(1..=20).contains(&input.party_size) {
        errors.push(
            FieldError::new("party_size", "out_of_range", "must be from 1 to 20")
                .with_param("min", 1)
                .with_param("max", 20),
        );
    }
    if input.companions.len() > 10 {
        errors.push(
            FieldError::new("companions", "too_many", "at most 10 companions")
                .with_param("max", 10),
        );
    }
    let mut companions = Vec::new();
    for (i, c) in input.companions.iter().enumerate() {
        let name = errors
            .check(parse_optional_text(
                &format!("companions.{i}.name"),
                c.name.as_deref(),
                50,
            ))
            .flatten();
        companions.push(VisitCompanion {
            relation: c.relation,
            name,
        });
    }
    if input.models.len() > 5 {
        errors.push(FieldError::new("models", "too_many", "at most 5 cars").with_param("max", 5));
    }
    let mut models = Vec::new();
    for (i, m) in input.models.iter().enumerate() {
        let (series, model) =
            catalog.check(&mut errors, &format!("models.{i}"), m.series_id, m.model_id);
        let text = errors
            .check(parse_optional_text(
                &format!("models.{i}.text"),
                m.text.as_deref(),
                LONG_NAME_MAX,
            ))
            .flatten();
        if series.is_none() && model.is_none() && text.is_none() {
            errors.push(FieldError::new(
                format!("models.{i}"),
                "required",
                "name a car from the catalog or in words",
            ));
        }
        models.push(car_json(series, model, text.as_deref()));
    }
    let grade = crate::leads::starting_grade("grade", Some(input.grade), &mut errors);
    let notes = errors
        .check(parse_optional_text(
            "notes",
            input.notes.as_deref(),
            NOTE_MAX,
        ))
        .flatten();
    let mut fields = input.lead.clone();
    if fields.source.is_none() {
        fields.source = Some("walk_in".to_owned());
    }
    if fields.series_id.is_none()
        && fields.model_id.is_none()
        && let Some(first) = input.models.first()
    {
        fields.series_id = first.series_id;
        fields.model_id = first.model_id;
        if first.series_id.is_none() && first.model_id.is_none() {
            fields.model_text = fields.model_text.or_else(|| first.text.clone());
        }
    }
    let mut lead_errors = FieldErrors::new();
    let mut draft =
        crate::leads::parse_fields(tx, actor, &mut lead_errors, catalog, &fields).await?;
    for e in lead_errors.into_vec() {
        errors.push(e.nested("lead"));
    }
    errors.finish()?;
    draft.models_considered = with_cars(&Value::Array(draft.models_considered), &models)
        .as_array()
        .cloned()
        .unwrap_or_default();
    Ok(Form {
        consultant,
        arrived_at,
        companions,
        models,
        grade,
        notes,
        draft,
    })
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

/// The customer is back: the loss waiting for approval no longer stands. The request is
/// withdrawn (its requester and approvers are told) and the lead is open again.
async fn withdraw_loss<C: ConnectionTrait>(
    tx: &C,
    actor: &Actor,
    lead: &mut lead::Model,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if let Some(request) =
        approval_repo::pending_about(tx, actor.scope(), LOST_APPROVAL.kind, "lead", lead.id).await?
    {
        approvals::withdraw_in(
            tx,
            actor,
            request,
            Text::new("approval.withdrawn.customer_returned"),
            now,
        )
        .await?;
    }
    lead.status = LeadStatus::Open.as_str().to_owned();
    lead.lost_reason_key = None;
    lead.lost_competitor_brand = None;
    lead.lost_competitor_model = None;
    lead.lost_note = None;
    lead.lost_at = None;
    Ok(())
}

/// Adds the companions the customer does not have yet: named ones by name, unnamed ones by
/// relation (a spouse who came without giving a name is still the spouse).
async fn keep_companions<C: ConnectionTrait>(
    tx: &C,
    actor: &Actor,
    customer: &customer::Model,
    companions: &[VisitCompanion],
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let mut known = customers::companions_of(tx, actor.scope(), customer.id).await?;
    let mut rows = Vec::new();
    for c in companions {
        let name = c.name.clone().unwrap_or_default();
        let relation = c.relation.as_str();
        let already = known.iter().any(|k| {
            if name.is_empty() {
                k.relation == relation
            } else {
                k.name == name
            }
        });
        if already {
            continue;
        }
        let row = customer_companion::Model {
            id: Uuid::now_v7(),
            dealer_id: customer.dealer_id,
            customer_id: customer.id,
            relation: relation.to_owned(),
            name,
            phone: None,
            notes: None,
            created_at: now,
        };
        known.push(row.clone());
        rows.push(row);
    }
    batched_insert::<customer_companion::Entity, _>(tx, actor.scope(), rows).await?;
    Ok(())
}

/// Tells a lead's consultant and their manager that someone else received their customer.
async fn tell_owner<C: ConnectionTrait>(
    tx: &C,
    actor: &Actor,
    owner: &user::Model,
    customer: &customer::Model,
    lead: &lead::Model,
    visit: &super::ReceptionView,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let mut people = vec![owner.id];
    people.extend(managers(tx, actor, owner).await?);
    people.sort_unstable();
    people.dedup();
    let mut params = Map::new();
    params.insert("customer".into(), customer.name.clone().into());
    params.insert(
        "receiver".into(),
        visit
            .consultant
            .as_ref()
            .map(|c| c.display_name.clone())
            .unwrap_or_default()
            .into(),
    );
    params.insert("owner".into(), owner.display_name.clone().into());
    params.insert(
        "at".into(),
        visit
            .arrived_at
            .with_timezone(&actor.time_zone().tz())
            .format("%Y-%m-%d %H:%M")
            .to_string()
            .into(),
    );
    notify(
        tx,
        actor,
        people
            .into_iter()
            .filter(|p| visit.consultant.as_ref().is_none_or(|c| c.id.uuid() != *p))
            .map(|user_id| Notice {
                user_id,
                kind: "lead.received",
                params: params.clone(),
                link: Some(format!("/leads/{}", lead.id)),
                reference: Some(("lead", lead.id)),
            })
            .collect(),
        now,
    )
    .await
}
