//! Making an order from an accepted quote, and cancelling it.

use crate::Orders;
use crate::access::{check_version, order_for, require_status};
use crate::feed::{self, FinanceChange};
use crate::sign::{NewDeposit, SignedDeal, sign_in};
use crate::views::{self, OrderLine, OrderView};
use forecourt_db::entities::order;
use forecourt_deal::hooks::{accepted_quote_in, mark_ordered_in};
use forecourt_domain::ids::{OrderId, QuoteId, StockUnitId};
use forecourt_domain::money::Fen;
use forecourt_domain::orders::{CancelReason, OrderStatus};
use forecourt_domain::permission::Permission;
use forecourt_domain::username::{REMARK_MAX, parse_optional_text};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::access::holder_id_reached;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;

/// An order to make from an accepted quote.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewOrder {
    /// The accepted quote: its lines and on-the-road total become the contract's.
    pub quote_id: QuoteId,
    /// The deposit agreed at signing: a 定金 (`earnest`, binding, at most 20% of the
    /// contract) or a 订金 (`advance`, refundable).
    pub deposit: Option<NewDeposit>,
}

/// Why an order is cancelled.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderCancel {
    /// A reason from the list.
    pub reason: CancelReason,
    /// More words (up to 500 characters).
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ REMARK_MAX }>)]
    pub note: Option<String>,
    /// The order's version last read.
    pub version: i64,
}

/// The car in words, from the quote's vehicle line.
fn vehicle_words(lines: &[OrderLine]) -> String {
    lines
        .iter()
        .find(|l| l.kind == "vehicle")
        .or(lines.first())
        .map(|l| l.label.clone())
        .unwrap_or_default()
}

impl Orders<'_> {
    /// Makes the order (合同) of an accepted quote: the quote's lines and on-the-road total
    /// become the contract's, kept as signed; the contract number is the dealer's next of the
    /// year; the lead becomes O and its opportunity moves to the order stage. Needs
    /// `order:write` reaching the quote's consultant; a quote not accepted is 409
    /// `invalid_state`, a quote already ordered 409 `already_exists`, a deposit over its cap 422
    /// naming `deposit.amount_fen`.
    pub async fn create_order(&self, actor: &Actor, input: NewOrder) -> CoreResult<OrderView> {
        actor.require(Permission::OrderWrite)?;
        let now = self.now();
        let tx = self.db().begin().await?;
        let quote = accepted_quote_in(&*tx, actor, input.quote_id).await?;
        let holder = quote.consultant_id.map(|u| u.uuid());
        if !holder_id_reached(
            &*tx,
            actor,
            &[Permission::OrderRead, Permission::OrderWrite],
            holder,
        )
        .await?
        {
            return Err(CoreError::not_found("quote"));
        }
        if quote.order_id.is_some() {
            return Err(CoreError::AlreadyExists(FieldError::new(
                "quote_id",
                "already_ordered",
                "an order was already made from this quote",
            )));
        }
        let lines: Vec<OrderLine> = quote
            .lines
            .iter()
            .map(|l| OrderLine {
                kind: l.kind.clone(),
                label: l.label.clone(),
                amount_fen: Fen(l.amount_fen),
            })
            .collect();
        let deal = SignedDeal {
            quote_id: quote.quote_id.uuid(),
            lead_id: quote.lead_id.uuid(),
            customer_id: quote.customer_id.uuid(),
            consultant_id: holder,
            vehicle: vehicle_words(&lines),
            colour: quote.colour.clone(),
            lines,
            total_fen: quote.total_fen,
        };
        let saved = sign_in(&*tx, actor, deal, input.deposit, now).await?;
        mark_ordered_in(&*tx, actor, input.quote_id, saved.id, now).await?;
        let view = views::view(&*tx, actor, &saved).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Cancels an order with a reason: a car reserved for it goes back in stock. Needs
    /// `order:write`; an invoiced or delivered order is 409 `invalid_state` (an invoice must be
    /// voided, a delivered car returned, by other means); a stale `version` 409
    /// `version_conflict`. Money received stays until refunded.
    pub async fn cancel_order(
        &self,
        actor: &Actor,
        id: OrderId,
        input: OrderCancel,
    ) -> CoreResult<OrderView> {
        let now = self.now();
        let tx = self.db().begin().await?;
        let before = order_for(&*tx, actor, id, Permission::OrderWrite).await?;
        check_version(&before, input.version)?;
        require_status(&before, &[OrderStatus::Open], "cancelled")?;
        let mut errors = FieldErrors::new();
        let note = errors
            .check(parse_optional_text(
                "note",
                input.note.as_deref(),
                REMARK_MAX,
            ))
            .flatten();
        errors.finish()?;
        if let Some(unit) = before.stock_unit_id {
            forecourt_stock::release_in(&*tx, actor, StockUnitId::from_uuid(unit), now).await?;
        }
        let mut after: order::Model = before.clone();
        after.status = OrderStatus::Cancelled.as_str().to_owned();
        after.cancel_reason = Some(input.reason.as_str().to_owned());
        after.cancel_note = note;
        after.cancelled_at = Some(now);
        after.vin = None;
        after.stock_unit_id = None;
        let entry = AuditEntry::updated(&before, &after).with_action("order.cancelled");
        let saved = audit::save::<order::Entity, _>(&*tx, actor, &before, after, entry, now, |e| {
            CoreError::from_db("order", e)
        })
        .await?;
        timeline::record(
            &*tx,
            actor,
            vec![
                TimelineEvent::new(
                    saved.customer_id,
                    "order.cancelled",
                    json!({"contract_no": saved.contract_no, "reason": saved.cancel_reason}),
                )
                .about("order", saved.id),
            ],
            now,
        )
        .await?;
        feed::append(
            &*tx,
            actor,
            FinanceChange {
                kind: "order.cancelled",
                order_id: saved.id,
                record_id: saved.id,
                amount_fen: saved.total_fen,
                payload: json!({
                    "contract_no": saved.contract_no,
                    "reason": saved.cancel_reason,
                    "note": saved.cancel_note,
                }),
            },
            now,
        )
        .await?;
        let view = views::view(&*tx, actor, &saved).await?;
        tx.commit().await?;
        Ok(view)
    }
}
