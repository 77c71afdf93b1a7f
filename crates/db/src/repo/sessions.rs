//! Login sessions, stored server-side so any app node can serve any request.

use crate::entities::{session, user};
use crate::{DbResult, DealerScope};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, JoinType, QueryFilter, QuerySelect,
};
use uuid::Uuid;

pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    model: session::Model,
) -> DbResult<session::Model> {
    session::Entity::insert(model.clone().into_active_model())
        .exec_without_returning(conn)
        .await?;
    Ok(model)
}

/// The session whose cookie hashes to `token_hash`: authentication, before any scope exists.
pub async fn find_by_token_hash<C: ConnectionTrait>(
    conn: &C,
    token_hash: &str,
) -> DbResult<Option<session::Model>> {
    Ok(session::Entity::find()
        .filter(session::Column::TokenHash.eq(token_hash))
        .one(conn)
        .await?)
}

/// The session whose cookie hashes to `token_hash`, with its user, in one query: every
/// request of a browser asks this, so it is one round trip instead of two.
pub async fn find_with_user<C: ConnectionTrait>(
    conn: &C,
    token_hash: &str,
) -> DbResult<Option<(session::Model, user::Model)>> {
    let found = session::Entity::find()
        .join(
            JoinType::InnerJoin,
            session::Entity::belongs_to(user::Entity)
                .from(session::Column::UserId)
                .to(user::Column::Id)
                .into(),
        )
        .select_also(user::Entity)
        .filter(session::Column::TokenHash.eq(token_hash))
        .one(conn)
        .await?;
    Ok(found.and_then(|(session, user)| user.map(|user| (session, user))))
}

/// Slides the idle expiry forward; called at most once a minute per session.
pub async fn touch<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> DbResult<()> {
    session::Entity::update_many()
        .col_expr(session::Column::LastSeenAt, Expr::val(now))
        .col_expr(session::Column::ExpiresAt, Expr::val(expires_at))
        .filter(session::Column::Id.eq(id))
        .exec(conn)
        .await?;
    Ok(())
}

pub async fn set_acting_dealer<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
    dealer_id: Uuid,
) -> DbResult<()> {
    session::Entity::update_many()
        .col_expr(session::Column::ActingDealerId, Expr::val(dealer_id))
        .filter(session::Column::Id.eq(id))
        .exec(conn)
        .await?;
    Ok(())
}

pub async fn delete<C: ConnectionTrait>(conn: &C, id: Uuid) -> DbResult<()> {
    session::Entity::delete_by_id(id).exec(conn).await?;
    Ok(())
}

/// Ends every session of a user (disabled, password reset), except optionally one (the
/// session that changed its own password stays logged in).
pub async fn delete_for_user<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    user_id: Uuid,
    except: Option<Uuid>,
) -> DbResult<u64> {
    let mut delete = session::Entity::delete_many()
        .filter(session::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(session::Column::UserId.eq(user_id));
    if let Some(keep) = except {
        delete = delete.filter(session::Column::Id.ne(keep));
    }
    Ok(delete.exec(conn).await?.rows_affected)
}

/// Removes sessions that have expired.
pub async fn purge_expired<C: ConnectionTrait>(conn: &C, now: DateTime<Utc>) -> DbResult<u64> {
    Ok(session::Entity::delete_many()
        .filter(session::Column::ExpiresAt.lt(now))
        .exec(conn)
        .await?
        .rows_affected)
}
