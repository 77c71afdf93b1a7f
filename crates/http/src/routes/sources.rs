//! `/api/v1/sources`: where customers and leads come from.

use crate::extract::{ApiJson, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_core::sources::{NewSource, SourcePatch, SourceView};
use forecourt_domain::ids::SourceId;

#[utoipa::path(get, path = "/api/v1/sources", tag = "sources",
    responses((status = 200, body = Vec<SourceView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_sources(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<SourceView>>> {
    Ok(Json(state.app.list_sources(&auth.actor).await?))
}

#[utoipa::path(post, path = "/api/v1/sources", tag = "sources", request_body = NewSource,
    responses((status = 201, body = SourceView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_source(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewSource>,
) -> ApiResult<(StatusCode, Json<SourceView>)> {
    Ok((
        StatusCode::CREATED,
        Json(state.app.create_source(&auth.actor, input).await?),
    ))
}

/// Renames, reorders or switches off a source.
#[utoipa::path(patch, path = "/api/v1/sources/{id}", tag = "sources", params(("id" = SourceId, Path)), request_body = SourcePatch,
    responses((status = 200, body = SourceView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_source(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<SourceId>,
    ApiJson(patch): ApiJson<SourcePatch>,
) -> ApiResult<Json<SourceView>> {
    Ok(Json(state.app.update_source(&auth.actor, id, patch).await?))
}
