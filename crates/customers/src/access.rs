//! Who may see and change which customer: a record of another dealer is 404, a merged one 410
//! (with the survivor's id), then the permission (403), then its data scope by owner (404).

use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{customer, user};
use forecourt_db::repo::{customers, users};
use forecourt_domain::ids::{CustomerId, TeamId, UserId};
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use std::collections::HashMap;
use uuid::Uuid;

/// The teams of the owners of some customers: owner → team.
pub async fn owner_teams<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    owners: impl IntoIterator<Item = Uuid>,
) -> CoreResult<HashMap<Uuid, user::Model>> {
    let mut ids: Vec<Uuid> = owners.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    let found = users::find_many(conn, actor.scope(), &ids).await?;
    Ok(found.into_iter().map(|u| (u.id, u)).collect())
}

/// Whether the permission's scope reaches a customer (by its owner and the owner's team).
pub fn reaches(
    actor: &Actor,
    permission: Permission,
    customer: &customer::Model,
    owners: &HashMap<Uuid, user::Model>,
) -> bool {
    let owner = customer.owner_id;
    let team = owner
        .and_then(|o| owners.get(&o))
        .and_then(|u| u.team_id)
        .map(TeamId::from_uuid);
    actor.reaches(permission, owner.map(UserId::from_uuid), team)
}

/// The customer, if the actor may act on it with `permission`.
pub async fn customer_for<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: CustomerId,
    permission: Permission,
) -> CoreResult<customer::Model> {
    let found = forecourt_kernel::access::find_in_dealer::<customer::Entity, _>(
        conn,
        actor,
        id.uuid(),
        "customer",
    )
    .await?;
    if found.status == customers::MERGED {
        return Err(CoreError::Merged {
            entity: "customer",
            into: found.merged_into_id.unwrap_or(found.id),
        });
    }
    actor.require(permission)?;
    let owners = owner_teams(conn, actor, found.owner_id).await?;
    // Changing a record also needs to see it.
    if !reaches(actor, Permission::CustomerRead, &found, &owners)
        || !reaches(actor, permission, &found, &owners)
    {
        return Err(CoreError::not_found("customer"));
    }
    Ok(found)
}
