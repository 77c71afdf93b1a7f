//! Leads as callers see them: the customer masked per role, names for ids.

use crate::catalog_names::{CarRef, CatalogNames};
use crate::people::{people, person};
use chrono::{DateTime, Utc};
use forecourt_customers::{CustomerRow, OwnerView, customer_rows};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{lead, lead_follow_up, lead_grade_change, user};
use forecourt_db::repo::customers;
use forecourt_domain::ids::{LeadFollowUpId, LeadId};
use forecourt_domain::money::Fen;
use forecourt_domain::sales::{FollowUpChannel, Grade, LeadStatus, PaymentIntent, Timeframe};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// Why and to whom a lead was lost.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct LostView {
    /// A key of the dealer's `lost_reason` list.
    pub reason: Option<String>,
    /// The competitor brand they bought instead, if known.
    pub competitor_brand: Option<String>,
    /// The competitor model they bought instead, if known.
    pub competitor_model: Option<String>,
    /// A free-text note on why the lead was lost.
    pub note: Option<String>,
    /// When it was marked lost (or asked to be, while waiting for approval).
    pub at: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct LeadView {
    /// The lead's id (UUIDv7).
    pub id: LeadId,
    /// The customer the lead is for, masked as the caller's role requires.
    pub customer: CustomerRow,
    /// A key of the dealer's `source` list.
    pub source: Option<String>,
    /// The car they want.
    pub car: Option<CarRef>,
    /// Every car they looked at or asked about (at visits and in enquiries), the wanted one
    /// included, first seen first.
    pub models_considered: Vec<CarRef>,
    /// The lowest price they would pay, in integer fen (1 yuan = 100 fen).
    pub budget_min_fen: Option<Fen>,
    /// The highest price they would pay, in integer fen (1 yuan = 100 fen).
    pub budget_max_fen: Option<Fen>,
    /// When they expect to buy.
    pub timeframe: Option<Timeframe>,
    /// How they mean to pay: `cash`, `loan` or `lease`.
    pub payment: Option<PaymentIntent>,
    /// Whether they want to trade in their current car.
    pub trade_in: bool,
    /// Notes on the car they would trade in.
    pub trade_in_note: Option<String>,
    /// The lead's current grade: H, A, B, C or N while worked, O once ordered, F once lost.
    pub grade: Grade,
    /// Where the lead stands: `open`, `lost_pending` (waiting for the manager), `lost` or `won`.
    pub status: LeadStatus,
    /// The consultant who owns the lead; `null` while unassigned.
    pub owner: Option<OwnerView>,
    /// `marketing` while marketing nurtures it.
    pub pool: Option<String>,
    /// Free-text notes on the lead.
    pub notes: Option<String>,
    /// When the current grade was given (UTC, RFC 3339).
    pub graded_at: DateTime<Utc>,
    /// When the grade last went up (UTC, RFC 3339); the creation time until then.
    pub last_upgrade_at: DateTime<Utc>,
    /// When the customer was last contacted (UTC, RFC 3339), if ever.
    pub last_contact_at: Option<DateTime<Utc>>,
    /// When the next follow-up is due (UTC, RFC 3339), if planned.
    pub next_follow_up_at: Option<DateTime<Utc>>,
    /// The follow-up is past due.
    pub follow_up_overdue: bool,
    /// The pushed follow-up task waiting to be done.
    pub follow_up_task_id: Option<Uuid>,
    /// Flagged: no grade upgrade for the dealer's stagnation period.
    pub stagnant_since: Option<DateTime<Utc>>,
    /// Why and to whom the lead was lost; `null` unless lost or waiting for a lost decision.
    pub lost: Option<LostView>,
    /// When the lead was won (UTC, RFC 3339).
    pub won_at: Option<DateTime<Utc>>,
    /// When the lead was created (UTC, RFC 3339).
    pub created_at: DateTime<Utc>,
    /// When the lead last changed (UTC, RFC 3339).
    pub updated_at: DateTime<Utc>,
    /// Its version; send it back with a change.
    pub version: i64,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct GradeChangeView {
    /// Absent for the grade the lead was created with.
    pub from: Option<Grade>,
    /// The grade it changed to.
    pub to: Grade,
    /// `created`, `follow_up`, `reception`, `test_drive`, `opportunity`, `lost`, `reopened`,
    /// `intake`.
    pub origin: String,
    /// Whether this counts as an upgrade (C → B, A → H, H → O...).
    pub upgrade: bool,
    /// Who changed it; `null` when the system did.
    pub by: Option<OwnerView>,
    /// When it changed (UTC, RFC 3339).
    pub at: DateTime<Utc>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct FollowUpView {
    /// The follow-up's id (UUIDv7).
    pub id: LeadFollowUpId,
    /// How the customer was reached: `phone`, `wechat`, `sms`, `visit` or `email`.
    pub channel: FollowUpChannel,
    /// What was said.
    pub summary: String,
    /// The lead's grade before the follow-up.
    pub grade_before: Grade,
    /// The lead's grade after it.
    pub grade_after: Grade,
    /// The next step agreed, if any.
    pub next_step: Option<String>,
    /// When the next follow-up is due (UTC, RFC 3339), if planned.
    pub next_follow_up_at: Option<DateTime<Utc>>,
    /// The pushed task this follow-up closed.
    pub task_id: Option<Uuid>,
    /// Who logged it.
    pub by: Option<OwnerView>,
    /// When it was logged (UTC, RFC 3339).
    pub at: DateTime<Utc>,
}

/// Views of leads for one caller, in the given order (a handful of queries whatever the
/// count).
pub async fn lead_views<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    now: DateTime<Utc>,
    leads: &[lead::Model],
) -> CoreResult<Vec<LeadView>> {
    let customer_ids: Vec<Uuid> = leads.iter().map(|l| l.customer_id).collect();
    let found = customers::find_many(conn, actor.scope(), &customer_ids).await?;
    let rows: HashMap<Uuid, CustomerRow> = customer_rows(conn, actor, &found)
        .await?
        .into_iter()
        .map(|r| (r.id.uuid(), r))
        .collect();
    let owners = people(conn, actor, leads.iter().filter_map(|l| l.owner_id)).await?;
    let catalog = CatalogNames::load(conn, actor).await?;
    Ok(leads
        .iter()
        .filter_map(|l| {
            let customer = rows.get(&l.customer_id)?.clone();
            Some(view(l, customer, &owners, &catalog, now))
        })
        .collect())
}

fn view(
    l: &lead::Model,
    customer: CustomerRow,
    owners: &HashMap<Uuid, user::Model>,
    catalog: &CatalogNames,
    now: DateTime<Utc>,
) -> LeadView {
    let status: LeadStatus = l.status.parse().unwrap_or(LeadStatus::Open);
    let lost = matches!(status, LeadStatus::Lost | LeadStatus::LostPending).then(|| LostView {
        reason: l.lost_reason_key.clone(),
        competitor_brand: l.lost_competitor_brand.clone(),
        competitor_model: l.lost_competitor_model.clone(),
        note: l.lost_note.clone(),
        at: l.lost_at,
    });
    LeadView {
        id: LeadId::from_uuid(l.id),
        customer,
        source: l.source_key.clone(),
        car: catalog.car(l.series_id, l.model_id, l.model_text.as_deref()),
        models_considered: catalog.cars(&l.models_considered),
        budget_min_fen: l.budget_min_fen.map(Fen),
        budget_max_fen: l.budget_max_fen.map(Fen),
        timeframe: l.timeframe.as_deref().and_then(|t| t.parse().ok()),
        payment: l.payment.as_deref().and_then(|p| p.parse().ok()),
        trade_in: l.trade_in,
        trade_in_note: l.trade_in_note.clone(),
        grade: l.grade.parse().unwrap_or(Grade::N),
        status,
        owner: person(owners, l.owner_id),
        pool: l.pool.clone(),
        notes: l.notes.clone(),
        graded_at: l.graded_at,
        last_upgrade_at: l.last_upgrade_at,
        last_contact_at: l.last_contact_at,
        next_follow_up_at: l.next_follow_up_at,
        follow_up_overdue: status == LeadStatus::Open
            && l.next_follow_up_at.is_some_and(|due| due < now),
        follow_up_task_id: l.follow_up_activity_id,
        stagnant_since: l.stagnant_since,
        lost,
        won_at: l.won_at,
        created_at: l.created_at,
        updated_at: l.updated_at,
        version: l.version,
    }
}

pub fn grade_change_views(
    changes: &[lead_grade_change::Model],
    people: &HashMap<Uuid, user::Model>,
) -> Vec<GradeChangeView> {
    changes
        .iter()
        .map(|c| {
            let from: Option<Grade> = c.from_grade.as_deref().and_then(|g| g.parse().ok());
            let to: Grade = c.to_grade.parse().unwrap_or(Grade::N);
            GradeChangeView {
                from,
                to,
                origin: c.origin.clone(),
                upgrade: from.is_some_and(|f| f.is_upgrade_to(to)),
                by: person(people, c.user_id),
                at: c.occurred_at,
            }
        })
        .collect()
}

pub fn follow_up_views(
    follow_ups: &[lead_follow_up::Model],
    people: &HashMap<Uuid, user::Model>,
) -> Vec<FollowUpView> {
    follow_ups
        .iter()
        .map(|f| FollowUpView {
            id: LeadFollowUpId::from_uuid(f.id),
            channel: f.channel.parse().unwrap_or(FollowUpChannel::Phone),
            summary: f.summary.clone(),
            grade_before: f.grade_before.parse().unwrap_or(Grade::N),
            grade_after: f.grade_after.parse().unwrap_or(Grade::N),
            next_step: f.next_step.clone(),
            next_follow_up_at: f.next_follow_up_at,
            task_id: f.activity_id,
            by: person(people, f.user_id),
            at: f.occurred_at,
        })
        .collect()
}
