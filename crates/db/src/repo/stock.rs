//! Stock units: allocation by conditional update, their history, the filtered list, the
//! low-stock counts and the aged units the alert job looks at.

use super::like_ends_with;
use super::tenant::TenantEntity;
use crate::entities::{
    catalog_model, stock_alert, stock_model_minimum, stock_setting, stock_unit, stock_unit_event,
};
use crate::pagination::{BadCursor, CursorKey, Keyset, Page, PageRequest, SortDirection};
use crate::{DbError, DbResult, DealerScope};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr, OnConflict, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

/// Reserves a unit for an order — only if it is in stock and held by no order. Whether it was
/// reserved (false: it is not in stock, or another order holds it). The partial unique index
/// over `order_id` refuses a second unit for the same order
/// ([`DbError::UniqueViolation`]).
pub async fn allocate<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    unit_id: Uuid,
    order_id: Uuid,
    now: DateTime<Utc>,
) -> DbResult<bool> {
    let result = stock_unit::Entity::update_many()
        .col_expr(stock_unit::Column::Status, Expr::val("reserved"))
        .col_expr(stock_unit::Column::OrderId, Expr::val(order_id))
        .col_expr(stock_unit::Column::StatusChangedAt, Expr::val(now))
        .col_expr(stock_unit::Column::UpdatedAt, Expr::val(now))
        .col_expr(
            stock_unit::Column::Version,
            Expr::col(stock_unit::Column::Version).add(1),
        )
        .filter(stock_unit::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(stock_unit::Column::Id.eq(unit_id))
        .filter(stock_unit::Column::Status.eq("in_stock"))
        .filter(stock_unit::Column::OrderId.is_null())
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Moves a unit from `from` to `to` only if it is still in `from` (setting or keeping its
/// order); whether it moved.
pub async fn move_status<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    unit_id: Uuid,
    from: &str,
    to: &str,
    order_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> DbResult<bool> {
    let result = stock_unit::Entity::update_many()
        .col_expr(stock_unit::Column::Status, Expr::val(to))
        .col_expr(stock_unit::Column::OrderId, Expr::val(order_id))
        .col_expr(stock_unit::Column::StatusChangedAt, Expr::val(now))
        .col_expr(stock_unit::Column::UpdatedAt, Expr::val(now))
        .col_expr(
            stock_unit::Column::Version,
            Expr::col(stock_unit::Column::Version).add(1),
        )
        .filter(stock_unit::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(stock_unit::Column::Id.eq(unit_id))
        .filter(stock_unit::Column::Status.eq(from))
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// The unit reserved for (or sold on) an order.
pub async fn for_order<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    order_id: Uuid,
) -> DbResult<Option<stock_unit::Model>> {
    Ok(stock_unit::Entity::scoped(scope)
        .filter(stock_unit::Column::OrderId.eq(order_id))
        .one(conn)
        .await?)
}

/// The unit with this VIN.
pub async fn by_vin<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    vin: &str,
) -> DbResult<Option<stock_unit::Model>> {
    Ok(stock_unit::Entity::scoped(scope)
        .filter(stock_unit::Column::Vin.eq(vin))
        .one(conn)
        .await?)
}

/// Records a change of status.
pub async fn insert_event<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    event: stock_unit_event::Model,
) -> DbResult<()> {
    super::batched_insert::<stock_unit_event::Entity, _>(conn, scope, vec![event]).await
}

/// A unit's history, oldest first.
pub async fn events_of<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    unit_id: Uuid,
) -> DbResult<Vec<stock_unit_event::Model>> {
    Ok(stock_unit_event::Entity::scoped(scope)
        .filter(stock_unit_event::Column::UnitId.eq(unit_id))
        .order_by_asc(stock_unit_event::Column::At)
        .order_by_asc(stock_unit_event::Column::Id)
        .all(conn)
        .await?)
}

/// What the stock list is filtered by.
#[derive(Clone, Debug, Default)]
pub struct StockFilter {
    pub statuses: Vec<String>,
    pub catalog_model_id: Option<Uuid>,
    pub series_id: Option<Uuid>,
    pub colour: Option<String>,
    /// The location's text, whole or its start.
    pub location: Option<String>,
    /// Units that arrived on or before this day (a minimum of days in stock).
    pub arrived_on_or_before: Option<NaiveDate>,
    pub used: Option<bool>,
    /// A VIN, whole or its end (the last six).
    pub q: Option<String>,
}

fn filtered(scope: &DealerScope, filter: &StockFilter) -> sea_orm::Select<stock_unit::Entity> {
    let mut select = stock_unit::Entity::scoped(scope);
    if !filter.statuses.is_empty() {
        select = select.filter(stock_unit::Column::Status.is_in(filter.statuses.iter().cloned()));
    }
    if let Some(model) = filter.catalog_model_id {
        select = select.filter(stock_unit::Column::CatalogModelId.eq(model));
    }
    if let Some(series) = filter.series_id {
        let models = Query::select()
            .column(catalog_model::Column::Id)
            .from(catalog_model::Entity)
            .and_where(catalog_model::Column::DealerId.eq(scope.dealer_id().uuid()))
            .and_where(catalog_model::Column::SeriesId.eq(series))
            .take();
        select = select.filter(stock_unit::Column::CatalogModelId.in_subquery(models));
    }
    if let Some(colour) = &filter.colour {
        select = select.filter(stock_unit::Column::Colour.eq(colour.as_str()));
    }
    if let Some(location) = &filter.location {
        select = select.filter(
            stock_unit::Column::Location
                .like(LikeExpr::new(format!("{}%", escape(location))).escape('\\')),
        );
    }
    if let Some(day) = filter.arrived_on_or_before {
        select = select.filter(stock_unit::Column::ArrivedOn.lte(day));
    }
    if let Some(used) = filter.used {
        select = select.filter(stock_unit::Column::Used.eq(used));
    }
    if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let q = q.to_uppercase();
        select = select.filter(
            Condition::any()
                .add(stock_unit::Column::Vin.eq(q.as_str()))
                .add(stock_unit::Column::Vin.like(LikeExpr::new(like_ends_with(&q)).escape('\\'))),
        );
    }
    select
}

