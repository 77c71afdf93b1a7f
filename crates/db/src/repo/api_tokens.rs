//! API tokens for integrations.

use super::Reach;
use super::tenant::TenantEntity;
use crate::entities::api_token;
use crate::pagination::{BadCursor, CursorKey, Keyset, Page, PageRequest, SortDirection};
use crate::{DbResult, DealerScope};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

/// The token that hashes to `token_hash`: authentication, before any scope exists.
pub async fn find_by_hash<C: ConnectionTrait>(
    conn: &C,
    token_hash: &str,
) -> DbResult<Option<api_token::Model>> {
    Ok(api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(token_hash))
        .one(conn)
        .await?)
}

pub async fn list<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    include_revoked: bool,
    page: &PageRequest,
) -> DbResult<Result<Page<api_token::Model>, BadCursor>> {
    let mut select = api_token::Entity::scoped(scope);
    match reach {
        Reach::Dealer => {}
        Reach::Team { user_id, .. } | Reach::Own { user_id } => {
            select = select.filter(api_token::Column::UserId.eq(user_id));
        }
    }
    if !include_revoked {
        select = select.filter(api_token::Column::RevokedAt.is_null());
    }
    let keyset = Keyset {
        name: "-created_at",
        column: api_token::Column::CreatedAt,
        id_column: api_token::Column::Id,
        direction: SortDirection::Desc,
    };
    let select = match keyset.apply(select, page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(keyset.finish(rows, page, |t| {
        (CursorKey::Time(t.created_at), t.id)
    })))
}

/// Notes when a token was last used; at most once a minute per token, to spare writes.
pub async fn mark_used<C: ConnectionTrait>(conn: &C, id: Uuid, at: DateTime<Utc>) -> DbResult<()> {
    api_token::Entity::update_many()
        .col_expr(api_token::Column::LastUsedAt, Expr::val(at))
        .filter(api_token::Column::Id.eq(id))
        .exec(conn)
        .await?;
    Ok(())
}
