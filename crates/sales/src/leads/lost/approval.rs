//! The manager's approval of a loss: the approval type, its effects, and deciding on the lead.

use super::{confirm_lost, decides_losses, refuse_lost};
use crate::Sales;
use crate::leads::access::lead_for;
use crate::leads::views::{LeadView, lead_views};
use forecourt_db::entities::lead;
use forecourt_db::repo::tenant;
use forecourt_domain::ids::LeadId;
use forecourt_domain::permission::Permission;
use forecourt_domain::sales::LeadStatus;
use forecourt_domain::work::ApprovalStatus;
use forecourt_kernel::approvals::{self, ApprovalType, EffectCtx, EffectFuture};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};

/// A consultant's loss waiting for the manager (when the dealer asks for approval). Deciding
/// it — here or on the lead — confirms or refuses the loss in the same transaction.
pub static LOST_APPROVAL: ApprovalType = ApprovalType {
    kind: "lead.lost",
    permission: Permission::LeadAssign,
    generic: false,
    check: None,
    on_approve: Some(approve_loss),
    on_reject: Some(refuse_loss),
};

fn approve_loss(ctx: EffectCtx<'_>) -> EffectFuture<'_> {
    Box::pin(async move {
        if let Some(before) = pending_lead(&ctx).await? {
            confirm_lost(ctx.conn, ctx.decider, &before, ctx.now).await?;
        }
        Ok(())
    })
}

fn refuse_loss(ctx: EffectCtx<'_>) -> EffectFuture<'_> {
    Box::pin(async move {
        if let Some(before) = pending_lead(&ctx).await? {
            refuse_lost(ctx.conn, ctx.decider, &before, ctx.now).await?;
        }
        Ok(())
    })
}

/// The request's lead, while it still waits for the decision.
async fn pending_lead(ctx: &EffectCtx<'_>) -> CoreResult<Option<lead::Model>> {
    let Some(id) = ctx.request.ref_id else {
        return Ok(None);
    };
    Ok(
        tenant::find::<lead::Entity, _>(ctx.conn, ctx.decider.scope(), id)
            .await?
            .filter(|l| l.status == LeadStatus::LostPending.as_str()),
    )
}

impl Sales<'_> {
    /// Decides a lost request (the manager).
    pub async fn decide_lead_lost(
        &self,
        actor: &Actor,
        id: LeadId,
        version: i64,
        approve: bool,
    ) -> CoreResult<LeadView> {
        let tx = self.db().begin().await?;
        let before = lead_for(&*tx, actor, id, Permission::LeadUpdate).await?;
        if !decides_losses(actor) {
            return Err(CoreError::Forbidden {
                permission: Permission::LeadAssign,
            });
        }
        if before.version != version {
            return Err(CoreError::VersionConflict { entity: "lead" });
        }
        if before.status != LeadStatus::LostPending.as_str() {
            return Err(CoreError::invalid_state(
                "the lead is not waiting for a loss to be approved",
            ));
        }
        let now = self.now();
        // The request in the approvals list is decided with it (its effect does the work).
        let request = forecourt_db::repo::approvals::pending_about(
            &*tx,
            actor.scope(),
            LOST_APPROVAL.kind,
            "lead",
            before.id,
        )
        .await?;
        let saved = match request {
            Some(request) => {
                let outcome = if approve {
                    ApprovalStatus::Approved
                } else {
                    ApprovalStatus::Rejected
                };
                approvals::settle(&tx, actor, &LOST_APPROVAL, request, outcome, None, now).await?;
                tenant::find::<lead::Entity, _>(&*tx, actor.scope(), before.id)
                    .await?
                    .ok_or(CoreError::not_found("lead"))?
            }
            None if approve => confirm_lost(&*tx, actor, &before, now).await?,
            None => refuse_lost(&*tx, actor, &before, now).await?,
        };
        let view = lead_views(&*tx, actor, now, std::slice::from_ref(&saved))
            .await?
            .pop()
            .ok_or(CoreError::not_found("lead"))?;
        tx.commit().await?;
        Ok(view)
    }
}
