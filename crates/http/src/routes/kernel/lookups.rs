//! `/api/v1/lookups/{list}`: the dealer's configurable lists (`source`, `lost_reason`).

use crate::extract::{ApiJson, Authed};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use forecourt_domain::ids::LookupId;
use forecourt_kernel::lookups::{LookupList, LookupPatch, LookupView, NewLookup};

fn list_of(name: &str) -> ApiResult<LookupList> {
    Ok(name.parse::<LookupList>()?)
}

/// A list's entries, built-in and the dealer's own.
#[utoipa::path(get, path = "/api/v1/lookups/{list}", tag = "lookups", params(("list" = LookupList, Path)),
    responses((status = 200, body = Vec<LookupView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_lookups(
    State(state): State<AppState>,
    auth: Authed,
    Path(list): Path<String>,
) -> ApiResult<Json<Vec<LookupView>>> {
    Ok(Json(
        state.app.list_lookups(&auth.actor, list_of(&list)?).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/lookups/{list}", tag = "lookups", params(("list" = LookupList, Path)), request_body = NewLookup,
    responses((status = 201, body = LookupView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_lookup(
    State(state): State<AppState>,
    auth: Authed,
    Path(list): Path<String>,
    ApiJson(input): ApiJson<NewLookup>,
) -> ApiResult<(StatusCode, Json<LookupView>)> {
    Ok((
        StatusCode::CREATED,
        Json(
            state
                .app
                .create_lookup(&auth.actor, list_of(&list)?, input)
                .await?,
        ),
    ))
}

/// Renames, reorders or switches off an entry.
#[utoipa::path(patch, path = "/api/v1/lookups/{list}/{id}", tag = "lookups", params(("list" = LookupList, Path), ("id" = LookupId, Path)), request_body = LookupPatch,
    responses((status = 200, body = LookupView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_lookup(
    State(state): State<AppState>,
    auth: Authed,
    Path((list, id)): Path<(String, String)>,
    ApiJson(patch): ApiJson<LookupPatch>,
) -> ApiResult<Json<LookupView>> {
    let id: LookupId = id
        .parse()
        .map_err(|_| forecourt_kernel::CoreError::not_found("lookup"))?;
    Ok(Json(
        state
            .app
            .update_lookup(&auth.actor, list_of(&list)?, id, patch)
            .await?,
    ))
}
