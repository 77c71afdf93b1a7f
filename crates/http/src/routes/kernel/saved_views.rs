//! `/api/v1/saved-views`: one's saved list filters.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_domain::ids::SavedViewId;
use forecourt_kernel::saved_views::{NewSavedView, SavedViewPatch, SavedViewQuery, SavedViewView};

#[utoipa::path(get, path = "/api/v1/saved-views", tag = "saved-views", params(SavedViewQuery),
    responses((status = 200, body = Vec<SavedViewView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_saved_views(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<SavedViewQuery>,
) -> ApiResult<Json<Vec<SavedViewView>>> {
    Ok(Json(state.app.list_saved_views(&auth.actor, query).await?))
}

#[utoipa::path(post, path = "/api/v1/saved-views", tag = "saved-views", request_body = NewSavedView,
    responses((status = 201, body = SavedViewView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_saved_view(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewSavedView>,
) -> ApiResult<(StatusCode, Json<SavedViewView>)> {
    Ok((
        StatusCode::CREATED,
        Json(state.app.create_saved_view(&auth.actor, input).await?),
    ))
}

#[utoipa::path(patch, path = "/api/v1/saved-views/{id}", tag = "saved-views", params(("id" = SavedViewId, Path)), request_body = SavedViewPatch,
    responses((status = 200, body = SavedViewView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_saved_view(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<SavedViewId>,
    ApiJson(patch): ApiJson<SavedViewPatch>,
) -> ApiResult<Json<SavedViewView>> {
    Ok(Json(
        state.app.update_saved_view(&auth.actor, id, patch).await?,
    ))
}

#[utoipa::path(delete, path = "/api/v1/saved-views/{id}", tag = "saved-views", params(("id" = SavedViewId, Path)),
    responses((status = 204, description = "Deleted"), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn delete_saved_view(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<SavedViewId>,
) -> ApiResult<StatusCode> {
    state.app.delete_saved_view(&auth.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
