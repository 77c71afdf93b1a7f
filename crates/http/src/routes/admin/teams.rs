//! `/api/v1/teams`.

use crate::extract::{ApiJson, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_admin::AdminExt as _;
use forecourt_admin::teams::{NewTeam, TeamPatch, TeamView};
use forecourt_domain::ids::TeamId;

#[utoipa::path(
    get,
    path = "/api/v1/teams",
    tag = "teams",
    responses(
        (status = 200, body = Vec<TeamView>),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_teams(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<TeamView>>> {
    Ok(Json(state.app.admin().list_teams(&auth.actor).await?))
}

#[utoipa::path(
    post,
    path = "/api/v1/teams",
    tag = "teams",
    request_body = NewTeam,
    responses(
        (status = 201, body = TeamView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create_team(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewTeam>,
) -> ApiResult<(StatusCode, Json<TeamView>)> {
    Ok((
        StatusCode::CREATED,
        Json(state.app.admin().create_team(&auth.actor, input).await?),
    ))
}

#[utoipa::path(
    get,
    path = "/api/v1/teams/{id}",
    tag = "teams",
    params(("id" = TeamId, Path)),
    responses(
        (status = 200, body = TeamView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_team(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<TeamId>,
) -> ApiResult<Json<TeamView>> {
    Ok(Json(state.app.admin().get_team(&auth.actor, id).await?))
}

#[utoipa::path(
    patch,
    path = "/api/v1/teams/{id}",
    tag = "teams",
    params(("id" = TeamId, Path)),
    request_body = TeamPatch,
    responses(
        (status = 200, body = TeamView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn update_team(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<TeamId>,
    ApiJson(patch): ApiJson<TeamPatch>,
) -> ApiResult<Json<TeamView>> {
    Ok(Json(
        state
            .app
            .admin()
            .update_team(&auth.actor, id, patch)
            .await?,
    ))
}

/// Deletes an empty team (409 `in_use` while it has members).
#[utoipa::path(
    delete,
    path = "/api/v1/teams/{id}",
    tag = "teams",
    params(("id" = TeamId, Path)),
    responses(
        (status = 204, description = "Deleted"),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn delete_team(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<TeamId>,
) -> ApiResult<StatusCode> {
    state.app.admin().delete_team(&auth.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
