//! The approval of a quote's discount over the consultant's limit or margin under the dealer's
//! floor: the `quote.discount` approval type, asking for it, and its effects (approved or
//! rejected), which run in the decision's transaction.

use super::{QuoteStep, QuoteView, quote_for, view};
use crate::Deal;
use forecourt_db::entities::{customer, quote};
use forecourt_db::repo::tenant;
use forecourt_domain::ids::QuoteId;
use forecourt_domain::permission::Permission;
use forecourt_domain::quote_status::QuoteStatus;
use forecourt_kernel::approvals::{self, ApprovalInput, ApprovalType, EffectCtx, EffectFuture};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde_json::json;

/// A quote whose discount or margin needs a manager: approving lets it be accepted, rejecting
/// sends it back to be changed.
pub static QUOTE_APPROVAL: ApprovalType = ApprovalType {
    kind: "quote.discount",
    permission: Permission::QuoteApprove,
    generic: false,
    check: None,
    on_approve: Some(approve),
    on_reject: Some(reject),
};

fn approve(ctx: EffectCtx<'_>) -> EffectFuture<'_> {
    Box::pin(decide(ctx, true))
}

fn reject(ctx: EffectCtx<'_>) -> EffectFuture<'_> {
    Box::pin(decide(ctx, false))
}

/// Moves the request's quote, while it still waits, to approved or rejected.
async fn decide(ctx: EffectCtx<'_>, approved: bool) -> CoreResult<()> {
    let Some(id) = ctx.request.ref_id else {
        return Ok(());
    };
    let Some(before) = tenant::find::<quote::Entity, _>(ctx.conn, ctx.decider.scope(), id).await?
    else {
        return Ok(());
    };
    let Some(next) = QuoteStatus::parse(&before.status).and_then(|s| s.after_decision(approved))
    else {
        return Ok(());
    };
    let mut after = before.clone();
    after.status = next.as_str().to_owned();
    let action = if approved {
        "quote.approved"
    } else {
        "quote.rejected"
    };
    let entry = AuditEntry::updated(&before, &after).with_action(action);
    audit::save::<quote::Entity, _>(ctx.conn, ctx.decider, &before, after, entry, ctx.now, |e| {
        CoreError::from_db("quote", e)
    })
    .await?;
    Ok(())
}

impl Deal<'_> {
    /// Asks a manager to approve the quote's discount or margin (only a quote that needs it,
    /// as a draft or after a rejection). Saving a quote never asks by itself: the consultant
    /// asks when the customer agrees to the offer.
    pub async fn request_quote_approval(
        &self,
        actor: &Actor,
        id: QuoteId,
        step: QuoteStep,
    ) -> CoreResult<QuoteView> {
        let tx = self.db().begin().await?;
        let before = quote_for(&*tx, actor, id, Permission::QuoteWrite).await?;
        if before.version != step.version {
            return Err(CoreError::VersionConflict { entity: "quote" });
        }
        let today = self.today(actor);
        let status = QuoteStatus::parse(&before.status)
            .unwrap_or(QuoteStatus::Draft)
            .effective(before.valid_until < today);
        if !status.may_request_approval(before.needs_approval) {
            return Err(CoreError::invalid_state(if before.needs_approval {
                "the quote is not a draft"
            } else {
                "the quote needs no approval"
            }));
        }
        let now = self.now();
        let mut after = before.clone();
        after.status = QuoteStatus::PendingApproval.as_str().to_owned();
        let entry = AuditEntry::updated(&before, &after).with_action("quote.approval_requested");
        let saved = audit::save::<quote::Entity, _>(&*tx, actor, &before, after, entry, now, |e| {
            CoreError::from_db("quote", e)
        })
        .await?;
        let customer = tenant::find::<customer::Entity, _>(&*tx, actor.scope(), saved.customer_id)
            .await?
            .map(|c| c.name)
            .unwrap_or_default();
        let number = super::number(&saved);
        approvals::create_request(
            &*tx,
            actor,
            ApprovalInput {
                kind: QUOTE_APPROVAL.kind,
                title: format!("{number} {customer}"),
                title_text: Some(crate::texts::approval_title(&number, &customer)),
                reference: Some(("quote".to_owned(), saved.id)),
                payload: json!({
                    "number": number,
                    "reasons": saved.approval_reasons,
                    "discount_fen": saved.discount_fen,
                    "total_fen": saved.total_fen,
                    "margin_fen": saved.margin_fen,
                }),
            },
            now,
        )
        .await?;
        let out = view(&*tx, actor, today, &saved).await?;
        tx.commit().await?;
        Ok(out)
    }
}
