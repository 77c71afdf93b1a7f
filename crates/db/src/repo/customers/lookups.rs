//! Finding customers by phone, ID number hash or name prefix, and walking them all in batches.

use super::{ACTIVE, CustomerFilter, matching, within_reach};
use crate::entities::{customer, customer_phone};
use crate::repo::Reach;
use crate::repo::tenant::TenantEntity;
use crate::{DbResult, DealerScope};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

/// Customers having any of these phone numbers: `(number, customer id)`. Only active customers
/// have phones (a merge moves the merged-away customer's phones to the survivor).
pub async fn owners_of_phones<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    numbers: &[String],
) -> DbResult<Vec<(String, Uuid)>> {
    if numbers.is_empty() {
        return Ok(Vec::new());
    }
    let mut all = Vec::new();
    for chunk in numbers.chunks(500) {
        let rows: Vec<(String, Uuid)> = customer_phone::Entity::scoped(scope)
            .filter(customer_phone::Column::Number.is_in(chunk.iter().cloned()))
            .select_only()
            .column(customer_phone::Column::Number)
            .column(customer_phone::Column::CustomerId)
            .into_tuple()
            .all(conn)
            .await?;
        all.extend(rows);
    }
    Ok(all)
}

/// Active customers whose ID number hashes to one of these.
pub async fn owners_of_id_hashes<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    hashes: &[String],
) -> DbResult<Vec<(String, Uuid)>> {
    if hashes.is_empty() {
        return Ok(Vec::new());
    }
    let mut all = Vec::new();
    for chunk in hashes.chunks(500) {
        let rows: Vec<(Option<String>, Uuid)> = customer::Entity::scoped(scope)
            .filter(customer::Column::Status.eq(ACTIVE))
            .filter(customer::Column::IdNumberHash.is_in(chunk.iter().cloned()))
            .select_only()
            .column(customer::Column::IdNumberHash)
            .column(customer::Column::Id)
            .into_tuple()
            .all(conn)
            .await?;
        all.extend(rows.into_iter().filter_map(|(h, id)| h.map(|h| (h, id))));
    }
    Ok(all)
}

/// Customers whose name starts with `prefix` (a one-character search), newest first.
pub async fn name_prefix<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    prefix: &str,
    limit: u64,
) -> DbResult<Vec<customer::Model>> {
    let upper = format!("{prefix}\u{10FFFF}");
    Ok(within_reach(customer::Entity::scoped(scope), scope, reach)
        .filter(customer::Column::Status.eq(ACTIVE))
        .filter(
            Condition::all()
                .add(customer::Column::Name.gte(prefix))
                .add(customer::Column::Name.lt(upper.as_str())),
        )
        .order_by_asc(customer::Column::Name)
        .limit(limit)
        .all(conn)
        .await?)
}

/// Every active customer of the dealer, a batch at a time in id order (for exports and
/// re-indexing), starting after `after`.
pub async fn batch_after<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &CustomerFilter,
    after: Option<Uuid>,
    limit: u64,
) -> DbResult<Vec<customer::Model>> {
    let mut select = matching(conn, scope, reach, filter).await?;
    if let Some(after) = after {
        select = select.filter(customer::Column::Id.gt(after));
    }
    Ok(select
        .order_by_asc(customer::Column::Id)
        .limit(limit)
        .all(conn)
        .await?)
}
