//! The writes every lead path shares: opening a lead, changing its grade (with the history
//! row), linking the customer, and keeping the customer with the lead's consultant.

use crate::schedule::next_follow_up;
use chrono::{DateTime, Utc};
use forecourt_customers::CustomersExt as _;
use forecourt_customers::{NewCustomer, owners::change_owner};
use forecourt_db::ConnectionTrait;
use forecourt_db::DbError;
use forecourt_db::entities::{customer, lead, lead_grade_change, sales_setting};
use forecourt_db::repo::{customers, tenant};
use forecourt_domain::FieldError;
use forecourt_domain::ids::CustomerId;
use forecourt_domain::permission::Permission;
use forecourt_domain::sales::{Grade, LeadStatus};
use forecourt_kernel::app::App;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::{Actor, ActorKind};
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::{Value, json};
use uuid::Uuid;

/// What changed a grade, as the history records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Created,
    FollowUp,
    Reception,
    TestDrive,
    Opportunity,
    Lost,
    Reopened,
    Intake,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Created => "created",
            Origin::FollowUp => "follow_up",
            Origin::Reception => "reception",
            Origin::TestDrive => "test_drive",
            Origin::Opportunity => "opportunity",
            Origin::Lost => "lost",
            Origin::Reopened => "reopened",
            Origin::Intake => "intake",
        }
    }
}

/// The validated fields of a lead, before it exists.
#[derive(Clone, Debug, Default)]
pub struct LeadDraft {
    pub source_key: Option<String>,
    pub series_id: Option<Uuid>,
    pub model_id: Option<Uuid>,
    pub model_text: Option<String>,
    pub budget_min_fen: Option<i64>,
    pub budget_max_fen: Option<i64>,
    pub timeframe: Option<String>,
    pub payment: Option<String>,
    pub trade_in: bool,
    pub trade_in_note: Option<String>,
    pub notes: Option<String>,
    /// Every car they looked at (`{series_id, model_id, text}`), the wanted one included.
    pub models_considered: Vec<Value>,
}

fn actor_user(actor: &Actor) -> Option<Uuid> {
    (actor.kind() != ActorKind::System).then(|| actor.user_id().uuid())
}

/// A grade history row.
pub fn grade_row(
    actor: &Actor,
    lead: &lead::Model,
    from: Option<Grade>,
    origin: Origin,
    now: DateTime<Utc>,
) -> lead_grade_change::Model {
    lead_grade_change::Model {
        id: Uuid::now_v7(),
        dealer_id: lead.dealer_id,
        lead_id: lead.id,
        from_grade: from.map(|g| g.as_str().to_owned()),
        to_grade: lead.grade.clone(),
        origin: origin.as_str().to_owned(),
        owner_id: lead.owner_id,
        user_id: actor_user(actor),
        occurred_at: now,
    }
}

/// Changes a lead's grade in memory: when it was graded, the last upgrade (which clears the
/// stagnation flag). Returns the history row to write, or None when the grade is unchanged.
pub fn regrade(
    actor: &Actor,
    lead: &mut lead::Model,
    to: Grade,
    origin: Origin,
    now: DateTime<Utc>,
) -> Option<lead_grade_change::Model> {
    let from: Grade = lead.grade.parse().unwrap_or(Grade::N);
    if from == to {
        return None;
    }
    lead.grade = to.as_str().to_owned();
    lead.graded_at = now;
    if from.is_upgrade_to(to) {
        lead.last_upgrade_at = now;
        lead.stagnant_since = None;
    }
    Some(grade_row(actor, lead, Some(from), origin, now))
}

/// Schedules the next follow-up after a contact at `from`.
pub fn reschedule(
    lead: &mut lead::Model,
    settings: &sales_setting::Model,
    actor: &Actor,
    from: DateTime<Utc>,
) {
    let grade: Grade = lead.grade.parse().unwrap_or(Grade::N);
    lead.next_follow_up_at = if lead.status == LeadStatus::Open.as_str() {
        next_follow_up(settings, actor.time_zone(), grade, from)
    } else {
        None
    };
}

/// Writes a grade history row, if any.
pub async fn record_grade<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    row: Option<lead_grade_change::Model>,
) -> CoreResult<()> {
    if let Some(row) = row {
        tenant::insert::<lead_grade_change::Entity, _>(conn, actor.scope(), row.dealer_id, row)
            .await?;
    }
    Ok(())
}

