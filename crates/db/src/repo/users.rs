//! Staff accounts.

use super::tenant::TenantEntity;
use super::{Reach, like_contains};
use crate::entities::user;
use crate::pagination::{BadCursor, CursorKey, Keyset, Page, PageRequest, SortDirection};
use crate::{DbResult, DealerScope};
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr, Query, SelectStatement};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

/// A user by login name, across all dealers: for login, which happens before any scope exists.
pub async fn find_by_username_for_login<C: ConnectionTrait>(
    conn: &C,
    username: &str,
) -> DbResult<Option<user::Model>> {
    Ok(user::Entity::find()
        .filter(user::Column::Username.eq(username))
        .one(conn)
        .await?)
}

/// A user by id, unscoped: for resolving the user behind a session or token.
pub async fn find_for_auth<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> DbResult<Option<user::Model>> {
    Ok(user::Entity::find_by_id(id).one(conn).await?)
}

pub async fn username_taken<C: ConnectionTrait>(conn: &C, username: &str) -> DbResult<bool> {
    Ok(find_by_username_for_login(conn, username).await?.is_some())
}

#[derive(Clone, Debug, Default)]
pub struct UserFilter {
    /// Part of the username or display name.
    pub q: Option<String>,
    pub status: Option<String>,
    pub role_key: Option<String>,
    pub team_id: Option<Uuid>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UserSort {
    #[default]
    Username,
    DisplayName,
    /// Newest first.
    CreatedAt,
}

impl UserSort {
    fn keyset(self) -> Keyset<user::Column> {
        let (name, column, direction) = match self {
            UserSort::Username => ("username", user::Column::Username, SortDirection::Asc),
            UserSort::DisplayName => (
                "display_name",
                user::Column::DisplayName,
                SortDirection::Asc,
            ),
            UserSort::CreatedAt => ("-created_at", user::Column::CreatedAt, SortDirection::Desc),
        };
        Keyset {
            name,
            column,
            id_column: user::Column::Id,
            direction,
        }
    }
}

pub async fn list<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &UserFilter,
    sort: UserSort,
    page: &PageRequest,
) -> DbResult<Result<Page<user::Model>, BadCursor>> {
    let mut select = user::Entity::scoped(scope);
    select = match reach {
        Reach::Dealer => select,
        Reach::Team {
            team_id: Some(team_id),
            ..
        } => select.filter(user::Column::TeamId.eq(team_id)),
        Reach::Team {
            team_id: None,
            user_id,
        }
        | Reach::Own { user_id } => select.filter(user::Column::Id.eq(user_id)),
    };
    if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let pattern = like_contains(&q.to_lowercase());
        select = select.filter(
            Condition::any()
                .add(
                    Expr::col(user::Column::Username)
                        .like(LikeExpr::new(pattern.as_str()).escape('\\')),
                )
                .add(
                    Expr::expr(Func::lower(Expr::col(user::Column::DisplayName)))
                        .like(LikeExpr::new(pattern.as_str()).escape('\\')),
                ),
        );
    }
    if let Some(status) = &filter.status {
        select = select.filter(user::Column::Status.eq(status.as_str()));
    }
    if let Some(role_key) = &filter.role_key {
        select = select.filter(user::Column::RoleKey.eq(role_key.as_str()));
    }
    if let Some(team_id) = filter.team_id {
        select = select.filter(user::Column::TeamId.eq(team_id));
    }
    let keyset = sort.keyset();
    let select = match keyset.apply(select, page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(keyset.finish(rows, page, |u| {
        let key = match sort {
            UserSort::Username => CursorKey::Text(u.username.clone()),
            UserSort::DisplayName => CursorKey::Text(u.display_name.clone()),
            UserSort::CreatedAt => CursorKey::Time(u.created_at),
        };
        (key, u.id)
    })))
}

/// Every user of the dealer with one of the ids (for showing names next to ids).
pub async fn find_many<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    ids: &[Uuid],
) -> DbResult<Vec<user::Model>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(user::Entity::scoped(scope)
        .filter(user::Column::Id.is_in(ids.iter().copied()))
        .order_by_asc(user::Column::Username)
        .all(conn)
        .await?)
}

/// How many users hold the role.
pub async fn count_with_role<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    role_key: &str,
) -> DbResult<u64> {
    use sea_orm::PaginatorTrait;
    Ok(user::Entity::scoped(scope)
        .filter(user::Column::RoleKey.eq(role_key))
        .count(conn)
        .await?)
}

/// Records a failed login: bumps the counter and, at `lock_after` failures, locks until
/// `locked_until`. Done as one UPDATE so concurrent failures all count.
pub async fn record_failed_login<C: ConnectionTrait>(
    conn: &C,
    user_id: Uuid,
    lock_after: i32,
    locked_until: chrono::DateTime<chrono::Utc>,
) -> DbResult<()> {
    user::Entity::update_many()
        .col_expr(
            user::Column::FailedLoginCount,
            Expr::col(user::Column::FailedLoginCount).add(1),
        )
        .filter(user::Column::Id.eq(user_id))
        .exec(conn)
        .await?;
    user::Entity::update_many()
        .col_expr(user::Column::LockedUntil, Expr::val(locked_until))
        .col_expr(user::Column::FailedLoginCount, Expr::val(0))
        .filter(user::Column::Id.eq(user_id))
        .filter(user::Column::FailedLoginCount.gte(lock_after))
        .exec(conn)
        .await?;
    Ok(())
}

/// Records a successful login: clears the failure counter and any expired lock.
pub async fn record_successful_login<C: ConnectionTrait>(
    conn: &C,
    user_id: Uuid,
    at: chrono::DateTime<chrono::Utc>,
) -> DbResult<()> {
    user::Entity::update_many()
        .col_expr(user::Column::FailedLoginCount, Expr::val(0))
        .col_expr(
            user::Column::LockedUntil,
            Expr::val(Option::<chrono::DateTime<chrono::Utc>>::None),
        )
        .col_expr(user::Column::LastLoginAt, Expr::val(at))
        .filter(user::Column::Id.eq(user_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// The active members of a team, in a stable order (for sharing leads in turn).
pub async fn active_in_team<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    team_id: Uuid,
) -> DbResult<Vec<user::Model>> {
    Ok(user::Entity::scoped(scope)
        .filter(user::Column::TeamId.eq(team_id))
        .filter(user::Column::Status.eq("active"))
        .order_by_asc(user::Column::Id)
        .all(conn)
        .await?)
}

/// Every active user of the dealer, by display name.
pub async fn active<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<user::Model>> {
    Ok(user::Entity::scoped(scope)
        .filter(user::Column::Status.eq("active"))
        .order_by_asc(user::Column::DisplayName)
        .all(conn)
        .await?)
}

/// The ids of a team's members, as a subquery (no team: nobody).
pub fn team_members_query(scope: &DealerScope, team_id: Option<Uuid>) -> SelectStatement {
    match team_id {
        Some(team) => Query::select()
            .column(user::Column::Id)
            .from(user::Entity)
            .and_where(user::Column::DealerId.eq(scope.dealer_id().uuid()))
            .and_where(user::Column::TeamId.eq(team))
            .take(),
        None => Query::select()
            .column(user::Column::Id)
            .from(user::Entity)
            .and_where(user::Column::DealerId.eq(scope.dealer_id().uuid()))
            .and_where(user::Column::Id.eq(Uuid::nil()))
            .take(),
    }
}
