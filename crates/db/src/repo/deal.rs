//! The deal's queries: the configurator of a trim with its dated prices, the dealer's deal
//! settings, appraisals, quotes and their lines.

use super::tenant::TenantEntity;
use super::{Reach, owned_within_reach};
use crate::entities::{
    appraisal, config_group, config_item, config_item_price, config_package_item, deal_setting,
    quote, quote_line,
};
use crate::pagination::{BadCursor, CursorKey, Keyset, Page, PageRequest, SortDirection};
use crate::{DbResult, DealerScope};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

/// The dealer's deal settings row, if it has changed any.
pub async fn settings<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Option<deal_setting::Model>> {
    Ok(deal_setting::Entity::scoped(scope).one(conn).await?)
}

/// A trim's option groups, in order.
pub async fn groups_of_model<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    model_id: Uuid,
) -> DbResult<Vec<config_group::Model>> {
    Ok(config_group::Entity::scoped(scope)
        .filter(config_group::Column::ModelId.eq(model_id))
        .order_by_asc(config_group::Column::Position)
        .order_by_asc(config_group::Column::Id)
        .all(conn)
        .await?)
}

/// A trim's items (its vehicle row, options, packages) and the accessories offered for its
/// series (dealer-wide ones too).
pub async fn items_for_model<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    model_id: Uuid,
    series_id: Uuid,
) -> DbResult<Vec<config_item::Model>> {
    use sea_orm::Condition;
    Ok(config_item::Entity::scoped(scope)
        .filter(
            Condition::any()
                .add(config_item::Column::ModelId.eq(model_id))
                .add(
                    Condition::all()
                        .add(config_item::Column::Kind.eq("accessory"))
                        .add(
                            Condition::any()
                                .add(config_item::Column::SeriesId.is_null())
                                .add(config_item::Column::SeriesId.eq(series_id)),
                        ),
                ),
        )
        .order_by_asc(config_item::Column::Kind)
        .order_by_asc(config_item::Column::Name)
        .order_by_asc(config_item::Column::Id)
        .all(conn)
        .await?)
}

/// Every dealer accessory (the managers' list).
pub async fn accessories<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<config_item::Model>> {
    Ok(config_item::Entity::scoped(scope)
        .filter(config_item::Column::Kind.eq("accessory"))
        .order_by_asc(config_item::Column::Name)
        .order_by_asc(config_item::Column::Id)
        .all(conn)
        .await?)
}

/// The price rows of these items, effective on `on` or before when given, oldest first.
pub async fn prices_of<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    item_ids: &[Uuid],
    on: Option<NaiveDate>,
) -> DbResult<Vec<config_item_price::Model>> {
    if item_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut select = config_item_price::Entity::scoped(scope)
        .filter(config_item_price::Column::ItemId.is_in(item_ids.iter().copied()));
    if let Some(on) = on {
        select = select.filter(config_item_price::Column::EffectiveFrom.lte(on));
    }
    Ok(select
        .order_by_asc(config_item_price::Column::EffectiveFrom)
        .all(conn)
        .await?)
}

/// The price row of an item from exactly this day, if any.
pub async fn price_on_day<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    item_id: Uuid,
    day: NaiveDate,
) -> DbResult<Option<config_item_price::Model>> {
    Ok(config_item_price::Entity::scoped(scope)
        .filter(config_item_price::Column::ItemId.eq(item_id))
        .filter(config_item_price::Column::EffectiveFrom.eq(day))
        .one(conn)
        .await?)
}

