//! `/api/v1/opportunities`: the pipeline's cards, the kanban board and the funnel.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use forecourt_domain::ids::{OpportunityId, TeamId, UserId};
use forecourt_kernel::paging::Paged;
use forecourt_sales::SalesExt as _;
use forecourt_sales::opportunities::{
    Funnel, FunnelQuery, OpportunityPatch, OpportunityQuery, OpportunityView, PipelineBoard,
    StageMove,
};
use serde::Deserialize;
use utoipa::IntoParams;

#[utoipa::path(get, path = "/api/v1/opportunities", tag = "opportunities", params(OpportunityQuery),
    responses((status = 200, body = Paged<OpportunityView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_opportunities(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<OpportunityQuery>,
) -> ApiResult<Json<Paged<OpportunityView>>> {
    Ok(Json(
        state
            .app
            .sales()
            .list_opportunities(&auth.actor, query)
            .await?,
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PipelineBoardQuery {
    pub owner_id: Option<UserId>,
    pub team_id: Option<TeamId>,
    /// Cards per stage (default 30, at most 100).
    pub per_column: Option<u64>,
}

/// The kanban: a column per active stage with its open opportunities, counts and amounts.
#[utoipa::path(get, path = "/api/v1/opportunities/board", tag = "opportunities", params(PipelineBoardQuery),
    responses((status = 200, body = PipelineBoard), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn pipeline_board(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<PipelineBoardQuery>,
) -> ApiResult<Json<PipelineBoard>> {
    let per_column = query.per_column.unwrap_or(30);
    Ok(Json(
        state
            .app
            .sales()
            .pipeline_board(&auth.actor, query.owner_id, query.team_id, per_column)
            .await?,
    ))
}

/// The funnel: how many opportunities of the period reached each stage, the conversion
/// between stages and the weighted forecast of the open ones.
#[utoipa::path(get, path = "/api/v1/opportunities/funnel", tag = "opportunities", params(FunnelQuery),
    responses((status = 200, body = Funnel), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn funnel(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<FunnelQuery>,
) -> ApiResult<Json<Funnel>> {
    Ok(Json(state.app.sales().funnel(&auth.actor, query).await?))
}

#[utoipa::path(get, path = "/api/v1/opportunities/{id}", tag = "opportunities", params(("id" = OpportunityId, Path)),
    responses((status = 200, body = OpportunityView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_opportunity(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<OpportunityId>,
) -> ApiResult<Json<OpportunityView>> {
    Ok(Json(
        state.app.sales().get_opportunity(&auth.actor, id).await?,
    ))
}

#[utoipa::path(patch, path = "/api/v1/opportunities/{id}", tag = "opportunities", params(("id" = OpportunityId, Path)), request_body = OpportunityPatch,
    responses((status = 200, body = OpportunityView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_opportunity(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<OpportunityId>,
    ApiJson(patch): ApiJson<OpportunityPatch>,
) -> ApiResult<Json<OpportunityView>> {
    Ok(Json(
        state
            .app
            .sales()
            .update_opportunity(&auth.actor, id, patch)
            .await?,
    ))
}

/// Moves a card to another stage (a kanban drag): the change is kept in its history; reaching
/// the signing stage orders the lead (grade O), reaching delivery wins it.
#[utoipa::path(post, path = "/api/v1/opportunities/{id}/stage", tag = "opportunities", params(("id" = OpportunityId, Path)), request_body = StageMove,
    responses((status = 200, body = OpportunityView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn move_opportunity(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<OpportunityId>,
    ApiJson(input): ApiJson<StageMove>,
) -> ApiResult<Json<OpportunityView>> {
    Ok(Json(
        state
            .app
            .sales()
            .move_opportunity(&auth.actor, id, input)
            .await?,
    ))
}