/// Opens a lead for a customer, with its first grade in the history, the audit event and the
/// timeline entry. The customer follows the lead's consultant.
#[allow(clippy::too_many_arguments)]
pub async fn insert_lead<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    settings: &sales_setting::Model,
    customer: &customer::Model,
    draft: LeadDraft,
    grade: Grade,
    owner: Option<Uuid>,
    origin: Origin,
    now: DateTime<Utc>,
) -> CoreResult<lead::Model> {
    let mut model = lead::Model {
        id: Uuid::now_v7(),
        dealer_id: actor.dealer_id().uuid(),
        customer_id: customer.id,
        source_key: draft.source_key,
        series_id: draft.series_id,
        model_id: draft.model_id,
        model_text: draft.model_text,
        budget_min_fen: draft.budget_min_fen,
        budget_max_fen: draft.budget_max_fen,
        timeframe: draft.timeframe,
        payment: draft.payment,
        trade_in: draft.trade_in,
        trade_in_note: draft.trade_in_note,
        grade: grade.as_str().to_owned(),
        status: LeadStatus::Open.as_str().to_owned(),
        owner_id: owner,
        pool: None,
        notes: draft.notes,
        graded_at: now,
        last_upgrade_at: now,
        last_contact_at: None,
        next_follow_up_at: None,
        follow_up_activity_id: None,
        stagnant_since: None,
        lost_reason_key: None,
        lost_competitor_brand: None,
        lost_competitor_model: None,
        lost_note: None,
        lost_at: None,
        won_at: None,
        models_considered: crate::catalog_names::with_cars(
            &Value::Array(Vec::new()),
            &draft.models_considered,
        ),
        created_by: actor_user(actor),
        created_at: now,
        updated_at: now,
        version: 1,
    };
    reschedule(&mut model, settings, actor, now);
    // The database holds one worked lead per customer (a partial unique index): a twin that
    // slipped past the caller's check meets it here.
    let created = tenant::insert::<lead::Entity, _>(conn, actor.scope(), model.dealer_id, model)
        .await
        .map_err(|e| match e {
            DbError::UniqueViolation(_) => open_lead_exists(None),
            other => CoreError::from(other),
        })?;
    record_grade(
        conn,
        actor,
        Some(grade_row(actor, &created, None, origin, now)),
    )
    .await?;
    audit::record(conn, actor, AuditEntry::created(&created), now).await?;
    let mut events = vec![
        TimelineEvent::new(
            customer.id,
            "lead.created",
            json!({"grade": created.grade, "source": created.source_key}),
        )
        .about("lead", created.id),
    ];
    if let Some(owner) = owner
        && customer.owner_id != Some(owner)
    {
        let (_, moved) = change_owner(conn, actor, &[customer], Some(owner), now).await?;
        events.extend(moved);
    }
    timeline::record(conn, actor, events, now).await?;
    Ok(created)
}

/// The 409 of a customer who already has a lead being worked.
pub fn open_lead_exists(lead: Option<Uuid>) -> CoreError {
    let mut error = FieldError::new(
        "customer_id",
        "open_lead_exists",
        "already has an open lead",
    );
    if let Some(lead) = lead {
        error = error.with_param("lead_id", lead.to_string());
    }
    CoreError::AlreadyExists(error)
}

/// Takes the write lock of a customer's leads and visits, so that "does the customer have an
/// open lead / a visit now?" and the write that follows cannot race a twin request.
pub async fn lock_customer<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    customer_id: Uuid,
) -> CoreResult<()> {
    let id = customer_id.to_string();
    forecourt_db::repo::locks::lock_keys(conn, actor.scope(), &[("customer_leads", &id)]).await?;
    Ok(())
}

/// After a lead changed hands: its customer follows when they were with the previous
/// consultant (or nobody).
pub async fn follow_lead_owner<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    customer_id: Uuid,
    previous: Option<Uuid>,
    next: Option<Uuid>,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let Some(customer) =
        tenant::find::<customer::Entity, _>(conn, actor.scope(), customer_id).await?
    else {
        return Ok(());
    };
    if next.is_some() && (customer.owner_id.is_none() || customer.owner_id == previous) {
        let (_, events) = change_owner(conn, actor, &[&customer], next, now).await?;
        timeline::record(conn, actor, events, now).await?;
    }
    Ok(())
}

/// Who a lead is about: an existing customer by id, or the customer given, matched to an
/// existing one by phone (else created). Returns the customer and whether it is new.
pub async fn link_customer<C: ConnectionTrait>(
    app: &App,
    conn: &C,
    actor: &Actor,
    customer_id: Option<CustomerId>,
    customer: Option<NewCustomer>,
    owner: Option<Uuid>,
    created_by_intake: bool,
) -> CoreResult<(customer::Model, bool)> {
    match (customer_id, customer) {
        (Some(id), None) => {
            let found = forecourt_customers::access::customer_for(
                conn,
                actor,
                id,
                Permission::CustomerRead,
            )
            .await
            .map_err(|e| match e {
                CoreError::NotFound { .. } => CoreError::invalid(FieldError::new(
                    "customer_id",
                    "unknown_customer",
                    "is not a customer you can see",
                )),
                other => other,
            })?;
            Ok((found, false))
        }
        (None, Some(input)) => {
            if !created_by_intake {
                actor.require(Permission::CustomerCreate)?;
            }
            let mut prepared = app
                .customers()
                .prepare_customer(conn, actor, input)
                .await
                .map_err(|e| nest_errors(e, "customer"))?;
            // Matched and created in one step: a twin request waits here, then finds this one.
            prepared.lock_identity(conn, actor).await?;
            let numbers = prepared.numbers();
            let mut matched: Vec<Uuid> = customers::owners_of_phones(conn, actor.scope(), &numbers)
                .await?
                .into_iter()
                .map(|(_, id)| id)
                .collect();
            matched.sort_unstable();
            matched.dedup();
            let existing = customers::find_many(conn, actor.scope(), &matched)
                .await?
                .into_iter()
                .filter(|c| c.status == customers::ACTIVE)
                .max_by_key(|c| c.updated_at);
            if let Some(existing) = existing {
                return Ok((existing, false));
            }
            prepared.set_owner(owner);
            let created = app
                .customers()
                .insert_customer(conn, actor, prepared)
                .await?;
            Ok((created, true))
        }
        _ => Err(CoreError::invalid(FieldError::new(
            "customer_id",
            "one_of",
            "give either customer_id or customer",
        ))),
    }
}

/// Field errors of a nested object, named from the outer input (`customer.phones.0.number`).
pub fn nest_errors(err: CoreError, prefix: &str) -> CoreError {
    match err {
        CoreError::Validation(errors) => {
            CoreError::Validation(errors.into_iter().map(|e| e.nested(prefix)).collect())
        }
        other => other,
    }
}
