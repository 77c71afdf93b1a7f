//! Login attempts, kept briefly to rate-limit logins per client address across all app nodes.

use crate::DbResult;
use crate::entities::login_attempt;
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
};

pub async fn record<C: ConnectionTrait>(conn: &C, model: login_attempt::Model) -> DbResult<()> {
    login_attempt::Entity::insert(model.into_active_model())
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

/// How many attempts came from `ip` since `since`.
pub async fn count_since<C: ConnectionTrait>(
    conn: &C,
    ip: &str,
    since: DateTime<Utc>,
) -> DbResult<u64> {
    Ok(login_attempt::Entity::find()
        .filter(login_attempt::Column::Ip.eq(ip))
        .filter(login_attempt::Column::AttemptedAt.gte(since))
        .count(conn)
        .await?)
}

/// Forgets attempts older than `before`.
pub async fn purge_before<C: ConnectionTrait>(conn: &C, before: DateTime<Utc>) -> DbResult<u64> {
    Ok(login_attempt::Entity::delete_many()
        .filter(login_attempt::Column::AttemptedAt.lt(before))
        .exec(conn)
        .await?
        .rows_affected)
}
