//! The rows that belong to a customer: phones, tags, companions and consent events.

use crate::entities::{customer_companion, customer_consent_event, customer_phone, customer_tag};
use crate::repo::batched_insert;
use crate::repo::tenant::TenantEntity;
use crate::{DbResult, DealerScope};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

/// The phones of some customers, primary first.
pub async fn phones_of<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    customer_ids: &[Uuid],
) -> DbResult<Vec<customer_phone::Model>> {
    if customer_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut all = Vec::new();
    for chunk in customer_ids.chunks(500) {
        all.extend(
            customer_phone::Entity::scoped(scope)
                .filter(customer_phone::Column::CustomerId.is_in(chunk.iter().copied()))
                .order_by_desc(customer_phone::Column::IsPrimary)
                .order_by_asc(customer_phone::Column::CreatedAt)
                .all(conn)
                .await?,
        );
    }
    Ok(all)
}

pub async fn tags_of<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    customer_ids: &[Uuid],
) -> DbResult<Vec<customer_tag::Model>> {
    if customer_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut all = Vec::new();
    for chunk in customer_ids.chunks(500) {
        all.extend(
            customer_tag::Entity::scoped(scope)
                .filter(customer_tag::Column::CustomerId.is_in(chunk.iter().copied()))
                .order_by_asc(customer_tag::Column::Tag)
                .all(conn)
                .await?,
        );
    }
    Ok(all)
}

pub async fn companions_of<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    customer_id: Uuid,
) -> DbResult<Vec<customer_companion::Model>> {
    Ok(customer_companion::Entity::scoped(scope)
        .filter(customer_companion::Column::CustomerId.eq(customer_id))
        .order_by_asc(customer_companion::Column::CreatedAt)
        .all(conn)
        .await?)
}

/// A customer's consent history, newest first.
pub async fn consent_events_of<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    customer_id: Uuid,
) -> DbResult<Vec<customer_consent_event::Model>> {
    Ok(customer_consent_event::Entity::scoped(scope)
        .filter(customer_consent_event::Column::CustomerId.eq(customer_id))
        .order_by_desc(customer_consent_event::Column::OccurredAt)
        .order_by_desc(customer_consent_event::Column::Id)
        .all(conn)
        .await?)
}

/// Replaces a customer's phones with `phones`.
pub async fn replace_phones<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    customer_id: Uuid,
    phones: Vec<customer_phone::Model>,
) -> DbResult<()> {
    customer_phone::Entity::delete_many()
        .filter(customer_phone::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(customer_phone::Column::CustomerId.eq(customer_id))
        .exec(conn)
        .await?;
    batched_insert::<customer_phone::Entity, _>(conn, scope, phones).await
}

pub async fn replace_tags<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    customer_id: Uuid,
    tags: Vec<customer_tag::Model>,
) -> DbResult<()> {
    customer_tag::Entity::delete_many()
        .filter(customer_tag::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(customer_tag::Column::CustomerId.eq(customer_id))
        .exec(conn)
        .await?;
    batched_insert::<customer_tag::Entity, _>(conn, scope, tags).await
}

pub async fn replace_companions<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    customer_id: Uuid,
    companions: Vec<customer_companion::Model>,
) -> DbResult<()> {
    customer_companion::Entity::delete_many()
        .filter(customer_companion::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(customer_companion::Column::CustomerId.eq(customer_id))
        .exec(conn)
        .await?;
    batched_insert::<customer_companion::Entity, _>(conn, scope, companions).await
}

/// Which of these customers already carry the tag.
pub async fn customers_with_tag<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    customer_ids: &[Uuid],
    tag: &str,
) -> DbResult<Vec<Uuid>> {
    if customer_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(customer_tag::Entity::scoped(scope)
        .filter(customer_tag::Column::Tag.eq(tag))
        .filter(customer_tag::Column::CustomerId.is_in(customer_ids.iter().copied()))
        .select_only()
        .column(customer_tag::Column::CustomerId)
        .into_tuple()
        .all(conn)
        .await?)
}
