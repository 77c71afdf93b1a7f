//! Leads, their grade history and follow-ups, and the queries the cadence and stagnation jobs
//! run.

use super::tenant::TenantEntity;
use super::{Reach, owned_within_reach, team_members};
use crate::entities::{activity, lead, lead_follow_up, lead_grade_change, lead_intake};
use crate::pagination::{BadCursor, CursorKey, Keyset, Page, PageRequest, SortDirection};
use crate::{DbResult, DealerScope};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use std::collections::HashMap;
use uuid::Uuid;

/// Statuses of leads still being worked (a lost request waiting for approval included).
pub const OPEN_STATUSES: [&str; 2] = ["open", "lost_pending"];

#[derive(Clone, Debug, Default)]
pub struct LeadFilter {
    pub owner_id: Option<Uuid>,
    /// Only leads nobody owns (new intake waiting for assignment, or a pool).
    pub unassigned: bool,
    pub pool: Option<String>,
    pub team_id: Option<Uuid>,
    pub grades: Vec<String>,
    pub statuses: Vec<String>,
    pub source_key: Option<String>,
    pub series_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    /// Only leads of these customers (the result of a search; empty matches nothing).
    pub customer_ids: Option<Vec<Uuid>>,
    pub stagnant: Option<bool>,
    /// Follow-up due before this instant.
    pub due_before: Option<DateTime<Utc>>,
    pub created_from: Option<DateTime<Utc>>,
    pub created_to: Option<DateTime<Utc>>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LeadSort {
    /// Newest first.
    #[default]
    CreatedAt,
    /// Recently changed first.
    UpdatedAt,
}

impl LeadSort {
    fn keyset(self) -> Keyset<lead::Column> {
        let (name, column) = match self {
            LeadSort::CreatedAt => ("-created_at", lead::Column::CreatedAt),
            LeadSort::UpdatedAt => ("-updated_at", lead::Column::UpdatedAt),
        };
        Keyset {
            name,
            column,
            id_column: lead::Column::Id,
            direction: SortDirection::Desc,
        }
    }

    fn key(self, l: &lead::Model) -> CursorKey {
        match self {
            LeadSort::CreatedAt => CursorKey::Time(l.created_at),
            LeadSort::UpdatedAt => CursorKey::Time(l.updated_at),
        }
    }
}

/// The leads a reach lets a caller see (their owner decides).
pub fn within_reach(scope: &DealerScope, reach: Reach) -> Select<lead::Entity> {
    owned_within_reach(
        lead::Entity::scoped(scope),
        scope,
        reach,
        lead::Column::OwnerId,
    )
}

/// The leads matching a filter, within reach (no order or page yet).
pub fn filtered(scope: &DealerScope, reach: Reach, filter: &LeadFilter) -> Select<lead::Entity> {
    let mut select = within_reach(scope, reach);
    if let Some(owner) = filter.owner_id {
        select = select.filter(lead::Column::OwnerId.eq(owner));
    }
    if filter.unassigned {
        select = select.filter(lead::Column::OwnerId.is_null());
    }
    if let Some(pool) = &filter.pool {
        select = select.filter(lead::Column::Pool.eq(pool.as_str()));
    }
    if let Some(team) = filter.team_id {
        select = select.filter(lead::Column::OwnerId.in_subquery(team_members(scope, team)));
    }
    if !filter.grades.is_empty() {
        select = select.filter(lead::Column::Grade.is_in(filter.grades.iter().map(String::as_str)));
    }
    if !filter.statuses.is_empty() {
        select =
            select.filter(lead::Column::Status.is_in(filter.statuses.iter().map(String::as_str)));
    }
    if let Some(source) = &filter.source_key {
        select = select.filter(lead::Column::SourceKey.eq(source.as_str()));
    }
    if let Some(series) = filter.series_id {
        select = select.filter(lead::Column::SeriesId.eq(series));
    }
    if let Some(customer) = filter.customer_id {
        select = select.filter(lead::Column::CustomerId.eq(customer));
    }
    if let Some(customers) = &filter.customer_ids {
        select = select.filter(lead::Column::CustomerId.is_in(customers.iter().copied()));
    }
    match filter.stagnant {
        Some(true) => select = select.filter(lead::Column::StagnantSince.is_not_null()),
        Some(false) => select = select.filter(lead::Column::StagnantSince.is_null()),
        None => {}
    }
    if let Some(before) = filter.due_before {
        select = select
            .filter(lead::Column::Status.is_in(OPEN_STATUSES))
            .filter(lead::Column::NextFollowUpAt.lt(before));
    }
    if let Some(from) = filter.created_from {
        select = select.filter(lead::Column::CreatedAt.gte(from));
    }
    if let Some(to) = filter.created_to {
        select = select.filter(lead::Column::CreatedAt.lt(to));
    }
    select
}

pub async fn list<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &LeadFilter,
    sort: LeadSort,
    page: &PageRequest,
) -> DbResult<Result<Page<lead::Model>, BadCursor>> {
    let keyset = sort.keyset();
    let select = match keyset.apply(filtered(scope, reach, filter), page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(keyset.finish(rows, page, |l| (sort.key(l), l.id))))
}

