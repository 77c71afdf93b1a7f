//! `/api/v1/parts-prices`: the dealer's parts price list, and its import from a spreadsheet.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_aftersales::AfterSalesExt as _;
use forecourt_aftersales::parts::{
    NewPartsPrice, PartsImportReport, PartsPricePatch, PartsPriceView, PartsQuery,
};
use forecourt_domain::ids::PartsPriceId;
use forecourt_kernel::paging::Paged;

/// The price list by part number; `q` filters on a number's beginning or a name.
#[utoipa::path(get, path = "/api/v1/parts-prices", tag = "service", params(PartsQuery),
    responses((status = 200, body = Paged<PartsPriceView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_parts_prices(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<PartsQuery>,
) -> ApiResult<Json<Paged<PartsPriceView>>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .list_parts(&auth.actor, query)
            .await?,
    ))
}

/// Adds a part to the price list.
#[utoipa::path(post, path = "/api/v1/parts-prices", tag = "service", request_body = NewPartsPrice,
    responses((status = 201, body = PartsPriceView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_parts_price(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewPartsPrice>,
) -> ApiResult<(StatusCode, Json<PartsPriceView>)> {
    let view = state
        .app
        .aftersales()
        .create_part(&auth.actor, input)
        .await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// Changes a part's name or price.
#[utoipa::path(patch, path = "/api/v1/parts-prices/{id}", tag = "service", params(("id" = PartsPriceId, Path)), request_body = PartsPricePatch,
    responses((status = 200, body = PartsPriceView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_parts_price(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<PartsPriceId>,
    ApiJson(patch): ApiJson<PartsPricePatch>,
) -> ApiResult<Json<PartsPriceView>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .update_part(&auth.actor, id, patch)
            .await?,
    ))
}

/// Takes a part off the price list.
#[utoipa::path(delete, path = "/api/v1/parts-prices/{id}", tag = "service", params(("id" = PartsPriceId, Path)),
    responses((status = 204, description = "Deleted"), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn delete_parts_price(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<PartsPriceId>,
) -> ApiResult<StatusCode> {
    state.app.aftersales().delete_part(&auth.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Imports a CSV or XLSX price list (the raw body): upserts by part number in one
/// transaction; when any row is wrong nothing is written and the report lists every problem.
#[utoipa::path(post, path = "/api/v1/parts-prices/import", tag = "service",
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 200, body = PartsImportReport), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn import_parts_prices(
    State(state): State<AppState>,
    auth: Authed,
    body: Bytes,
) -> ApiResult<Json<PartsImportReport>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .import_parts(&auth.actor, body.to_vec())
            .await?,
    ))
}
