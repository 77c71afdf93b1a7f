//! The outbox of outbound messages, their delivery log, and the dealer's message templates.

use super::tenant::TenantEntity;
use crate::entities::{message_delivery, message_template, outbound_message};
use crate::pagination::{BadCursor, CursorKey, Keyset, Page, PageRequest, SortDirection};
use crate::{DbResult, DealerScope};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

pub async fn find_by_key<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    idempotency_key: &str,
) -> DbResult<Option<outbound_message::Model>> {
    Ok(outbound_message::Entity::scoped(scope)
        .filter(outbound_message::Column::IdempotencyKey.eq(idempotency_key))
        .one(conn)
        .await?)
}

#[derive(Clone, Debug, Default)]
pub struct MessageFilter {
    pub status: Option<String>,
    pub channel: Option<String>,
    pub customer_id: Option<Uuid>,
}

pub async fn list<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    filter: &MessageFilter,
    page: &PageRequest,
) -> DbResult<Result<Page<outbound_message::Model>, BadCursor>> {
    let mut select = outbound_message::Entity::scoped(scope);
    if let Some(status) = &filter.status {
        select = select.filter(outbound_message::Column::Status.eq(status.as_str()));
    }
    if let Some(channel) = &filter.channel {
        select = select.filter(outbound_message::Column::Channel.eq(channel.as_str()));
    }
    if let Some(customer) = filter.customer_id {
        select = select.filter(outbound_message::Column::CustomerId.eq(customer));
    }
    let keyset = Keyset {
        name: "-created_at",
        column: outbound_message::Column::CreatedAt,
        id_column: outbound_message::Column::Id,
        direction: SortDirection::Desc,
    };
    let select = match keyset.apply(select, page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(keyset.finish(rows, page, |m| {
        (CursorKey::Time(m.created_at), m.id)
    })))
}

/// A message's delivery attempts, oldest first.
pub async fn deliveries<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    message_id: Uuid,
) -> DbResult<Vec<message_delivery::Model>> {
    Ok(message_delivery::Entity::scoped(scope)
        .filter(message_delivery::Column::MessageId.eq(message_id))
        .order_by_asc(message_delivery::Column::StartedAt)
        .order_by_asc(message_delivery::Column::Id)
        .all(conn)
        .await?)
}

/// The dealer's own versions of the templates.
pub async fn templates<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<message_template::Model>> {
    Ok(message_template::Entity::scoped(scope)
        .order_by_asc(message_template::Column::Key)
        .order_by_asc(message_template::Column::Channel)
        .order_by_asc(message_template::Column::Locale)
        .all(conn)
        .await?)
}

pub async fn template<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    key: &str,
    channel: &str,
    locale: &str,
) -> DbResult<Option<message_template::Model>> {
    Ok(message_template::Entity::scoped(scope)
        .filter(message_template::Column::Key.eq(key))
        .filter(message_template::Column::Channel.eq(channel))
        .filter(message_template::Column::Locale.eq(locale))
        .one(conn)
        .await?)
}

/// Deletes the dealer's messages that reached an end (`statuses`: sent, suppressed, dead) and
/// were queued before `before`, with their delivery log (the foreign key cascades); how many went.
pub async fn purge_finished_before<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    statuses: &[&str],
    before: chrono::DateTime<chrono::Utc>,
) -> DbResult<u64> {
    let result = outbound_message::Entity::delete_many()
        .filter(outbound_message::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(outbound_message::Column::Status.is_in(statuses.iter().copied()))
        .filter(outbound_message::Column::CreatedAt.lt(before))
        .exec(conn)
        .await?;
    Ok(result.rows_affected)
}
