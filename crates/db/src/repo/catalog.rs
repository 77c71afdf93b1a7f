//! The vehicle catalog.

use super::tenant::TenantEntity;
use crate::entities::{catalog_brand, catalog_model, catalog_series};
use crate::{DbResult, DealerScope};
use sea_orm::{ColumnTrait, ConnectionTrait, PaginatorTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

pub async fn brands<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<catalog_brand::Model>> {
    Ok(catalog_brand::Entity::scoped(scope)
        .order_by_asc(catalog_brand::Column::Name)
        .all(conn)
        .await?)
}

pub async fn series<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<catalog_series::Model>> {
    Ok(catalog_series::Entity::scoped(scope)
        .order_by_asc(catalog_series::Column::Name)
        .all(conn)
        .await?)
}

pub async fn models<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<catalog_model::Model>> {
    Ok(catalog_model::Entity::scoped(scope)
        .order_by_asc(catalog_model::Column::Name)
        .order_by_desc(catalog_model::Column::ModelYear)
        .all(conn)
        .await?)
}

pub async fn brand_by_name<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    name: &str,
) -> DbResult<Option<catalog_brand::Model>> {
    Ok(catalog_brand::Entity::scoped(scope)
        .filter(catalog_brand::Column::Name.eq(name))
        .one(conn)
        .await?)
}

pub async fn series_by_name<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    brand_id: Uuid,
    name: &str,
) -> DbResult<Option<catalog_series::Model>> {
    Ok(catalog_series::Entity::scoped(scope)
        .filter(catalog_series::Column::BrandId.eq(brand_id))
        .filter(catalog_series::Column::Name.eq(name))
        .one(conn)
        .await?)
}

pub async fn model_by_name<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    series_id: Uuid,
    name: &str,
    model_year: i32,
) -> DbResult<Option<catalog_model::Model>> {
    Ok(catalog_model::Entity::scoped(scope)
        .filter(catalog_model::Column::SeriesId.eq(series_id))
        .filter(catalog_model::Column::Name.eq(name))
        .filter(catalog_model::Column::ModelYear.eq(model_year))
        .one(conn)
        .await?)
}

pub async fn series_count_of_brand<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    brand_id: Uuid,
) -> DbResult<u64> {
    Ok(catalog_series::Entity::scoped(scope)
        .filter(catalog_series::Column::BrandId.eq(brand_id))
        .count(conn)
        .await?)
}

pub async fn model_count_of_series<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    series_id: Uuid,
) -> DbResult<u64> {
    Ok(catalog_model::Entity::scoped(scope)
        .filter(catalog_model::Column::SeriesId.eq(series_id))
        .count(conn)
        .await?)
}

pub async fn vehicle_count_of_model<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    model_id: Uuid,
) -> DbResult<u64> {
    use crate::entities::vehicle;
    Ok(vehicle::Entity::scoped(scope)
        .filter(vehicle::Column::CatalogModelId.eq(model_id))
        .count(conn)
        .await?)
}
