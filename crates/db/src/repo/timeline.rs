//! A customer's timeline: everything that happened to them, in time order. Every module that
//! touches a customer appends here in the same transaction as its change.

use super::batched_insert;
use super::tenant::TenantEntity;
use crate::entities::customer_event;
use crate::pagination::{BadCursor, CursorKey, Keyset, Page, PageRequest, SortDirection};
use crate::{DbResult, DealerScope};
use sea_orm::sea_query::LikeExpr;
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter};
use uuid::Uuid;

pub async fn append<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    events: Vec<customer_event::Model>,
) -> DbResult<()> {
    batched_insert::<customer_event::Entity, _>(conn, scope, events).await
}

/// A customer's events, newest first.
pub async fn of_customer<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    customer_id: Uuid,
    kind_prefix: Option<&str>,
    page: &PageRequest,
) -> DbResult<Result<Page<customer_event::Model>, BadCursor>> {
    let mut select = customer_event::Entity::scoped(scope)
        .filter(customer_event::Column::CustomerId.eq(customer_id));
    if let Some(prefix) = kind_prefix {
        select = select.filter(
            customer_event::Column::Kind
                .like(LikeExpr::new(super::like_starts_with(prefix)).escape('\\')),
        );
    }
    let keyset = Keyset {
        name: "-occurred_at",
        column: customer_event::Column::OccurredAt,
        id_column: customer_event::Column::Id,
        direction: SortDirection::Desc,
    };
    let select = match keyset.apply(select, page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(keyset.finish(rows, page, |e| {
        (CursorKey::Time(e.occurred_at), e.id)
    })))
}
