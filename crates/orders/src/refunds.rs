//! Refunds: asked for by finance, effective only when approved. A refund is a row `pending`
//! beside an `order.refund` approval request; approving it (someone holding `refund:approve`)
//! makes it `approved` — only then does it count in the receivable — and puts it on the
//! finance feed, in the decision's transaction; rejecting it closes it.
//!
//! The kernel's generic `refund` type leaves reading the decision to whoever asked; an order's
//! refund has its own type so that the decision and its effect commit together.

use crate::Orders;
use crate::feed::{self, FinanceChange};
use crate::payments::{locked_order, money_of};
use crate::texts::refund_title;
use crate::views::{self, OrderView};
use forecourt_db::entities::{order, order_payment, order_refund};
use forecourt_db::repo::{orders, tenant};
use forecourt_domain::ids::{OrderId, OrderPaymentId};
use forecourt_domain::money::Fen;
use forecourt_domain::orders::RefundStatus;
use forecourt_domain::orders::rules::check_amount;
use forecourt_domain::permission::Permission;
use forecourt_domain::username::{REMARK_MAX, parse_name};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::approvals::{self, ApprovalInput, ApprovalType, EffectCtx, EffectFuture};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;

/// A refund of an order's money, decided by finance (`refund:approve`).
pub static REFUND_APPROVAL: ApprovalType = ApprovalType {
    kind: "order.refund",
    permission: Permission::RefundApprove,
    generic: false,
    check: None,
    on_approve: Some(on_approve),
    on_reject: Some(on_reject),
};

/// A refund to ask for.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRefund {
    /// The amount in fen (1 – 10,000,000,000), at most what was received and not refunded or
    /// asked back already.
    #[schema(minimum = 1, maximum = 10_000_000_000_i64)]
    pub amount_fen: i64,
    /// Why (1–500 characters).
    #[schema(schema_with = forecourt_domain::schema::name::<{ REMARK_MAX }>)]
    pub reason: String,
    /// The payment it gives back, if one.
    pub payment_id: Option<OrderPaymentId>,
}

fn on_approve(ctx: EffectCtx<'_>) -> EffectFuture<'_> {
    Box::pin(decide(ctx, RefundStatus::Approved))
}

fn on_reject(ctx: EffectCtx<'_>) -> EffectFuture<'_> {
    Box::pin(decide(ctx, RefundStatus::Rejected))
}

async fn decide(ctx: EffectCtx<'_>, outcome: RefundStatus) -> CoreResult<()> {
    let actor = ctx.decider;
    let Some(before) = orders::refund_of_approval(ctx.conn, actor.scope(), ctx.request.id).await?
    else {
        return Ok(());
    };
    if before.status != RefundStatus::Pending.as_str() {
        return Ok(());
    }
    let mut after = before.clone();
    after.status = outcome.as_str().to_owned();
    after.decided_at = Some(ctx.now);
    let entry = AuditEntry::updated(&before, &after);
    let saved = audit::save::<order_refund::Entity, _>(
        ctx.conn,
        actor,
        &before,
        after,
        entry,
        ctx.now,
        |e| CoreError::from_db("order_refund", e),
    )
    .await?;
    if outcome == RefundStatus::Approved {
        let contract_no = tenant::find::<order::Entity, _>(ctx.conn, actor.scope(), saved.order_id)
            .await?
            .map(|o| o.contract_no);
        feed::append(
            ctx.conn,
            actor,
            FinanceChange {
                kind: "refund.approved",
                order_id: saved.order_id,
                record_id: saved.id,
                amount_fen: saved.amount_fen,
                payload: json!({
                    "contract_no": contract_no,
                    "payment_id": saved.payment_id,
                    "reason": saved.reason,
                    "approval_id": saved.approval_id,
                }),
            },
            ctx.now,
        )
        .await?;
    }
    Ok(())
}

impl Orders<'_> {
    /// Asks for a refund of an order's money: a pending refund and its `order.refund` approval
    /// request, decided by someone holding `refund:approve` (never the requester). It counts in
    /// the receivable only once approved. Needs `payment:record`; more than was received and
    /// not refunded or asked back already is 422 naming `amount_fen`.
    pub async fn request_refund(
        &self,
        actor: &Actor,
        id: OrderId,
        input: NewRefund,
    ) -> CoreResult<OrderView> {
        let now = self.now();
        let tx = self.db().begin().await?;
        let o = locked_order(&tx, actor, id, Permission::PaymentRecord).await?;
        let money = money_of(&tx, actor, &o).await?;
        let mut errors = FieldErrors::new();
        let amount = errors.check(check_amount("amount_fen", input.amount_fen));
        let reason = errors.check(parse_name("reason", &input.reason, REMARK_MAX));
        let refundable = refundable(&money).0;
        if let Some(amount) = amount
            && amount.0 > refundable
        {
            errors.push(
                FieldError::new(
                    "amount_fen",
                    "more_than_refundable",
                    "is more than was received and not refunded",
                )
                .with_param("max_fen", refundable.max(0)),
            );
        }
        if let Some(payment_id) = input.payment_id {
            let payment =
                tenant::find::<order_payment::Entity, _>(&*tx, actor.scope(), payment_id.uuid())
                    .await?;
            if payment.is_none_or(|p| p.order_id != o.id) {
                errors.push(FieldError::new(
                    "payment_id",
                    "unknown_payment",
                    "is not a payment of this order",
                ));
            }
        }
        errors.finish()?;
        let amount = amount.unwrap_or_default();
        let title = refund_title(&o.contract_no, &amount.to_string());
        let request = approvals::create_request(
            &*tx,
            actor,
            ApprovalInput {
                kind: REFUND_APPROVAL.kind,
                title: format!("Refund {} (contract {})", amount, o.contract_no),
                title_text: Some(title),
                reference: Some(("order".to_owned(), o.id)),
                payload: json!({ "amount_fen": amount.0, "contract_no": o.contract_no }),
            },
            now,
        )
        .await?;
        let refund = order_refund::Model {
            id: Uuid::now_v7(),
            dealer_id: o.dealer_id,
            order_id: o.id,
            payment_id: input.payment_id.map(|p| p.uuid()),
            amount_fen: amount.0,
            reason: reason.unwrap_or_default(),
            status: RefundStatus::Pending.as_str().to_owned(),
            approval_id: Some(request.id),
            requested_by: Some(actor.user_id().uuid()),
            decided_at: None,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let saved = tenant::insert::<order_refund::Entity, _>(
            &*tx,
            actor.scope(),
            refund.dealer_id,
            refund,
        )
        .await?;
        audit::record(&*tx, actor, AuditEntry::created(&saved), now).await?;
        let view = views::view(&*tx, actor, &o).await?;
        tx.commit().await?;
        Ok(view)
    }
}

/// What may still be asked back: received, less refunds approved or waiting.
pub fn refundable(money: &views::OrderMoney) -> Fen {
    Fen(money.received_fen.0 - money.refunded_fen.0 - money.refund_pending_fen.0)
}