/// How many leads match, counting no further than `cap`.
pub async fn count_capped<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &LeadFilter,
    cap: u64,
) -> DbResult<u64> {
    let ids: Vec<Uuid> = filtered(scope, reach, filter)
        .select_only()
        .column(lead::Column::Id)
        .limit(cap + 1)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(ids.len() as u64)
}

/// How many leads match, per grade.
pub async fn count_by_grade<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &LeadFilter,
) -> DbResult<HashMap<String, i64>> {
    let rows: Vec<(String, i64)> = filtered(scope, reach, filter)
        .select_only()
        .column(lead::Column::Grade)
        .column_as(Expr::expr(Func::count(Expr::col(lead::Column::Id))), "n")
        .group_by(lead::Column::Grade)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().collect())
}

/// A customer's leads still being worked, newest first.
pub async fn open_of_customer<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    customer_id: Uuid,
) -> DbResult<Vec<lead::Model>> {
    Ok(lead::Entity::scoped(scope)
        .filter(lead::Column::CustomerId.eq(customer_id))
        .filter(lead::Column::Status.is_in(OPEN_STATUSES))
        .order_by_desc(lead::Column::CreatedAt)
        .all(conn)
        .await?)
}

/// Open leads per owner, for the given owners (those with none are absent).
pub async fn open_count_by_owner<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    owners: &[Uuid],
) -> DbResult<HashMap<Uuid, i64>> {
    if owners.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(Uuid, i64)> = lead::Entity::scoped(scope)
        .filter(lead::Column::Status.is_in(OPEN_STATUSES))
        .filter(lead::Column::OwnerId.is_in(owners.iter().copied()))
        .select_only()
        .column(lead::Column::OwnerId)
        .column_as(Expr::expr(Func::count(Expr::col(lead::Column::Id))), "n")
        .group_by(lead::Column::OwnerId)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().collect())
}

/// Owned open leads whose next follow-up falls before `before` and that have no task pushed.
pub async fn due_without_task<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    before: DateTime<Utc>,
    limit: u64,
) -> DbResult<Vec<lead::Model>> {
    Ok(lead::Entity::scoped(scope)
        .filter(lead::Column::Status.eq("open"))
        .filter(lead::Column::NextFollowUpAt.lt(before))
        .filter(lead::Column::OwnerId.is_not_null())
        .filter(lead::Column::FollowUpActivityId.is_null())
        .order_by_asc(lead::Column::NextFollowUpAt)
        .limit(limit)
        .all(conn)
        .await?)
}

