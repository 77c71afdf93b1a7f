//! `/api/v1/departments`.

use crate::extract::{ApiJson, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_admin::AdminExt as _;
use forecourt_admin::departments::{DepartmentPatch, DepartmentView, NewDepartment};
use forecourt_domain::ids::DepartmentId;

#[utoipa::path(
    get,
    path = "/api/v1/departments",
    tag = "departments",
    responses(
        (status = 200, body = Vec<DepartmentView>),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_departments(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<DepartmentView>>> {
    Ok(Json(state.app.admin().list_departments(&auth.actor).await?))
}

#[utoipa::path(
    post,
    path = "/api/v1/departments",
    tag = "departments",
    request_body = NewDepartment,
    responses(
        (status = 201, body = DepartmentView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create_department(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewDepartment>,
) -> ApiResult<(StatusCode, Json<DepartmentView>)> {
    Ok((
        StatusCode::CREATED,
        Json(
            state
                .app
                .admin()
                .create_department(&auth.actor, input)
                .await?,
        ),
    ))
}

#[utoipa::path(
    get,
    path = "/api/v1/departments/{id}",
    tag = "departments",
    params(("id" = DepartmentId, Path)),
    responses(
        (status = 200, body = DepartmentView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_department(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<DepartmentId>,
) -> ApiResult<Json<DepartmentView>> {
    Ok(Json(
        state.app.admin().get_department(&auth.actor, id).await?,
    ))
}

#[utoipa::path(
    patch,
    path = "/api/v1/departments/{id}",
    tag = "departments",
    params(("id" = DepartmentId, Path)),
    request_body = DepartmentPatch,
    responses(
        (status = 200, body = DepartmentView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn update_department(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<DepartmentId>,
    ApiJson(patch): ApiJson<DepartmentPatch>,
) -> ApiResult<Json<DepartmentView>> {
    Ok(Json(
        state
            .app
            .admin()
            .update_department(&auth.actor, id, patch)
            .await?,
    ))
}

/// Deletes an empty team (409 `in_use` while teams belong to it).
#[utoipa::path(
    delete,
    path = "/api/v1/departments/{id}",
    tag = "departments",
    params(("id" = DepartmentId, Path)),
    responses(
        (status = 204, description = "Deleted"),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn delete_department(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<DepartmentId>,
) -> ApiResult<StatusCode> {
    state.app.admin().delete_department(&auth.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