fn escape(input: &str) -> String {
    input
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect()
}

const NEWEST_FIRST: Keyset<stock_unit::Column> = Keyset {
    name: "-created_at",
    column: stock_unit::Column::CreatedAt,
    id_column: stock_unit::Column::Id,
    direction: SortDirection::Desc,
};

/// A page of the filtered list, newest first.
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    filter: &StockFilter,
    page: &PageRequest,
) -> DbResult<Result<Page<stock_unit::Model>, BadCursor>> {
    let select = match NEWEST_FIRST.apply(filtered(scope, filter), page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(NEWEST_FIRST.finish(rows, page, |u| {
        (CursorKey::Time(u.created_at), u.id)
    })))
}

/// Every unit the filter matches, newest first, at most `limit` (for the export).
pub async fn all_matching<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    filter: &StockFilter,
    limit: u64,
) -> DbResult<Vec<stock_unit::Model>> {
    Ok(filtered(scope, filter)
        .order_by_desc(stock_unit::Column::CreatedAt)
        .order_by_desc(stock_unit::Column::Id)
        .limit(limit)
        .all(conn)
        .await?)
}

/// Units in stock or in transit per catalog model and status: `(model, status, count)`.
pub async fn supply_by_model<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<(Uuid, String, i64)>> {
    let rows: Vec<(Option<Uuid>, String, i64)> = stock_unit::Entity::scoped(scope)
        .filter(stock_unit::Column::Status.is_in(["in_stock", "in_transit"]))
        .filter(stock_unit::Column::CatalogModelId.is_not_null())
        .select_only()
        .column(stock_unit::Column::CatalogModelId)
        .column(stock_unit::Column::Status)
        .column_as(stock_unit::Column::Id.count(), "n")
        .group_by(stock_unit::Column::CatalogModelId)
        .group_by(stock_unit::Column::Status)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(m, s, n)| m.map(|m| (m, s, n)))
        .collect())
}

/// The dealer's per-model minimums.
pub async fn minimums<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<stock_model_minimum::Model>> {
    Ok(stock_model_minimum::Entity::scoped(scope)
        .order_by_asc(stock_model_minimum::Column::CreatedAt)
        .all(conn)
        .await?)
}

/// The dealer's minimum for one model.
pub async fn minimum_of<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    catalog_model_id: Uuid,
) -> DbResult<Option<stock_model_minimum::Model>> {
    Ok(stock_model_minimum::Entity::scoped(scope)
        .filter(stock_model_minimum::Column::CatalogModelId.eq(catalog_model_id))
        .one(conn)
        .await?)
}

/// The dealer's settings row, if it changed the defaults.
pub async fn settings<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Option<stock_setting::Model>> {
    Ok(stock_setting::Entity::scoped(scope).one(conn).await?)
}

/// Units on hand (in stock or reserved) that arrived on or before `arrived_by`.
pub async fn on_hand_arrived_by<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    arrived_by: NaiveDate,
) -> DbResult<Vec<stock_unit::Model>> {
    Ok(stock_unit::Entity::scoped(scope)
        .filter(stock_unit::Column::Status.is_in(["in_stock", "reserved"]))
        .filter(stock_unit::Column::ArrivedOn.lte(arrived_by))
        .order_by_asc(stock_unit::Column::ArrivedOn)
        .all(conn)
        .await?)
}

/// Records an alert unless it was raised already; whether this call raised it. The unique
/// indexes decide, so two runs at once raise it once.
pub async fn raise_alert<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    alert: stock_alert::Model,
) -> DbResult<bool> {
    if alert.dealer_id != scope.dealer_id().uuid() {
        return Err(DbError::Other(sea_orm::DbErr::Custom(
            "refusing to insert a row of another dealer".to_owned(),
        )));
    }
    let conflict = if alert.unit_id.is_some() {
        OnConflict::columns([
            stock_alert::Column::DealerId,
            stock_alert::Column::UnitId,
            stock_alert::Column::ThresholdDays,
        ])
        .do_nothing()
        .to_owned()
    } else {
        OnConflict::columns([
            stock_alert::Column::DealerId,
            stock_alert::Column::CatalogModelId,
            stock_alert::Column::OnDate,
        ])
        .do_nothing()
        .to_owned()
    };
    let inserted = stock_alert::Entity::insert(alert.into_active_model())
        .on_conflict(conflict)
        .exec_without_returning(conn)
        .await?;
    Ok(inserted == 1)
}
