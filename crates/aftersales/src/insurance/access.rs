//! Loading a renewal for an actor: another dealer's is 404, then the permission (403), then
//! the data scope by the renewal's agent (an agent reaches only their own: another agent's
//! renewal is 404 for them).

use forecourt_db::ConnectionTrait;
use forecourt_db::entities::renewal;
use forecourt_domain::aftersales::renewal::RenewalStatus;
use forecourt_domain::ids::RenewalId;
use forecourt_domain::permission::Permission;
use forecourt_kernel::access::held_record_for;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};

/// The renewal `id` for `permission` (and reading it), held by its agent.
pub async fn renewal_for<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: RenewalId,
    permission: Permission,
) -> CoreResult<renewal::Model> {
    held_record_for::<renewal::Entity, C>(
        conn,
        actor,
        id.uuid(),
        "renewal",
        Permission::RenewalRead,
        permission,
        |r| r.agent_id,
    )
    .await
}

/// The renewal's status.
pub fn status(r: &renewal::Model) -> RenewalStatus {
    RenewalStatus::parse(&r.status).unwrap_or(RenewalStatus::Open)
}

/// 409 `invalid_state` unless the renewal is still open.
pub fn require_open(r: &renewal::Model) -> CoreResult<()> {
    match status(r) {
        RenewalStatus::Open => Ok(()),
        other => Err(CoreError::invalid_state(format!(
            "the renewal is closed ({})",
            other.as_str()
        ))),
    }
}

/// 409 `version_conflict` unless `version` is the renewal's.
pub fn check_version(r: &renewal::Model, version: i64) -> CoreResult<()> {
    if r.version == version {
        Ok(())
    } else {
        Err(CoreError::VersionConflict { entity: "renewal" })
    }
}
