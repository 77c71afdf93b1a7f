//! `/api/v1/stock-units`: cars on the dealer's books by VIN.

use crate::extract::{ApiJson, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_domain::ids::StockUnitId;
use forecourt_stock::StockExt as _;
use forecourt_stock::{NewStockUnit, StockMove, StockUnitDetail, StockUnitPatch, TradeIn};

/// Adds a unit (ordered, in transit or in stock). The VIN's check digit must be valid.
#[utoipa::path(post, path = "/api/v1/stock-units", tag = "stock", request_body = NewStockUnit,
    responses((status = 201, body = StockUnitDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_unit(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewStockUnit>,
) -> ApiResult<(StatusCode, Json<StockUnitDetail>)> {
    let created = state.app.stock().create_unit(&auth.actor, input).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// A unit with its history, days in stock and order.
#[utoipa::path(get, path = "/api/v1/stock-units/{id}", tag = "stock", params(("id" = StockUnitId, Path)),
    responses((status = 200, body = StockUnitDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_unit(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<StockUnitId>,
) -> ApiResult<Json<StockUnitDetail>> {
    Ok(Json(state.app.stock().unit(&auth.actor, id).await?))
}

/// Edits a unit's location, colour, arrival day and cost.
#[utoipa::path(patch, path = "/api/v1/stock-units/{id}", tag = "stock", params(("id" = StockUnitId, Path)), request_body = StockUnitPatch,
    responses((status = 200, body = StockUnitDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_unit(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<StockUnitId>,
    ApiJson(patch): ApiJson<StockUnitPatch>,
) -> ApiResult<Json<StockUnitDetail>> {
    Ok(Json(
        state
            .app
            .stock()
            .update_unit(&auth.actor, id, patch)
            .await?,
    ))
}

/// Moves a unit: ordered → in transit → in stock, or a reservation cancelled. Any other move
/// is 409 `invalid_state`.
#[utoipa::path(post, path = "/api/v1/stock-units/{id}/move", tag = "stock", params(("id" = StockUnitId, Path)), request_body = StockMove,
    responses((status = 200, body = StockUnitDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn move_unit(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<StockUnitId>,
    ApiJson(change): ApiJson<StockMove>,
) -> ApiResult<Json<StockUnitDetail>> {
    Ok(Json(
        state.app.stock().move_unit(&auth.actor, id, change).await?,
    ))
}

/// A customer's car traded in enters used-car stock: the same VIN record, its history kept.
#[utoipa::path(post, path = "/api/v1/stock-units/trade-ins", tag = "stock", request_body = TradeIn,
    responses((status = 201, body = StockUnitDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn trade_in(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<TradeIn>,
) -> ApiResult<(StatusCode, Json<StockUnitDetail>)> {
    let created = state.app.stock().trade_in(&auth.actor, input).await?;
    Ok((StatusCode::CREATED, Json(created)))
}
