//! `/api/v1/api-tokens`.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_admin::AdminExt as _;
use forecourt_admin::api_tokens::{ApiTokenQuery, ApiTokenView, CreatedApiToken, NewApiToken};
use forecourt_domain::ids::ApiTokenId;
use forecourt_kernel::paging::Paged;

#[utoipa::path(
    get,
    path = "/api/v1/api-tokens",
    tag = "api-tokens",
    params(ApiTokenQuery),
    responses(
        (status = 200, body = Paged<ApiTokenView>),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_api_tokens(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<ApiTokenQuery>,
) -> ApiResult<Json<Paged<ApiTokenView>>> {
    Ok(Json(
        state
            .app
            .admin()
            .list_api_tokens(&auth.actor, query)
            .await?,
    ))
}

/// Creates a token acting for the caller. The token is in this response only.
#[utoipa::path(
    post,
    path = "/api/v1/api-tokens",
    tag = "api-tokens",
    request_body = NewApiToken,
    responses(
        (status = 201, body = CreatedApiToken),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create_api_token(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewApiToken>,
) -> ApiResult<(StatusCode, Json<CreatedApiToken>)> {
    Ok((
        StatusCode::CREATED,
        Json(
            state
                .app
                .admin()
                .create_api_token(&auth.actor, input)
                .await?,
        ),
    ))
}

/// Revokes a token; it is refused from the next request on.
#[utoipa::path(
    post,
    path = "/api/v1/api-tokens/{id}/revoke",
    tag = "api-tokens",
    params(("id" = ApiTokenId, Path)),
    responses(
        (status = 200, body = ApiTokenView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn revoke_api_token(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ApiTokenId>,
) -> ApiResult<Json<ApiTokenView>> {
    Ok(Json(
        state.app.admin().revoke_api_token(&auth.actor, id).await?,
    ))
}
