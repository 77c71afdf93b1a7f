//! The dealer's list of customer and lead sources (walk-in, phone, web, OEM, ...).

use super::tenant::TenantEntity;
use crate::entities::source;
use crate::{DbResult, DealerScope};
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder};

pub async fn list<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<source::Model>> {
    Ok(source::Entity::scoped(scope)
        .order_by_asc(source::Column::SortOrder)
        .order_by_asc(source::Column::Key)
        .all(conn)
        .await?)
}

pub async fn by_key<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    key: &str,
) -> DbResult<Option<source::Model>> {
    Ok(source::Entity::scoped(scope)
        .filter(source::Column::Key.eq(key))
        .one(conn)
        .await?)
}