/// The options these packages contain.
pub async fn package_items<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    package_ids: &[Uuid],
) -> DbResult<Vec<config_package_item::Model>> {
    if package_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(config_package_item::Entity::find()
        .filter(config_package_item::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(config_package_item::Column::PackageId.is_in(package_ids.iter().copied()))
        .all(conn)
        .await?)
}

/// Removes a package's contents (before the new set is written).
pub async fn clear_package_items<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    package_id: Uuid,
) -> DbResult<()> {
    config_package_item::Entity::delete_many()
        .filter(config_package_item::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(config_package_item::Column::PackageId.eq(package_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// A customer's appraisals, newest first.
pub async fn appraisals_of_customer<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    customer_id: Option<Uuid>,
    page: &PageRequest,
) -> DbResult<Result<Page<appraisal::Model>, BadCursor>> {
    let keyset = Keyset {
        name: "-created_at",
        column: appraisal::Column::CreatedAt,
        id_column: appraisal::Column::Id,
        direction: SortDirection::Desc,
    };
    let mut select = owned_within_reach(
        appraisal::Entity::scoped(scope),
        scope,
        reach,
        appraisal::Column::AppraiserId,
    );
    if let Some(customer_id) = customer_id {
        select = select.filter(appraisal::Column::CustomerId.eq(customer_id));
    }
    let select = match keyset.apply(select, page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(keyset.finish(rows, page, |a| {
        (CursorKey::Time(a.created_at), a.id)
    })))
}

/// The versions of an opportunity's quote, oldest first.
pub async fn quotes_of_opportunity<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    opportunity_id: Uuid,
) -> DbResult<Vec<quote::Model>> {
    Ok(quote::Entity::scoped(scope)
        .filter(quote::Column::OpportunityId.eq(opportunity_id))
        .order_by_asc(quote::Column::VersionNo)
        .all(conn)
        .await?)
}

/// The dealer's highest quote number so far.
pub async fn last_quote_no<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Option<i64>> {
    let row: Option<Option<i64>> = quote::Entity::scoped(scope)
        .select_only()
        .column_as(quote::Column::QuoteNo.max(), "max_no")
        .into_tuple()
        .one(conn)
        .await?;
    Ok(row.flatten())
}

#[derive(Clone, Debug, Default)]
pub struct QuoteFilter {
    pub opportunity_id: Option<Uuid>,
    pub lead_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub statuses: Vec<String>,
}

/// Quotes within a reach (by consultant), newest first.
pub async fn list_quotes<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &QuoteFilter,
    page: &PageRequest,
) -> DbResult<Result<Page<quote::Model>, BadCursor>> {
    let keyset = Keyset {
        name: "-created_at",
        column: quote::Column::CreatedAt,
        id_column: quote::Column::Id,
        direction: SortDirection::Desc,
    };
    let mut select = owned_within_reach(
        quote::Entity::scoped(scope),
        scope,
        reach,
        quote::Column::ConsultantId,
    );
    if let Some(id) = filter.opportunity_id {
        select = select.filter(quote::Column::OpportunityId.eq(id));
    }
    if let Some(id) = filter.lead_id {
        select = select.filter(quote::Column::LeadId.eq(id));
    }
    if let Some(id) = filter.customer_id {
        select = select.filter(quote::Column::CustomerId.eq(id));
    }
    if !filter.statuses.is_empty() {
        select =
            select.filter(quote::Column::Status.is_in(filter.statuses.iter().map(String::as_str)));
    }
    let select = match keyset.apply(select, page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(keyset.finish(rows, page, |q| {
        (CursorKey::Time(q.created_at), q.id)
    })))
}

/// The lines of these quotes, in order.
pub async fn lines_of<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    quote_ids: &[Uuid],
) -> DbResult<Vec<quote_line::Model>> {
    if quote_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(quote_line::Entity::scoped(scope)
        .filter(quote_line::Column::QuoteId.is_in(quote_ids.iter().copied()))
        .order_by_asc(quote_line::Column::QuoteId)
        .order_by_asc(quote_line::Column::Position)
        .all(conn)
        .await?)
}

/// Removes a quote's lines (before its new ones are written).
pub async fn clear_lines<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    quote_id: Uuid,
) -> DbResult<()> {
    quote_line::Entity::delete_many()
        .filter(quote_line::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(quote_line::Column::QuoteId.eq(quote_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// Marks every other open version of the opportunity's quote superseded; the ids changed.
pub async fn supersede_others<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    opportunity_id: Uuid,
    accepted_id: Uuid,
    open_statuses: &[&str],
    now: DateTime<Utc>,
) -> DbResult<Vec<Uuid>> {
    let ids: Vec<Uuid> = quote::Entity::scoped(scope)
        .filter(quote::Column::OpportunityId.eq(opportunity_id))
        .filter(quote::Column::Id.ne(accepted_id))
        .filter(quote::Column::Status.is_in(open_statuses.iter().copied()))
        .select_only()
        .column(quote::Column::Id)
        .into_tuple()
        .all(conn)
        .await?;
    if ids.is_empty() {
        return Ok(ids);
    }
    quote::Entity::update_many()
        .col_expr(quote::Column::Status, Expr::value("superseded"))
        .col_expr(quote::Column::UpdatedAt, Expr::value(now))
        .col_expr(
            quote::Column::Version,
            Expr::col(quote::Column::Version).add(1),
        )
        .filter(quote::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(quote::Column::Id.is_in(ids.iter().copied()))
        .exec(conn)
        .await?;
    Ok(ids)
}

/// Records the order of an accepted quote, only when it has none: whether it was recorded.
pub async fn set_order<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    quote_id: Uuid,
    order_id: Uuid,
    now: DateTime<Utc>,
) -> DbResult<bool> {
    let result = quote::Entity::update_many()
        .col_expr(quote::Column::OrderId, Expr::value(order_id))
        .col_expr(quote::Column::UpdatedAt, Expr::value(now))
        .col_expr(
            quote::Column::Version,
            Expr::col(quote::Column::Version).add(1),
        )
        .filter(quote::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(quote::Column::Id.eq(quote_id))
        .filter(quote::Column::Status.eq("accepted"))
        .filter(quote::Column::OrderId.is_null())
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}
