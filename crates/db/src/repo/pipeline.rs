//! Pipeline stages, opportunities and their stage history.

use super::tenant::TenantEntity;
use super::{Reach, owned_within_reach, team_members};
use crate::entities::{opportunity, opportunity_stage_change, pipeline_stage};
use crate::pagination::{BadCursor, CursorKey, Keyset, Page, PageRequest, SortDirection};
use crate::{DbResult, DealerScope};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Expr, Func};
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use uuid::Uuid;

/// The dealer's stages in order (inactive ones included).
pub async fn stages<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<pipeline_stage::Model>> {
    Ok(pipeline_stage::Entity::scoped(scope)
        .order_by_asc(pipeline_stage::Column::SortOrder)
        .order_by_asc(pipeline_stage::Column::Key)
        .all(conn)
        .await?)
}

#[derive(Clone, Debug, Default)]
pub struct OpportunityFilter {
    pub owner_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    pub stage_id: Option<Uuid>,
    pub statuses: Vec<String>,
    pub customer_id: Option<Uuid>,
    pub created_from: Option<DateTime<Utc>>,
    pub created_to: Option<DateTime<Utc>>,
    pub closed_from: Option<DateTime<Utc>>,
    pub closed_to: Option<DateTime<Utc>>,
}

pub fn filtered(
    scope: &DealerScope,
    reach: Reach,
    filter: &OpportunityFilter,
) -> Select<opportunity::Entity> {
    let mut select = owned_within_reach(
        opportunity::Entity::scoped(scope),
        scope,
        reach,
        opportunity::Column::OwnerId,
    );
    if let Some(owner) = filter.owner_id {
        select = select.filter(opportunity::Column::OwnerId.eq(owner));
    }
    if let Some(team) = filter.team_id {
        select = select.filter(opportunity::Column::OwnerId.in_subquery(team_members(scope, team)));
    }
    if let Some(stage) = filter.stage_id {
        select = select.filter(opportunity::Column::StageId.eq(stage));
    }
    if !filter.statuses.is_empty() {
        select = select
            .filter(opportunity::Column::Status.is_in(filter.statuses.iter().map(String::as_str)));
    }
    if let Some(customer) = filter.customer_id {
        select = select.filter(opportunity::Column::CustomerId.eq(customer));
    }
    if let Some(from) = filter.created_from {
        select = select.filter(opportunity::Column::CreatedAt.gte(from));
    }
    if let Some(to) = filter.created_to {
        select = select.filter(opportunity::Column::CreatedAt.lt(to));
    }
    if let Some(from) = filter.closed_from {
        select = select.filter(opportunity::Column::ClosedAt.gte(from));
    }
    if let Some(to) = filter.closed_to {
        select = select.filter(opportunity::Column::ClosedAt.lt(to));
    }
    select
}

/// Opportunities, most recently moved first.
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &OpportunityFilter,
    page: &PageRequest,
) -> DbResult<Result<Page<opportunity::Model>, BadCursor>> {
    let keyset = Keyset {
        name: "-stage_changed_at",
        column: opportunity::Column::StageChangedAt,
        id_column: opportunity::Column::Id,
        direction: SortDirection::Desc,
    };
    let select = match keyset.apply(filtered(scope, reach, filter), page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(keyset.finish(rows, page, |o| {
        (CursorKey::Time(o.stage_changed_at), o.id)
    })))
}

/// Per stage: how many match, their amounts summed (fen).
pub async fn totals_by_stage<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &OpportunityFilter,
) -> DbResult<Vec<(Uuid, i64, Option<i64>)>> {
    Ok(filtered(scope, reach, filter)
        .select_only()
        .column(opportunity::Column::StageId)
        .column_as(
            Expr::expr(Func::count(Expr::col(opportunity::Column::Id))),
            "n",
        )
        .column_as(
            Expr::expr(Func::cast_as(
                Func::sum(Expr::col(opportunity::Column::AmountFen)),
                Alias::new("bigint"),
            )),
            "amount",
        )
        .group_by(opportunity::Column::StageId)
        .into_tuple()
        .all(conn)
        .await?)
}

/// The first `per_stage` open opportunities of each stage, most recently moved first.
pub async fn board_cards<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &OpportunityFilter,
    stage_id: Uuid,
    limit: u64,
) -> DbResult<Vec<opportunity::Model>> {
    Ok(filtered(scope, reach, filter)
        .filter(opportunity::Column::StageId.eq(stage_id))
        .order_by_desc(opportunity::Column::StageChangedAt)
        .order_by_desc(opportunity::Column::Id)
        .limit(limit)
        .all(conn)
        .await?)
}

pub async fn of_lead<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    lead_id: Uuid,
) -> DbResult<Option<opportunity::Model>> {
    Ok(opportunity::Entity::scoped(scope)
        .filter(opportunity::Column::LeadId.eq(lead_id))
        .one(conn)
        .await?)
}

/// An opportunity's stage changes, oldest first.
pub async fn stage_history<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    opportunity_id: Uuid,
) -> DbResult<Vec<opportunity_stage_change::Model>> {
    Ok(opportunity_stage_change::Entity::scoped(scope)
        .filter(opportunity_stage_change::Column::OpportunityId.eq(opportunity_id))
        .order_by_asc(opportunity_stage_change::Column::OccurredAt)
        .order_by_asc(opportunity_stage_change::Column::Id)
        .all(conn)
        .await?)
}

/// Every stage each matching opportunity has been in: `(opportunity, stage)` pairs, from the
/// stage history (the funnel counts how many reached each stage).
pub async fn stages_reached<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &OpportunityFilter,
) -> DbResult<Vec<(Uuid, Uuid)>> {
    use sea_orm::QueryTrait;
    let matching = filtered(scope, reach, filter)
        .select_only()
        .column(opportunity::Column::Id)
        .into_query();
    Ok(opportunity_stage_change::Entity::scoped(scope)
        .filter(opportunity_stage_change::Column::OpportunityId.in_subquery(matching))
        .select_only()
        .column(opportunity_stage_change::Column::OpportunityId)
        .column(opportunity_stage_change::Column::ToStageId)
        .distinct()
        .into_tuple()
        .all(conn)
        .await?)
}
