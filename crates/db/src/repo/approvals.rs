//! Approval requests.

use super::tenant::TenantEntity;
use crate::entities::approval_request;
use crate::pagination::{BadCursor, CursorKey, Keyset, Page, PageRequest, SortDirection};
use crate::{DbResult, DealerScope};
use sea_orm::sea_query::SelectStatement;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, PaginatorTrait, QueryFilter, QueryOrder, Select,
};
use uuid::Uuid;

pub const PENDING: &str = "pending";

/// Which requests a list shows. The core decides who may see which; these are the row filters.
#[derive(Clone, Debug, Default)]
pub struct ApprovalFilter {
    pub status: Option<String>,
    pub kind: Option<String>,
    pub requester_id: Option<Uuid>,
    /// Requested by a member of this team (a subquery of users).
    pub requester_in: Option<SelectStatement>,
    /// Only these kinds (the ones the caller may decide).
    pub kinds_in: Option<Vec<String>>,
    /// Not requested by this user (nobody decides their own request).
    pub not_requested_by: Option<Uuid>,
    /// Either requested by this user, or matching the rest (a "mine or waiting for me" list).
    pub or_requested_by: Option<Uuid>,
    pub ref_type: Option<String>,
    pub ref_id: Option<Uuid>,
}

pub fn filtered(scope: &DealerScope, filter: &ApprovalFilter) -> Select<approval_request::Entity> {
    let mut select = approval_request::Entity::scoped(scope);
    if let Some(status) = &filter.status {
        select = select.filter(approval_request::Column::Status.eq(status.as_str()));
    }
    if let Some(kind) = &filter.kind {
        select = select.filter(approval_request::Column::Kind.eq(kind.as_str()));
    }
    if let Some(ref_type) = &filter.ref_type {
        select = select.filter(approval_request::Column::RefType.eq(ref_type.as_str()));
    }
    if let Some(ref_id) = filter.ref_id {
        select = select.filter(approval_request::Column::RefId.eq(ref_id));
    }
    let mut scoped = Condition::all();
    if let Some(requester) = filter.requester_id {
        scoped = scoped.add(approval_request::Column::RequesterId.eq(requester));
    }
    if let Some(members) = &filter.requester_in {
        scoped = scoped.add(approval_request::Column::RequesterId.in_subquery(members.clone()));
    }
    if let Some(kinds) = &filter.kinds_in {
        scoped = scoped.add(approval_request::Column::Kind.is_in(kinds.iter().map(String::as_str)));
    }
    if let Some(user) = filter.not_requested_by {
        scoped = scoped.add(approval_request::Column::RequesterId.ne(user));
    }
    select = match filter.or_requested_by {
        Some(user) => select.filter(
            Condition::any()
                .add(approval_request::Column::RequesterId.eq(user))
                .add(scoped),
        ),
        None => select.filter(scoped),
    };
    select
}

pub async fn list<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    filter: &ApprovalFilter,
    page: &PageRequest,
) -> DbResult<Result<Page<approval_request::Model>, BadCursor>> {
    let keyset = Keyset {
        name: "-created_at",
        column: approval_request::Column::CreatedAt,
        id_column: approval_request::Column::Id,
        direction: SortDirection::Desc,
    };
    let select = match keyset.apply(filtered(scope, filter), page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(keyset.finish(rows, page, |r| {
        (CursorKey::Time(r.created_at), r.id)
    })))
}

pub async fn count<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    filter: &ApprovalFilter,
) -> DbResult<u64> {
    Ok(filtered(scope, filter).count(conn).await?)
}

/// The newest few matching requests.
pub async fn latest<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    filter: &ApprovalFilter,
    limit: u64,
) -> DbResult<Vec<approval_request::Model>> {
    use sea_orm::QuerySelect;
    Ok(filtered(scope, filter)
        .order_by_desc(approval_request::Column::CreatedAt)
        .limit(limit)
        .all(conn)
        .await?)
}

/// The dealer's active users (the candidates an approval or an escalation goes to).
pub async fn active_users<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<crate::entities::user::Model>> {
    use crate::entities::user;
    Ok(user::Entity::scoped(scope)
        .filter(user::Column::Status.eq("active"))
        .order_by_asc(user::Column::Username)
        .all(conn)
        .await?)
}

/// The pending request of a kind about a record, if any.
pub async fn pending_about<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    kind: &str,
    ref_type: &str,
    ref_id: Uuid,
) -> DbResult<Option<approval_request::Model>> {
    Ok(approval_request::Entity::scoped(scope)
        .filter(approval_request::Column::Kind.eq(kind))
        .filter(approval_request::Column::RefType.eq(ref_type))
        .filter(approval_request::Column::RefId.eq(ref_id))
        .filter(approval_request::Column::Status.eq("pending"))
        .one(conn)
        .await?)
}
