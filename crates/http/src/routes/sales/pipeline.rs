//! `/api/v1/pipeline-stages`: the dealer's opportunity stages and their probabilities.

use crate::extract::{ApiJson, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_domain::ids::PipelineStageId;
use forecourt_sales::SalesExt as _;
use forecourt_sales::pipeline::{NewStage, StagePatch, StageView};

/// The stages in order, inactive ones included.
#[utoipa::path(get, path = "/api/v1/pipeline-stages", tag = "pipeline",
    responses((status = 200, body = Vec<StageView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_stages(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<StageView>>> {
    Ok(Json(state.app.sales().pipeline_stages(&auth.actor).await?))
}

#[utoipa::path(post, path = "/api/v1/pipeline-stages", tag = "pipeline", request_body = NewStage,
    responses((status = 201, body = StageView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_stage(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewStage>,
) -> ApiResult<(StatusCode, Json<StageView>)> {
    Ok((
        StatusCode::CREATED,
        Json(state.app.sales().create_stage(&auth.actor, input).await?),
    ))
}

#[utoipa::path(patch, path = "/api/v1/pipeline-stages/{id}", tag = "pipeline", params(("id" = PipelineStageId, Path)), request_body = StagePatch,
    responses((status = 200, body = StageView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_stage(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<PipelineStageId>,
    ApiJson(patch): ApiJson<StagePatch>,
) -> ApiResult<Json<StageView>> {
    Ok(Json(
        state
            .app
            .sales()
            .update_stage(&auth.actor, id, patch)
            .await?,
    ))
}
