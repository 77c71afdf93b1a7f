//! Who may see and work which lead: another dealer's is 404, then the permission (403), then
//! the scope by the lead's owner and the owner's team (404).

use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{lead, user};
use forecourt_db::repo::tenant;
use forecourt_domain::ids::{LeadId, TeamId, UserId};
use forecourt_domain::permission::Permission;

/// Whether a permission's scope reaches a record owned by `owner`.
pub async fn reaches_owner<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    permission: Permission,
    owner: Option<uuid::Uuid>,
) -> CoreResult<bool> {
    let team = match owner {
        Some(owner) => tenant::find::<user::Entity, _>(conn, actor.scope(), owner)
            .await?
            .and_then(|u| u.team_id)
            .map(TeamId::from_uuid),
        None => None,
    };
    Ok(actor.reaches(permission, owner.map(UserId::from_uuid), team))
}

/// The lead, if the actor may act on it with `permission` (and see it).
pub async fn lead_for<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: LeadId,
    permission: Permission,
) -> CoreResult<lead::Model> {
    let found = tenant::find::<lead::Entity, _>(conn, actor.scope(), id.uuid())
        .await?
        .ok_or(CoreError::not_found("lead"))?;
    actor.require(permission)?;
    if !reaches_owner(conn, actor, Permission::LeadRead, found.owner_id).await?
        || !reaches_owner(conn, actor, permission, found.owner_id).await?
    {
        return Err(CoreError::not_found("lead"));
    }
    Ok(found)
}

/// Whether the actor may work a lead held by `holder` when they meet its customer on someone's
/// behalf — a visit they receive, a test drive they run, an enquiry that comes in: change its
/// grade and schedule, take it on. A lead in the pool (nobody holds it) goes to whoever may
/// update leads. Every path that writes to a lead for someone else asks this first; when the
/// answer is no, it records what happened without changing the lead's grade or schedule and
/// tells the lead's consultant.
pub async fn may_work<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    holder: Option<uuid::Uuid>,
) -> CoreResult<bool> {
    if holder.is_none() {
        return Ok(actor.can(Permission::LeadUpdate));
    }
    Ok(
        reaches_owner(conn, actor, Permission::LeadRead, holder).await?
            && reaches_owner(conn, actor, Permission::LeadUpdate, holder).await?,
    )
}
