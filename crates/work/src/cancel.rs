//! Cancelling an activity; a pushed task's cancellation waits for the manager's approval.

use super::access::{activity_for, view};
use super::hooks::{finish, module_owned, owned_by_record};
use super::types::{ActivityView, CancelActivity};
use crate::Work;
use forecourt_db::entities::activity;
use forecourt_db::repo::tenant;
use forecourt_domain::FieldError;
use forecourt_domain::ids::ActivityId;
use forecourt_domain::permission::Permission;
use forecourt_domain::text::Text;
use forecourt_domain::username::COMMENT_MAX;
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::work::ActivityStatus;
use forecourt_kernel::approvals::{
    ApprovalInput, ApprovalType, EffectCtx, EffectFuture, create_request,
};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde_json::json;

/// Cancelling a pushed task waits for this approval.
pub static CANCEL_APPROVAL: ApprovalType = ApprovalType {
    kind: "activity.cancel",
    permission: Permission::ApprovalDecide,
    generic: false,
    check: None,
    on_approve: Some(approve_cancel),
    on_reject: Some(reject_cancel),
};

fn approve_cancel(ctx: EffectCtx<'_>) -> EffectFuture<'_> {
    Box::pin(async move {
        let Some(id) = ctx.request.ref_id else {
            return Ok(());
        };
        if let Some(before) =
            tenant::find::<activity::Entity, _>(ctx.conn, ctx.decider.scope(), id).await?
            && before.status == ActivityStatus::Planned.as_str()
        {
            finish(
                ctx.conn,
                ctx.decider,
                before,
                ActivityStatus::Cancelled,
                None,
                ctx.now,
            )
            .await?;
        }
        Ok(())
    })
}

fn reject_cancel(ctx: EffectCtx<'_>) -> EffectFuture<'_> {
    Box::pin(async move {
        let Some(id) = ctx.request.ref_id else {
            return Ok(());
        };
        if let Some(before) =
            tenant::find::<activity::Entity, _>(ctx.conn, ctx.decider.scope(), id).await?
            && before.pending_approval_id == Some(ctx.request.id)
        {
            let mut after = before.clone();
            after.pending_approval_id = None;
            tenant::update::<activity::Entity, _>(
                ctx.conn,
                ctx.decider.scope(),
                before.id,
                after,
                before.version,
                ctx.now,
            )
            .await
            .map_err(|e| CoreError::from_db("activity", e))?;
        }
        Ok(())
    })
}

impl Work<'_> {
    /// Cancels an activity; a pushed task (`cancel_needs_approval`) asks for the manager's
    /// approval instead (with a reason) and stays due until it is approved.
    pub async fn cancel_activity(
        &self,
        actor: &Actor,
        id: ActivityId,
        input: CancelActivity,
    ) -> CoreResult<ActivityView> {
        let tx = self.db().begin().await?;
        let before = activity_for(&*tx, actor, id, Permission::ActivityWrite).await?;
        if before.version != input.version {
            return Err(CoreError::VersionConflict { entity: "activity" });
        }
        if before.status != ActivityStatus::Planned.as_str() {
            return Err(CoreError::invalid_state(format!(
                "the activity is already {}",
                before.status
            )));
        }
        if module_owned(&before) {
            return Err(owned_by_record(&before));
        }
        let reason = parse_optional_text("reason", input.reason.as_deref(), COMMENT_MAX)?;
        if before.cancel_needs_approval && reason.is_none() {
            // The manager decides on the reason: a request without one cannot be judged.
            return Err(CoreError::invalid(FieldError::required("reason")));
        }
        let now = self.now();
        let saved = if before.cancel_needs_approval {
            if before.pending_approval_id.is_some() {
                return Err(CoreError::invalid_state(
                    "a cancellation is already waiting for approval",
                ));
            }
            let request = create_request(
                &*tx,
                actor,
                ApprovalInput {
                    kind: CANCEL_APPROVAL.kind,
                    title: before.subject.clone(),
                    title_text: before.subject_text.as_ref().and_then(Text::from_value),
                    reference: Some(("activity".to_owned(), before.id)),
                    payload: json!({"reason": reason}),
                },
                now,
            )
            .await?;
            let mut after = before.clone();
            after.pending_approval_id = Some(request.id);
            tenant::update::<activity::Entity, _>(
                &*tx,
                actor.scope(),
                before.id,
                after,
                before.version,
                now,
            )
            .await
            .map_err(|e| CoreError::from_db("activity", e))?
        } else {
            let mut cancelled =
                finish(&*tx, actor, before, ActivityStatus::Cancelled, None, now).await?;
            if let Some(reason) = reason {
                cancelled.outcome = Some(reason);
            }
            cancelled
        };
        let view = view(&*tx, actor, saved, now).await?;
        tx.commit().await?;
        Ok(view)
    }
}
