//! The `customer.reassign` approval: giving a customer to another consultant, decided by whoever
//! may assign customers (at team scope: for their team's requests).

use forecourt_db::entities::{customer, user};
use forecourt_db::repo::tenant;
use forecourt_domain::FieldError;
use forecourt_domain::permission::Permission;
use forecourt_kernel::approvals::{ApprovalType, EffectCtx, EffectFuture, RequestCheck};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::json;
use uuid::Uuid;

/// Give a customer to another consultant: `payload = {"owner_id": ...}`, `ref = customer`.
pub static CUSTOMER_REASSIGN: ApprovalType = ApprovalType {
    kind: "customer.reassign",
    permission: Permission::CustomerAssign,
    generic: true,
    check: Some(check),
    on_approve: Some(reassign),
    on_reject: None,
};

fn check(request: RequestCheck<'_>) -> EffectFuture<'_> {
    Box::pin(check_request(request))
}

/// The request names a customer of the dealer and an active user to give it to.
async fn check_request(request: RequestCheck<'_>) -> CoreResult<()> {
    let RequestCheck {
        conn,
        actor,
        ref_type,
        ref_id,
        payload,
    } = request;
    if ref_type != Some("customer") || ref_id.is_none() {
        return Err(CoreError::invalid(FieldError::new(
            "ref_id",
            "required",
            "names the customer to reassign",
        )));
    }
    let customer =
        tenant::find::<customer::Entity, _>(conn, actor.scope(), ref_id.unwrap_or_default())
            .await?;
    if customer.is_none() {
        return Err(CoreError::invalid(FieldError::new(
            "ref_id",
            "not_found",
            "no such customer",
        )));
    }
    let owner = payload
        .get("owner_id")
        .and_then(|v| v.as_str())
        .and_then(|s| s.parse::<Uuid>().ok());
    let found = match owner {
        Some(owner) => tenant::find::<user::Entity, _>(conn, actor.scope(), owner).await?,
        None => None,
    };
    if found.is_none_or(|u| u.status != "active") {
        return Err(CoreError::invalid(FieldError::new(
            "payload.owner_id",
            "invalid_value",
            "must name an active user of the dealer",
        )));
    }
    Ok(())
}

fn reassign(ctx: EffectCtx<'_>) -> EffectFuture<'_> {
    Box::pin(async move {
        let Some(customer_id) = ctx.request.ref_id else {
            return Ok(());
        };
        let owner = ctx
            .request
            .payload
            .get("owner_id")
            .and_then(|v| v.as_str())
            .and_then(|s| s.parse::<Uuid>().ok());
        let Some(before) =
            tenant::find::<customer::Entity, _>(ctx.conn, ctx.decider.scope(), customer_id).await?
        else {
            return Err(CoreError::invalid_state("the customer no longer exists"));
        };
        let mut after = before.clone();
        after.owner_id = owner;
        let entry = AuditEntry::action("customer", "reassigned", Some(before.id)).change(
            "owner_id",
            before.owner_id.map(|u| u.to_string()),
            after.owner_id.map(|u| u.to_string()),
        );
        let saved = audit::save::<customer::Entity, _>(
            ctx.conn,
            ctx.decider,
            &before,
            after,
            entry,
            ctx.now,
            |e| CoreError::from_db("customer", e),
        )
        .await?;
        timeline::record(
            ctx.conn,
            ctx.decider,
            vec![TimelineEvent::new(saved.id, "owner.changed", json!({"from": before.owner_id, "to": saved.owner_id, "approval_id": ctx.request.id}))],
            ctx.now,
        )
        .await?;
        Ok(())
    })
}
