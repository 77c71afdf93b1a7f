//! Resolving a role key to its permissions.

use crate::error::CoreResult;
use forecourt_db::repo::roles;
use forecourt_db::{ConnectionTrait, DealerScope};
use forecourt_domain::permission::{Grant, GrantSet};
use forecourt_domain::role::BuiltinRole;

/// The grants of a role of the dealer: a built-in role's from code, a custom role's from the
/// database. `None` when the dealer has no such role.
pub async fn role_grants<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    role_key: &str,
) -> CoreResult<Option<GrantSet>> {
    if let Some(builtin) = BuiltinRole::from_key(role_key) {
        return Ok(Some(builtin.grants()));
    }
    Ok(roles::find_by_key(conn, scope, role_key)
        .await?
        .map(|role| parse_grants(&role.grants)))
}

/// Reads stored grants, skipping any that name a permission this version no longer has (a
/// downgrade) or a scope the permission does not allow.
pub fn parse_grants(value: &serde_json::Value) -> GrantSet {
    let grants = value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|g| serde_json::from_value::<Grant>(g.clone()).ok())
        .filter(Grant::is_allowed);
    GrantSet::new(grants)
}

pub fn grants_to_json(grants: &GrantSet) -> serde_json::Value {
    serde_json::to_value(grants.to_vec()).unwrap_or_default()
}
