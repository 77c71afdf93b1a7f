//! Loading a complaint for an actor: another dealer's is 404, then the permission (403), then
//! the reach — a complaint is held by its handler, and whoever entered it may read it too.

use forecourt_db::ConnectionTrait;
use forecourt_db::entities::complaint;
use forecourt_domain::care::complaint::ComplaintStatus;
use forecourt_domain::ids::ComplaintId;
use forecourt_domain::permission::Permission;
use forecourt_kernel::access::{find_in_dealer, holder_id_reached};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};

/// The complaint `id` for `permission`: its handler within the reach of `complaint:read` and
/// of `permission`, or (for reading) the actor entered it.
pub async fn complaint_for<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: ComplaintId,
    permission: Permission,
) -> CoreResult<complaint::Model> {
    let found = find_in_dealer::<complaint::Entity, C>(conn, actor, id.uuid(), "complaint").await?;
    actor.require(Permission::ComplaintRead)?;
    actor.require(permission)?;
    let entered_own = found.entered_by == actor.user_id().uuid();
    let read_ok = entered_own
        || holder_id_reached(conn, actor, &[Permission::ComplaintRead], found.handler_id).await?;
    let act_ok = permission == Permission::ComplaintRead
        || holder_id_reached(conn, actor, &[permission], found.handler_id).await?;
    if !(read_ok && act_ok) {
        return Err(CoreError::not_found("complaint"));
    }
    Ok(found)
}

/// The complaint's status.
pub fn status(c: &complaint::Model) -> ComplaintStatus {
    ComplaintStatus::parse(&c.status).unwrap_or(ComplaintStatus::Entered)
}

/// 409 `version_conflict` unless `version` is the complaint's.
pub fn check_version(c: &complaint::Model, version: i64) -> CoreResult<()> {
    if c.version == version {
        Ok(())
    } else {
        Err(CoreError::VersionConflict {
            entity: "complaint",
        })
    }
}

/// 409 `invalid_state` unless the complaint is in one of `allowed`.
pub fn require_status(
    c: &complaint::Model,
    allowed: &[ComplaintStatus],
    action: &str,
) -> CoreResult<()> {
    let now = status(c);
    if allowed.contains(&now) {
        Ok(())
    } else {
        Err(CoreError::invalid_state(format!(
            "a complaint cannot be {action} while {}",
            now.as_str()
        )))
    }
}
