//! The dealer's sales settings, model-line assignment rules and showroom receptions.

use super::tenant::TenantEntity;
use super::{Reach, owned_within_reach};
use crate::entities::{lead_assignment_rule, reception, sales_setting};
use crate::pagination::{BadCursor, CursorKey, Keyset, Page, PageRequest, SortDirection};
use crate::{DbResult, DealerScope};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

/// The dealer's own settings row, if it has changed any.
pub async fn settings<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Option<sales_setting::Model>> {
    Ok(sales_setting::Entity::scoped(scope).one(conn).await?)
}

pub async fn assignment_rules<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<lead_assignment_rule::Model>> {
    Ok(lead_assignment_rule::Entity::scoped(scope)
        .order_by_asc(lead_assignment_rule::Column::CreatedAt)
        .all(conn)
        .await?)
}

pub async fn assignment_rule_for_series<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    series_id: Uuid,
) -> DbResult<Option<lead_assignment_rule::Model>> {
    Ok(lead_assignment_rule::Entity::scoped(scope)
        .filter(lead_assignment_rule::Column::SeriesId.eq(series_id))
        .one(conn)
        .await?)
}

/// Removes every model-line rule (before the new set is written).
pub async fn clear_assignment_rules<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<()> {
    lead_assignment_rule::Entity::delete_many()
        .filter(lead_assignment_rule::Column::DealerId.eq(scope.dealer_id().uuid()))
        .exec(conn)
        .await?;
    Ok(())
}

#[derive(Clone, Debug, Default)]
pub struct ReceptionFilter {
    pub consultant_id: Option<Uuid>,
    pub lead_id: Option<Uuid>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// Receptions within reach (by the receiving consultant), newest arrival first.
pub async fn receptions<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &ReceptionFilter,
    page: &PageRequest,
) -> DbResult<Result<Page<reception::Model>, BadCursor>> {
    let mut select = owned_within_reach(
        reception::Entity::scoped(scope),
        scope,
        reach,
        reception::Column::ConsultantId,
    );
    if let Some(consultant) = filter.consultant_id {
        select = select.filter(reception::Column::ConsultantId.eq(consultant));
    }
    if let Some(lead) = filter.lead_id {
        select = select.filter(reception::Column::LeadId.eq(lead));
    }
    if let Some(from) = filter.from {
        select = select.filter(reception::Column::ArrivedAt.gte(from));
    }
    if let Some(to) = filter.to {
        select = select.filter(reception::Column::ArrivedAt.lt(to));
    }
    let keyset = Keyset {
        name: "-arrived_at",
        column: reception::Column::ArrivedAt,
        id_column: reception::Column::Id,
        direction: SortDirection::Desc,
    };
    let select = match keyset.apply(select, page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(keyset.finish(rows, page, |r| {
        (CursorKey::Time(r.arrived_at), r.id)
    })))
}

/// A lead's receptions, newest first.
pub async fn receptions_of_lead<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    lead_id: Uuid,
) -> DbResult<Vec<reception::Model>> {
    Ok(reception::Entity::scoped(scope)
        .filter(reception::Column::LeadId.eq(lead_id))
        .order_by_desc(reception::Column::ArrivedAt)
        .all(conn)
        .await?)
}

/// Whether the customer has visited the showroom before.
pub async fn has_visited<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    customer_id: Uuid,
) -> DbResult<bool> {
    use sea_orm::PaginatorTrait;
    Ok(reception::Entity::scoped(scope)
        .filter(reception::Column::CustomerId.eq(customer_id))
        .count(conn)
        .await?
        > 0)
}

/// A visit of the customer that arrived within `[from, to]`, if any (the earliest).
pub async fn visit_between<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    customer_id: Uuid,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> DbResult<Option<reception::Model>> {
    Ok(reception::Entity::scoped(scope)
        .filter(reception::Column::CustomerId.eq(customer_id))
        .filter(reception::Column::ArrivedAt.gte(from))
        .filter(reception::Column::ArrivedAt.lte(to))
        .order_by_asc(reception::Column::ArrivedAt)
        .one(conn)
        .await?)
}
