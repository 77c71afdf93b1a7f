//! `/api/v1/users`: staff accounts.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_admin::AdminExt as _;
use forecourt_admin::users::{NewUser, PasswordReset, UserPatch, UserQuery, UserView};
use forecourt_domain::ids::UserId;
use forecourt_kernel::paging::Paged;

/// Lists users, filtered and sorted, one page at a time.
#[utoipa::path(
    get,
    path = "/api/v1/users",
    tag = "users",
    params(UserQuery),
    responses(
        (status = 200, body = Paged<UserView>),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_users(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<UserQuery>,
) -> ApiResult<Json<Paged<UserView>>> {
    Ok(Json(
        state.app.admin().list_users(&auth.actor, query).await?,
    ))
}

/// Creates a user. The role may grant nothing the creator lacks.
#[utoipa::path(
    post,
    path = "/api/v1/users",
    tag = "users",
    request_body = NewUser,
    responses(
        (status = 201, body = UserView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create_user(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewUser>,
) -> ApiResult<(StatusCode, Json<UserView>)> {
    Ok((
        StatusCode::CREATED,
        Json(state.app.admin().create_user(&auth.actor, input).await?),
    ))
}

#[utoipa::path(
    get,
    path = "/api/v1/users/{id}",
    tag = "users",
    params(("id" = UserId, Path)),
    responses(
        (status = 200, body = UserView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_user(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<UserId>,
) -> ApiResult<Json<UserView>> {
    Ok(Json(state.app.admin().get_user(&auth.actor, id).await?))
}

/// Updates a user: profile, role, team, status. Send the `version` you read.
#[utoipa::path(
    patch,
    path = "/api/v1/users/{id}",
    tag = "users",
    params(("id" = UserId, Path)),
    request_body = UserPatch,
    responses(
        (status = 200, body = UserView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn update_user(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<UserId>,
    ApiJson(patch): ApiJson<UserPatch>,
) -> ApiResult<Json<UserView>> {
    Ok(Json(
        state
            .app
            .admin()
            .update_user(&auth.actor, id, patch)
            .await?,
    ))
}

/// Sets a new password and signs the user out everywhere.
#[utoipa::path(
    post,
    path = "/api/v1/users/{id}/password-reset",
    tag = "users",
    params(("id" = UserId, Path)),
    request_body = PasswordReset,
    responses(
        (status = 204, description = "Reset"),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn reset_password(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<UserId>,
    ApiJson(input): ApiJson<PasswordReset>,
) -> ApiResult<StatusCode> {
    state
        .app
        .admin()
        .reset_user_password(&auth.actor, id, input)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Lifts a lock left by repeated failed logins.
#[utoipa::path(
    post,
    path = "/api/v1/users/{id}/unlock",
    tag = "users",
    params(("id" = UserId, Path)),
    responses(
        (status = 200, body = UserView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn unlock_user(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<UserId>,
) -> ApiResult<Json<UserView>> {
    Ok(Json(state.app.admin().unlock_user(&auth.actor, id).await?))
}
