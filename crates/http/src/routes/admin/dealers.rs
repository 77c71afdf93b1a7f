//! `/api/v1/dealers`: the dealer's settings, and the dealers a user may act in.

use crate::extract::{ApiJson, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use forecourt_admin::AdminExt as _;
use forecourt_admin::dealers::{DealerPatch, DealerView};
use forecourt_domain::ids::DealerId;

/// The dealers the user may act in (their own; for group users, every dealer of the group).
#[utoipa::path(
    get,
    path = "/api/v1/dealers",
    tag = "dealers",
    responses(
        (status = 200, body = Vec<DealerView>),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_dealers(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<DealerView>>> {
    Ok(Json(state.app.admin().list_dealers(&auth.actor).await?))
}

/// The settings of the dealer the user acts in.
#[utoipa::path(
    get,
    path = "/api/v1/dealers/{id}",
    tag = "dealers",
    params(("id" = DealerId, Path)),
    responses(
        (status = 200, body = DealerView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_dealer(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<DealerId>,
) -> ApiResult<Json<DealerView>> {
    Ok(Json(state.app.admin().get_dealer(&auth.actor, id).await?))
}

/// Changes the dealer's name, time zone or default language.
#[utoipa::path(
    patch,
    path = "/api/v1/dealers/{id}",
    tag = "dealers",
    params(("id" = DealerId, Path)),
    request_body = DealerPatch,
    responses(
        (status = 200, body = DealerView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn update_dealer(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<DealerId>,
    ApiJson(patch): ApiJson<DealerPatch>,
) -> ApiResult<Json<DealerView>> {
    Ok(Json(
        state
            .app
            .admin()
            .update_dealer(&auth.actor, id, patch)
            .await?,
    ))
}
