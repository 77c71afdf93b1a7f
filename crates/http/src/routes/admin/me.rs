//! `/api/v1/me`: the signed-in user.

use crate::extract::{ApiJson, Authed};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_admin::AdminExt as _;
use forecourt_admin::me::{MePatch, MeView, PasswordChange};
use forecourt_domain::ids::DealerId;
use serde::Deserialize;
use utoipa::ToSchema;

/// Who am I: user, dealer, role, effective permissions and (for sessions) the CSRF token.
#[utoipa::path(
    get,
    path = "/api/v1/me",
    tag = "me",
    responses(
        (status = 200, body = MeView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_me(State(state): State<AppState>, auth: Authed) -> ApiResult<Json<MeView>> {
    Ok(Json(
        state
            .app
            .admin()
            .get_me(&auth.actor, auth.csrf_token)
            .await?,
    ))
}

/// Changes one's display name or preferred language.
#[utoipa::path(
    patch,
    path = "/api/v1/me",
    tag = "me",
    request_body = MePatch,
    responses(
        (status = 200, body = MeView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn update_me(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(patch): ApiJson<MePatch>,
) -> ApiResult<Json<MeView>> {
    let mut me = state.app.admin().update_me(&auth.actor, patch).await?;
    me.csrf_token = auth.csrf_token;
    Ok(Json(me))
}

/// Changes one's own password; other sessions end, this one stays.
#[utoipa::path(
    post,
    path = "/api/v1/me/password",
    tag = "me",
    request_body = PasswordChange,
    responses(
        (status = 204, description = "Changed"),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn change_password(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<PasswordChange>,
) -> ApiResult<StatusCode> {
    state
        .app
        .admin()
        .change_own_password(&auth.actor, input)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct DealerSwitch {
    /// The dealer of the caller's group to act in from now on.
    pub dealer_id: DealerId,
}

/// Acts in another dealer of one's group (group users), or back in one's own.
#[utoipa::path(
    put,
    path = "/api/v1/me/dealer",
    tag = "me",
    request_body = DealerSwitch,
    responses(
        (status = 204, description = "Switched; fetch /api/v1/me again"),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn switch_dealer(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<DealerSwitch>,
) -> ApiResult<StatusCode> {
    state
        .app
        .switch_dealer(&auth.actor, input.dealer_id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
