//! Resolving a role key to its permissions.

use crate::error::CoreResult;
use forecourt_db::repo::roles;
use forecourt_db::{ConnectionTrait, DealerScope};
use forecourt_domain::permission::GrantSet;
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

pub use forecourt_domain::permission::{grants_to_json, parse_grants};
