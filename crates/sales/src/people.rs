//! Who is who on a sales record: the users a page of leads, visits, drives or opportunities
//! names (owner, consultant, who logged a follow-up), looked up once for the page.

use forecourt_customers::OwnerView;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::user;
use forecourt_db::repo::users;
use forecourt_domain::ids::UserId;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use std::collections::HashMap;
use uuid::Uuid;

/// Users by id, for names.
pub async fn people<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    ids: impl IntoIterator<Item = Uuid>,
) -> CoreResult<HashMap<Uuid, user::Model>> {
    let mut ids: Vec<Uuid> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(users::find_many(conn, actor.scope(), &ids)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect())
}

/// The user of this id as a page names them (an empty name for one no longer found).
pub fn person(people: &HashMap<Uuid, user::Model>, id: Option<Uuid>) -> Option<OwnerView> {
    id.map(|id| OwnerView {
        id: UserId::from_uuid(id),
        display_name: people
            .get(&id)
            .map(|u| u.display_name.clone())
            .unwrap_or_default(),
    })
}
