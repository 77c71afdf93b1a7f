//! Opportunities (商机): a qualified lead moving through the dealer's pipeline — amount,
//! expected date, competitors — on a kanban board where moving a card changes its stage (the
//! history kept), and a funnel with the conversion between stages and a weighted forecast.

mod board;
pub mod hooks;
mod inputs;
mod read;
mod validation;
mod views;
mod write;

pub use board::{BoardColumn, Funnel, FunnelQuery, FunnelStage, PipelineBoard};
pub use inputs::{NewOpportunity, OpportunityPatch, OpportunityQuery, StageMove};
pub use views::{OpportunityView, StageChangeView};

use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::opportunity;
use forecourt_db::repo::pipeline::{self};
use forecourt_domain::ids::OpportunityId;
use forecourt_domain::permission::Permission;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use uuid::Uuid;
use views::views;

/// A lead's opportunity, if it has one.
pub async fn of_lead<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    lead_id: Uuid,
) -> CoreResult<Option<OpportunityView>> {
    match pipeline::of_lead(conn, actor.scope(), lead_id).await? {
        Some(o) => Ok(views(conn, actor, std::slice::from_ref(&o)).await?.pop()),
        None => Ok(None),
    }
}

/// The lead's opportunity closes lost with it.
pub async fn on_lead_lost<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    lead_id: Uuid,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if let Some(before) = pipeline::of_lead(conn, actor.scope(), lead_id).await?
        && before.status == "open"
    {
        let mut after = before.clone();
        after.status = "lost".to_owned();
        after.closed_at = Some(now);
        audit::save::<opportunity::Entity, _>(
            conn,
            actor,
            &before,
            after.clone(),
            AuditEntry::updated(&before, &after),
            now,
            |e| CoreError::from_db("opportunity", e),
        )
        .await?;
    }
    Ok(())
}

/// A reopened lead's lost opportunity is worked again.
pub async fn on_lead_reopened<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    lead_id: Uuid,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if let Some(before) = pipeline::of_lead(conn, actor.scope(), lead_id).await?
        && before.status == "lost"
    {
        let mut after = before.clone();
        after.status = "open".to_owned();
        after.closed_at = None;
        audit::save::<opportunity::Entity, _>(
            conn,
            actor,
            &before,
            after.clone(),
            AuditEntry::updated(&before, &after),
            now,
            |e| CoreError::from_db("opportunity", e),
        )
        .await?;
    }
    Ok(())
}

/// The opportunity, if the actor may act on it with `permission`.
pub async fn opportunity_for<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: OpportunityId,
    permission: Permission,
) -> CoreResult<opportunity::Model> {
    forecourt_kernel::access::held_record_for::<opportunity::Entity, _>(
        conn,
        actor,
        id.uuid(),
        "opportunity",
        Permission::OpportunityRead,
        permission,
        |o| o.owner_id,
    )
    .await
}
