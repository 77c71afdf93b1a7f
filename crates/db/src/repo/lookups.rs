//! The dealer's configurable lists.

use super::tenant::TenantEntity;
use crate::entities::lookup;
use crate::{DbResult, DealerScope};
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder};

/// A list's entries, in their order.
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    list: &str,
) -> DbResult<Vec<lookup::Model>> {
    Ok(lookup::Entity::scoped(scope)
        .filter(lookup::Column::List.eq(list))
        .order_by_asc(lookup::Column::SortOrder)
        .order_by_asc(lookup::Column::Key)
        .all(conn)
        .await?)
}

pub async fn by_key<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    list: &str,
    key: &str,
) -> DbResult<Option<lookup::Model>> {
    Ok(lookup::Entity::scoped(scope)
        .filter(lookup::Column::List.eq(list))
        .filter(lookup::Column::Key.eq(key))
        .one(conn)
        .await?)
}
