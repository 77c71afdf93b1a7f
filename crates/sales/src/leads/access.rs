//! Who may see and work which lead: another dealer's is 404, then the permission (403), then
//! the scope by the lead's owner and the owner's team (404).

use forecourt_db::ConnectionTrait;
use forecourt_db::entities::lead;
use forecourt_domain::ids::LeadId;
use forecourt_domain::permission::Permission;
use forecourt_kernel::access::{held_record_for, holder_id_reached};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;

/// The lead, if the actor may act on it with `permission` (and see it).
pub async fn lead_for<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: LeadId,
    permission: Permission,
) -> CoreResult<lead::Model> {
    held_record_for::<lead::Entity, _>(
        conn,
        actor,
        id.uuid(),
        "lead",
        Permission::LeadRead,
        permission,
        |l| l.owner_id,
    )
    .await
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
    holder_id_reached(
        conn,
        actor,
        &[Permission::LeadRead, Permission::LeadUpdate],
        holder,
    )
    .await
}
