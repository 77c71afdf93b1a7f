//! What orders build on: the accepted quote of an opportunity, read inside the caller's own
//! transaction, and recording the one order made from it. The caller has checked its own
//! permission; these only keep to the actor's dealer.

use crate::quotes::number;
use chrono::{DateTime, NaiveDate, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::quote;
use forecourt_db::repo::{deal, tenant};
use forecourt_domain::ids::{AppraisalId, CustomerId, LeadId, OpportunityId, QuoteId, UserId};
use forecourt_domain::quote_status::QuoteStatus;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde_json::Value;
use uuid::Uuid;

/// A line of an accepted quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcceptedLine {
    /// `vehicle`, `option`, `package`, `accessory`, `purchase_tax`, `insurance`, `fees`,
    /// `finance_fee`, `discount` or `trade_in`.
    pub kind: String,
    pub label: String,
    /// Signed: the discount and the trade-in are negative; the lines add up to `total_fen`.
    pub amount_fen: i64,
    pub cost_fen: Option<i64>,
}

/// An accepted quote, as an order takes it over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcceptedQuote {
    pub quote_id: QuoteId,
    /// `Q000012-2`.
    pub number: String,
    pub dealer_id: Uuid,
    pub lead_id: LeadId,
    pub opportunity_id: OpportunityId,
    pub customer_id: CustomerId,
    /// The consultant (the lead's owner when the quote was made).
    pub consultant_id: Option<UserId>,
    /// The trim (catalog model).
    pub model_id: Uuid,
    pub colour: Option<String>,
    pub lines: Vec<AcceptedLine>,
    pub vehicle_price_fen: i64,
    pub discount_fen: i64,
    pub trade_in_fen: i64,
    pub appraisal_id: Option<AppraisalId>,
    pub purchase_tax_fen: i64,
    /// The on-the-road price (落地价).
    pub total_fen: i64,
    pub valid_until: NaiveDate,
    /// The order already made from it, if any.
    pub order_id: Option<Uuid>,
}

/// The quote, accepted, of the actor's dealer: 404 when there is none, 409 `invalid_state`
/// when it is not accepted.
pub async fn accepted_quote_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    quote_id: QuoteId,
) -> CoreResult<AcceptedQuote> {
    let q = tenant::find::<quote::Entity, _>(conn, actor.scope(), quote_id.uuid())
        .await?
        .ok_or(CoreError::not_found("quote"))?;
    if q.status != QuoteStatus::Accepted.as_str() {
        return Err(CoreError::invalid_state("the quote is not accepted"));
    }
    let lines = deal::lines_of(conn, actor.scope(), &[q.id]).await?;
    Ok(AcceptedQuote {
        quote_id,
        number: number(&q),
        dealer_id: q.dealer_id,
        lead_id: LeadId::from_uuid(q.lead_id),
        opportunity_id: OpportunityId::from_uuid(q.opportunity_id),
        customer_id: CustomerId::from_uuid(q.customer_id),
        consultant_id: q.consultant_id.map(UserId::from_uuid),
        model_id: q.model_id,
        colour: q.colour.clone(),
        lines: lines
            .into_iter()
            .map(|l| AcceptedLine {
                kind: l.kind,
                label: l.label,
                amount_fen: l.amount_fen,
                cost_fen: l.cost_fen,
            })
            .collect(),
        vehicle_price_fen: q.vehicle_price_fen,
        discount_fen: q.discount_fen,
        trade_in_fen: q.trade_in_fen,
        appraisal_id: q.appraisal_id.map(AppraisalId::from_uuid),
        purchase_tax_fen: q.purchase_tax_fen,
        total_fen: q.total_fen,
        valid_until: q.valid_until,
        order_id: q.order_id,
    })
}

/// Records that `order_id` was made from the accepted quote, in the caller's transaction. A
/// quote gets at most one order: a second (or a quote not accepted) is 409 `invalid_state`;
/// an unknown quote 404.
pub async fn mark_ordered_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    quote_id: QuoteId,
    order_id: Uuid,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let q = tenant::find::<quote::Entity, _>(conn, actor.scope(), quote_id.uuid())
        .await?
        .ok_or(CoreError::not_found("quote"))?;
    let recorded = deal::set_order(conn, actor.scope(), q.id, order_id, now)
        .await
        .map_err(|e| match e {
            forecourt_db::DbError::UniqueViolation(_) => {
                CoreError::invalid_state("the order is already recorded on another quote")
            }
            other => CoreError::from_db("quote", other),
        })?;
    if !recorded {
        return Err(CoreError::invalid_state(if q.order_id.is_some() {
            "the quote already has an order"
        } else {
            "the quote is not accepted"
        }));
    }
    audit::record(
        conn,
        actor,
        AuditEntry::action("quote", "ordered", Some(q.id)).change(
            "order_id",
            Value::Null,
            order_id.to_string(),
        ),
        now,
    )
    .await?;
    Ok(())
}
