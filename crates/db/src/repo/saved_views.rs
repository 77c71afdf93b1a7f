//! Saved list views: a user's named filters and sort for a list.

use super::tenant::TenantEntity;
use crate::entities::saved_view;
use crate::{DbResult, DealerScope};
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

pub async fn of_user<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    user_id: Uuid,
    resource: &str,
) -> DbResult<Vec<saved_view::Model>> {
    Ok(saved_view::Entity::scoped(scope)
        .filter(saved_view::Column::UserId.eq(user_id))
        .filter(saved_view::Column::Resource.eq(resource))
        .order_by_asc(saved_view::Column::Name)
        .all(conn)
        .await?)
}
