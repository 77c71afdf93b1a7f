//! The three operations every tenant-owned table needs, written once: find a row of the
//! scope's dealer, update it only if its version is still the one read, delete it.

use crate::{DbError, DbResult, DealerScope};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    Select,
};
use uuid::Uuid;

/// A table whose rows belong to one dealer and carry an optimistic-concurrency version.
pub trait TenantEntity: DealerRows {
    const ID: Self::Column;

    /// A select over the scope's dealer only: the start of every tenant query.
    fn scoped(scope: &DealerScope) -> Select<Self> {
        Self::find().filter(Self::DEALER_ID.eq(scope.dealer_id().uuid()))
    }
}

/// A table whose every row belongs to one dealer (its `dealer_id` column). Bulk inserts check
/// it; [`TenantEntity`] adds the row's own id.
pub trait DealerRows: EntityTrait {
    const DEALER_ID: Self::Column;
}

/// A tenant table whose rows [`update`] writes: versioned models. Named once here so `core` can
/// write code generic over such tables without naming sea-orm's traits.
pub trait VersionedEntity:
    TenantEntity<
        Model: Versioned + IntoActiveModel<Self::ActiveModel> + Clone,
        ActiveModel: ActiveModelTrait<Entity = Self> + Send,
        Column: VersionColumn,
    >
{
}

impl<E> VersionedEntity for E
where
    E: TenantEntity,
    E::Model: Versioned + IntoActiveModel<E::ActiveModel> + Clone,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
    E::Column: VersionColumn,
{
}

/// Models that carry `version` and `updated_at`.
pub trait Versioned {
    /// The row's id.
    fn row_id(&self) -> Uuid;
    fn version(&self) -> i64;
    fn set_version(&mut self, version: i64);
    fn set_updated_at(&mut self, at: DateTime<Utc>);
}

/// Implements [`TenantEntity`] (and [`Versioned`] when asked) for an entity module.
#[macro_export]
macro_rules! tenant_entity {
    ($module:ident) => {
        impl $crate::repo::tenant::DealerRows for $module::Entity {
            const DEALER_ID: Self::Column =
                <$module::Entity as sea_orm::EntityTrait>::Column::DealerId;
        }
        impl $crate::repo::tenant::TenantEntity for $module::Entity {
            const ID: Self::Column = <$module::Entity as sea_orm::EntityTrait>::Column::Id;
        }
    };
    ($module:ident, dealer_rows) => {
        impl $crate::repo::tenant::DealerRows for $module::Entity {
            const DEALER_ID: Self::Column =
                <$module::Entity as sea_orm::EntityTrait>::Column::DealerId;
        }
    };
    ($module:ident, versioned) => {
        $crate::tenant_entity!($module);
        impl $crate::repo::tenant::VersionColumn
            for <$module::Entity as sea_orm::EntityTrait>::Column
        {
            const VERSION: Self = <$module::Entity as sea_orm::EntityTrait>::Column::Version;
        }
        impl $crate::repo::tenant::Versioned for $module::Model {
            fn row_id(&self) -> uuid::Uuid {
                self.id
            }
            fn version(&self) -> i64 {
                self.version
            }
            fn set_version(&mut self, version: i64) {
                self.version = version;
            }
            fn set_updated_at(&mut self, at: chrono::DateTime<chrono::Utc>) {
                self.updated_at = at;
            }
        }
    };
}

/// The row with this id, if it belongs to the scope's dealer.
pub async fn find<E, C>(conn: &C, scope: &DealerScope, id: Uuid) -> DbResult<Option<E::Model>>
where
    E: TenantEntity,
    C: ConnectionTrait,
{
    Ok(E::scoped(scope).filter(E::ID.eq(id)).one(conn).await?)
}

/// The rows with these ids that belong to the scope's dealer (any order; unknown ids are
/// skipped), a few hundred ids per query.
pub async fn find_many<E, C>(conn: &C, scope: &DealerScope, ids: &[Uuid]) -> DbResult<Vec<E::Model>>
where
    E: TenantEntity,
    C: ConnectionTrait,
{
    let mut all = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        all.extend(
            E::scoped(scope)
                .filter(E::ID.is_in(chunk.iter().copied()))
                .all(conn)
                .await?,
        );
    }
    Ok(all)
}

/// Inserts a new row of the scope's dealer and returns it. A model naming another dealer is
/// refused, so a bug in a caller cannot write into a foreign tenant.
pub async fn insert<E, C>(
    conn: &C,
    scope: &DealerScope,
    dealer_id: Uuid,
    model: E::Model,
) -> DbResult<E::Model>
where
    E: TenantEntity,
    E::Model: IntoActiveModel<E::ActiveModel> + Clone,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
    C: ConnectionTrait,
{
    if dealer_id != scope.dealer_id().uuid() {
        return Err(DbError::Other(sea_orm::DbErr::Custom(
            "refusing to insert a row of another dealer".to_owned(),
        )));
    }
    E::insert(model.clone().into_active_model().reset_all())
        .exec_without_returning(conn)
        .await?;
    Ok(model)
}

/// Writes `model` over the stored row if its version is still `expected_version`, bumping the
/// version and `updated_at`. A row changed meanwhile (or gone) is [`DbError::StaleVersion`].
pub async fn update<E, C>(
    conn: &C,
    scope: &DealerScope,
    id: Uuid,
    mut model: E::Model,
    expected_version: i64,
    now: DateTime<Utc>,
) -> DbResult<E::Model>
where
    E: TenantEntity,
    E::Model: Versioned + IntoActiveModel<E::ActiveModel> + Clone,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
    E::Column: VersionColumn,
    C: ConnectionTrait,
{
    model.set_version(expected_version + 1);
    model.set_updated_at(now);
    let active = model.clone().into_active_model().reset_all();
    let result = E::update_many()
        .set(active)
        .filter(E::ID.eq(id))
        .filter(E::DEALER_ID.eq(scope.dealer_id().uuid()))
        .filter(<E::Column as VersionColumn>::VERSION.eq(expected_version))
        .exec(conn)
        .await?;
    if result.rows_affected == 0 {
        return Err(DbError::StaleVersion);
    }
    Ok(model)
}

/// Names the `version` column of an entity.
pub trait VersionColumn: ColumnTrait {
    const VERSION: Self;
}

/// Deletes the row if it belongs to the scope's dealer; whether a row was deleted.
pub async fn delete<E, C>(conn: &C, scope: &DealerScope, id: Uuid) -> DbResult<bool>
where
    E: TenantEntity,
    C: ConnectionTrait,
{
    let result = E::delete_many()
        .filter(E::ID.eq(id))
        .filter(E::DEALER_ID.eq(scope.dealer_id().uuid()))
        .exec(conn)
        .await?;
    Ok(result.rows_affected > 0)
}
