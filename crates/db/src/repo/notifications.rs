//! In-app notifications.

use super::tenant::TenantEntity;
use crate::entities::notification;
use crate::pagination::{BadCursor, CursorKey, Keyset, Page, PageRequest, SortDirection};
use crate::{DbResult, DealerScope};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

pub async fn list<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    user_id: Uuid,
    unread_only: bool,
    page: &PageRequest,
) -> DbResult<Result<Page<notification::Model>, BadCursor>> {
    let mut select =
        notification::Entity::scoped(scope).filter(notification::Column::UserId.eq(user_id));
    if unread_only {
        select = select.filter(notification::Column::ReadAt.is_null());
    }
    let keyset = Keyset {
        name: "-created_at",
        column: notification::Column::CreatedAt,
        id_column: notification::Column::Id,
        direction: SortDirection::Desc,
    };
    let select = match keyset.apply(select, page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(keyset.finish(rows, page, |n| {
        (CursorKey::Time(n.created_at), n.id)
    })))
}

pub async fn unread_count<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    user_id: Uuid,
) -> DbResult<u64> {
    Ok(notification::Entity::scoped(scope)
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::ReadAt.is_null())
        .count(conn)
        .await?)
}

/// Marks the user's notifications read (these ids, or all); how many changed.
pub async fn mark_read<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    user_id: Uuid,
    ids: Option<&[Uuid]>,
    at: DateTime<Utc>,
) -> DbResult<u64> {
    let mut update = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(at))
        .filter(notification::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::ReadAt.is_null());
    if let Some(ids) = ids {
        update = update.filter(notification::Column::Id.is_in(ids.iter().copied()));
    }
    Ok(update.exec(conn).await?.rows_affected)
}

/// Deletes the dealer's notifications created before `before`; how many went.
pub async fn purge_before<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    before: DateTime<Utc>,
) -> DbResult<u64> {
    let result = notification::Entity::delete_many()
        .filter(notification::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(notification::Column::CreatedAt.lt(before))
        .exec(conn)
        .await?;
    Ok(result.rows_affected)
}