/// Open leads whose pushed follow-up task was cancelled (its cancellation approved): the
/// cadence job schedules them afresh.
pub async fn task_cancelled<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    limit: u64,
) -> DbResult<Vec<lead::Model>> {
    let cancelled = sea_orm::sea_query::Query::select()
        .column(activity::Column::Id)
        .from(activity::Entity)
        .and_where(activity::Column::DealerId.eq(scope.dealer_id().uuid()))
        .and_where(activity::Column::Status.eq("cancelled"))
        .to_owned();
    Ok(lead::Entity::scoped(scope)
        .filter(lead::Column::Status.eq("open"))
        .filter(lead::Column::FollowUpActivityId.in_subquery(cancelled))
        .limit(limit)
        .all(conn)
        .await?)
}

/// Open leads without a grade upgrade since `upgraded_before`, not yet flagged.
pub async fn stagnation_candidates<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    upgraded_before: DateTime<Utc>,
    limit: u64,
) -> DbResult<Vec<lead::Model>> {
    Ok(lead::Entity::scoped(scope)
        .filter(lead::Column::Status.eq("open"))
        .filter(lead::Column::LastUpgradeAt.lt(upgraded_before))
        .filter(lead::Column::StagnantSince.is_null())
        .filter(lead::Column::Pool.is_null())
        .order_by_asc(lead::Column::LastUpgradeAt)
        .limit(limit)
        .all(conn)
        .await?)
}

/// Open C leads graded C before `graded_before` that are still with a consultant.
pub async fn c_handover_candidates<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    graded_before: DateTime<Utc>,
    limit: u64,
) -> DbResult<Vec<lead::Model>> {
    Ok(lead::Entity::scoped(scope)
        .filter(lead::Column::Status.eq("open"))
        .filter(lead::Column::Grade.eq("C"))
        .filter(lead::Column::GradedAt.lt(graded_before))
        .filter(lead::Column::Pool.is_null())
        .order_by_asc(lead::Column::GradedAt)
        .limit(limit)
        .all(conn)
        .await?)
}

/// A lead's grade changes, oldest first.
pub async fn grade_history<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    lead_id: Uuid,
) -> DbResult<Vec<lead_grade_change::Model>> {
    Ok(lead_grade_change::Entity::scoped(scope)
        .filter(lead_grade_change::Column::LeadId.eq(lead_id))
        .order_by_asc(lead_grade_change::Column::OccurredAt)
        .order_by_asc(lead_grade_change::Column::Id)
        .all(conn)
        .await?)
}

/// A lead's follow-ups, newest first.
pub async fn follow_ups<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    lead_id: Uuid,
) -> DbResult<Vec<lead_follow_up::Model>> {
    Ok(lead_follow_up::Entity::scoped(scope)
        .filter(lead_follow_up::Column::LeadId.eq(lead_id))
        .order_by_desc(lead_follow_up::Column::OccurredAt)
        .order_by_desc(lead_follow_up::Column::Id)
        .all(conn)
        .await?)
}

pub async fn intake_by_key<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    key: &str,
) -> DbResult<Option<lead_intake::Model>> {
    Ok(lead_intake::Entity::scoped(scope)
        .filter(lead_intake::Column::IdempotencyKey.eq(key))
        .one(conn)
        .await?)
}

/// Of these users, the one who was given the most recently created lead.
pub async fn latest_owner_among<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    owners: &[Uuid],
) -> DbResult<Option<Uuid>> {
    if owners.is_empty() {
        return Ok(None);
    }
    let latest: Option<Option<Uuid>> = lead::Entity::scoped(scope)
        .filter(lead::Column::OwnerId.is_in(owners.iter().copied()))
        .order_by_desc(lead::Column::CreatedAt)
        .order_by_desc(lead::Column::Id)
        .select_only()
        .column(lead::Column::OwnerId)
        .into_tuple()
        .one(conn)
        .await?;
    Ok(latest.flatten())
}
