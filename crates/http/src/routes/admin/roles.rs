//! `/api/v1/roles` and `/api/v1/permissions`.

use crate::extract::{ApiJson, Authed};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use forecourt_admin::AdminExt as _;
use forecourt_admin::roles::{NewRole, PermissionInfo, RolePatch, RoleView, permission_catalog};

/// Built-in and custom roles with their grants.
#[utoipa::path(
    get,
    path = "/api/v1/roles",
    tag = "roles",
    responses(
        (status = 200, body = Vec<RoleView>),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_roles(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<RoleView>>> {
    Ok(Json(state.app.admin().list_roles(&auth.actor).await?))
}

/// Creates a custom role. It may grant nothing its creator lacks.
#[utoipa::path(
    post,
    path = "/api/v1/roles",
    tag = "roles",
    request_body = NewRole,
    responses(
        (status = 201, body = RoleView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create_role(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewRole>,
) -> ApiResult<(StatusCode, Json<RoleView>)> {
    Ok((
        StatusCode::CREATED,
        Json(state.app.admin().create_role(&auth.actor, input).await?),
    ))
}

#[utoipa::path(
    get,
    path = "/api/v1/roles/{key}",
    tag = "roles",
    params(("key" = String, Path)),
    responses(
        (status = 200, body = RoleView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_role(
    State(state): State<AppState>,
    auth: Authed,
    Path(key): Path<String>,
) -> ApiResult<Json<RoleView>> {
    Ok(Json(state.app.admin().get_role(&auth.actor, &key).await?))
}

/// Updates a custom role (built-in roles are read-only).
#[utoipa::path(
    patch,
    path = "/api/v1/roles/{key}",
    tag = "roles",
    params(("key" = String, Path)),
    request_body = RolePatch,
    responses(
        (status = 200, body = RoleView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn update_role(
    State(state): State<AppState>,
    auth: Authed,
    Path(key): Path<String>,
    ApiJson(patch): ApiJson<RolePatch>,
) -> ApiResult<Json<RoleView>> {
    Ok(Json(
        state
            .app
            .admin()
            .update_role(&auth.actor, &key, patch)
            .await?,
    ))
}

/// Deletes a custom role no user holds.
#[utoipa::path(
    delete,
    path = "/api/v1/roles/{key}",
    tag = "roles",
    params(("key" = String, Path)),
    responses(
        (status = 204, description = "Deleted"),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn delete_role(
    State(state): State<AppState>,
    auth: Authed,
    Path(key): Path<String>,
) -> ApiResult<StatusCode> {
    state.app.admin().delete_role(&auth.actor, &key).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Every permission, with the scopes it can be granted at: the grid custom roles are made from.
#[utoipa::path(
    get,
    path = "/api/v1/permissions",
    tag = "roles",
    responses(
        (status = 200, body = Vec<PermissionInfo>),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_permissions(_auth: Authed) -> Json<Vec<PermissionInfo>> {
    Json(permission_catalog())
}
