//! Groups, dealers, departments and teams.

use super::tenant::TenantEntity;
use crate::entities::{dealer, department, group, team, user};
use crate::{DbResult, DealerScope};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use uuid::Uuid;

pub async fn find_group_by_code<C: ConnectionTrait>(
    conn: &C,
    code: &str,
) -> DbResult<Option<group::Model>> {
    Ok(group::Entity::find()
        .filter(group::Column::Code.eq(code))
        .one(conn)
        .await?)
}

pub async fn find_group<C: ConnectionTrait>(conn: &C, id: Uuid) -> DbResult<Option<group::Model>> {
    Ok(group::Entity::find_by_id(id).one(conn).await?)
}

pub async fn insert_group<C: ConnectionTrait>(
    conn: &C,
    model: group::Model,
) -> DbResult<group::Model> {
    group::Entity::insert(model.clone().into_active_model())
        .exec_without_returning(conn)
        .await?;
    Ok(model)
}

pub async fn find_dealer_by_code<C: ConnectionTrait>(
    conn: &C,
    code: &str,
) -> DbResult<Option<dealer::Model>> {
    Ok(dealer::Entity::find()
        .filter(dealer::Column::Code.eq(code))
        .one(conn)
        .await?)
}

/// A dealer by id, unscoped: for authentication, which must read the dealer before it can
/// issue a scope for it.
pub async fn find_dealer<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> DbResult<Option<dealer::Model>> {
    Ok(dealer::Entity::find_by_id(id).one(conn).await?)
}

/// The scope's own dealer.
pub async fn scoped_dealer<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Option<dealer::Model>> {
    find_dealer(conn, scope.dealer_id().uuid()).await
}

pub async fn insert_dealer<C: ConnectionTrait>(
    conn: &C,
    model: dealer::Model,
) -> DbResult<dealer::Model> {
    dealer::Entity::insert(model.clone().into_active_model())
        .exec_without_returning(conn)
        .await?;
    Ok(model)
}

/// The dealers of a group, by name.
pub async fn dealers_of_group<C: ConnectionTrait>(
    conn: &C,
    group_id: Uuid,
) -> DbResult<Vec<dealer::Model>> {
    Ok(dealer::Entity::find()
        .filter(dealer::Column::GroupId.eq(group_id))
        .order_by_asc(dealer::Column::Name)
        .all(conn)
        .await?)
}

/// Updates the scope's dealer if its version is still `expected_version`.
pub async fn update_dealer<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    mut model: dealer::Model,
    expected_version: i64,
    now: chrono::DateTime<chrono::Utc>,
) -> DbResult<dealer::Model> {
    model.version = expected_version + 1;
    model.updated_at = now;
    let result = dealer::Entity::update_many()
        .set(model.clone().into_active_model().reset_all())
        .filter(dealer::Column::Id.eq(scope.dealer_id().uuid()))
        .filter(dealer::Column::Version.eq(expected_version))
        .exec(conn)
        .await?;
    if result.rows_affected == 0 {
        return Err(crate::DbError::StaleVersion);
    }
    Ok(model)
}

pub async fn all_dealers<C: ConnectionTrait>(conn: &C) -> DbResult<Vec<dealer::Model>> {
    Ok(dealer::Entity::find()
        .order_by_asc(dealer::Column::Code)
        .all(conn)
        .await?)
}

pub async fn list_departments<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<department::Model>> {
    Ok(department::Entity::scoped(scope)
        .order_by_asc(department::Column::Name)
        .all(conn)
        .await?)
}

pub async fn find_department_by_name<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    name: &str,
) -> DbResult<Option<department::Model>> {
    Ok(department::Entity::scoped(scope)
        .filter(department::Column::Name.eq(name))
        .one(conn)
        .await?)
}

pub async fn list_teams<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<team::Model>> {
    Ok(team::Entity::scoped(scope)
        .order_by_asc(team::Column::Name)
        .all(conn)
        .await?)
}

pub async fn find_team_by_name<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    name: &str,
) -> DbResult<Option<team::Model>> {
    Ok(team::Entity::scoped(scope)
        .filter(team::Column::Name.eq(name))
        .one(conn)
        .await?)
}

/// How many users are members of the team.
pub async fn team_member_count<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    team_id: Uuid,
) -> DbResult<u64> {
    Ok(user::Entity::scoped(scope)
        .filter(user::Column::TeamId.eq(team_id))
        .count(conn)
        .await?)
}

/// How many teams belong to the department.
pub async fn department_team_count<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    department_id: Uuid,
) -> DbResult<u64> {
    Ok(team::Entity::scoped(scope)
        .filter(team::Column::DepartmentId.eq(department_id))
        .count(conn)
        .await?)
}
