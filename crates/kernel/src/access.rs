//! Loading one record for an actor, the same way everywhere: the record of the actor's dealer
//! first (another dealer's id is 404 for everyone), then the permission (403 names it), then
//! the data scope by the person who holds the record and their team (outside it: 404, as if
//! the record did not exist). Changing a record also needs the scope of reading it.

use crate::auth::Actor;
use crate::error::{CoreError, CoreResult};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::user;
use forecourt_db::repo::tenant::{self, TenantEntity};
use forecourt_domain::ids::{TeamId, UserId};
use forecourt_domain::permission::Permission;
use uuid::Uuid;

/// The record of the actor's dealer with this id; 404 (`entity`) when there is none.
pub async fn find_in_dealer<E: TenantEntity, C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: Uuid,
    entity: &'static str,
) -> CoreResult<E::Model> {
    tenant::find::<E, C>(conn, actor.scope(), id)
        .await?
        .ok_or(CoreError::not_found(entity))
}

/// Whether the scope of every one of `permissions` reaches a record held by `holder` (a user
/// of the dealer, or nobody: only dealer-wide grants reach it).
pub fn holder_reached(
    actor: &Actor,
    permissions: &[Permission],
    holder: Option<&user::Model>,
) -> bool {
    let owner = holder.map(|u| UserId::from_uuid(u.id));
    let team = holder.and_then(|u| u.team_id).map(TeamId::from_uuid);
    permissions.iter().all(|p| actor.reaches(*p, owner, team))
}

/// [`holder_reached`] for a holder known by id (their team looked up in the dealer).
pub async fn holder_id_reached<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    permissions: &[Permission],
    holder: Option<Uuid>,
) -> CoreResult<bool> {
    let team = match holder {
        Some(id) => tenant::find::<user::Entity, C>(conn, actor.scope(), id)
            .await?
            .and_then(|u| u.team_id)
            .map(TeamId::from_uuid),
        None => None,
    };
    let owner = holder.map(UserId::from_uuid);
    Ok(permissions.iter().all(|p| actor.reaches(*p, owner, team)))
}

/// A record held by a person, for `permission`: [`find_in_dealer`], then the permission, then
/// the scope of `read` and of `permission` by its holder (`holder(&record)`).
pub async fn held_record_for<E: TenantEntity, C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: Uuid,
    entity: &'static str,
    read: Permission,
    permission: Permission,
    holder: impl Fn(&E::Model) -> Option<Uuid>,
) -> CoreResult<E::Model> {
    let found = find_in_dealer::<E, C>(conn, actor, id, entity).await?;
    actor.require(permission)?;
    if !holder_id_reached(conn, actor, &[read, permission], holder(&found)).await? {
        return Err(CoreError::not_found(entity));
    }
    Ok(found)
}
