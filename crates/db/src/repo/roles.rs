//! Custom roles (built-in roles live in code, in `forecourt_domain::role`).

use super::tenant::TenantEntity;
use crate::entities::role;
use crate::{DbResult, DealerScope};
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder};

pub async fn list<C: ConnectionTrait>(conn: &C, scope: &DealerScope) -> DbResult<Vec<role::Model>> {
    Ok(role::Entity::scoped(scope)
        .order_by_asc(role::Column::Key)
        .all(conn)
        .await?)
}

pub async fn find_by_key<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    key: &str,
) -> DbResult<Option<role::Model>> {
    Ok(role::Entity::scoped(scope)
        .filter(role::Column::Key.eq(key))
        .one(conn)
        .await?)
}
