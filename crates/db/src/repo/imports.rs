//! Uploaded import files and saved column mappings.

use super::tenant::TenantEntity;
use crate::entities::{import, import_mapping};
use crate::{DbResult, DealerScope};
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect};

/// Recent imports (without their file content).
pub async fn recent<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    kind: &str,
    limit: u64,
) -> DbResult<Vec<import::Model>> {
    Ok(import::Entity::scoped(scope)
        .filter(import::Column::Kind.eq(kind))
        .order_by_desc(import::Column::CreatedAt)
        .limit(limit)
        .all(conn)
        .await?)
}

pub async fn mappings<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    kind: &str,
) -> DbResult<Vec<import_mapping::Model>> {
    Ok(import_mapping::Entity::scoped(scope)
        .filter(import_mapping::Column::Kind.eq(kind))
        .order_by_asc(import_mapping::Column::Name)
        .all(conn)
        .await?)
}

pub async fn mapping_by_name<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    kind: &str,
    name: &str,
) -> DbResult<Option<import_mapping::Model>> {
    Ok(import_mapping::Entity::scoped(scope)
        .filter(import_mapping::Column::Kind.eq(kind))
        .filter(import_mapping::Column::Name.eq(name))
        .one(conn)
        .await?)
}
