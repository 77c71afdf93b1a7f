//! `/api/v1/stock-units` (the list and its export), `/api/v1/stock-models` (supply against each
//! model's minimum) and `/api/v1/stock/settings`.

use crate::extract::{ApiJson, ApiQuery, Authed};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use forecourt_domain::locale::Locale;
use forecourt_kernel::paging::Paged;
use forecourt_stock::StockExt as _;
use forecourt_stock::{
    ModelStockView, StockQuery, StockSettingsPatch, StockSettingsView, StockUnitView,
};

/// The dealer's units, newest first, filtered; keyset-paged.
#[utoipa::path(get, path = "/api/v1/stock-units", tag = "stock", params(StockQuery),
    responses((status = 200, body = Paged<StockUnitView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_units(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<StockQuery>,
) -> ApiResult<Json<Paged<StockUnitView>>> {
    Ok(Json(
        state.app.stock().list_units(&auth.actor, query).await?,
    ))
}

/// The filtered list as an `.xlsx` workbook, headed in `lang` (else the reader's language).
#[utoipa::path(get, path = "/api/v1/stock-units/export", tag = "stock", params(StockQuery),
    responses((status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
              (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn export_units(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<StockQuery>,
) -> ApiResult<Response> {
    let locale = query.lang.as_deref().and_then(|l| l.parse::<Locale>().ok());
    let file = state
        .app
        .stock()
        .export_units(&auth.actor, query, locale)
        .await?;
    Ok(crate::download::attachment(file))
}

/// Each catalog model's units in stock and in transit against its minimum (`low_stock`).
#[utoipa::path(get, path = "/api/v1/stock-models", tag = "stock",
    responses((status = 200, body = Vec<ModelStockView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn model_stock(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<ModelStockView>>> {
    Ok(Json(state.app.stock().model_stock(&auth.actor).await?))
}

/// The aged-stock thresholds and per-model minimums.
#[utoipa::path(get, path = "/api/v1/stock/settings", operation_id = "get_stock_settings", tag = "stock",
    responses((status = 200, body = StockSettingsView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_settings(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<StockSettingsView>> {
    Ok(Json(state.app.stock().stock_settings(&auth.actor).await?))
}

/// Sets the aged-stock thresholds and per-model minimums.
#[utoipa::path(patch, path = "/api/v1/stock/settings", operation_id = "update_stock_settings", tag = "stock", request_body = StockSettingsPatch,
    responses((status = 200, body = StockSettingsView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_settings(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(patch): ApiJson<StockSettingsPatch>,
) -> ApiResult<Json<StockSettingsView>> {
    Ok(Json(
        state
            .app
            .stock()
            .update_stock_settings(&auth.actor, patch)
            .await?,
    ))
}
