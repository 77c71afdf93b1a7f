//! `/api/v1/configurator` and `/api/v1/deal-settings`: a trim's configuration with the
//! prices of a day; the managers' upkeep of groups, items and dated prices; the deal settings.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_deal::DealExt as _;
use forecourt_deal::configurator::{
    ConfigurationQuery, GroupInput, GroupView, ItemInput, ItemPatch, ItemView, PriceInput,
    TrimConfiguration,
};
use forecourt_deal::settings::{DealSettingsInput, DealSettingsView};
use forecourt_domain::ids::ConfigItemId;
use uuid::Uuid;

/// A trim's options, packages, accessories and colours with the prices in effect on a day
/// (`on`, default today): what may be quoted.
#[utoipa::path(get, path = "/api/v1/configurator/models/{id}", tag = "configurator", params(("id" = Uuid, Path), ConfigurationQuery),
    responses((status = 200, body = TrimConfiguration), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn trim_configuration(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<Uuid>,
    ApiQuery(query): ApiQuery<ConfigurationQuery>,
) -> ApiResult<Json<TrimConfiguration>> {
    Ok(Json(
        state
            .app
            .deal()
            .trim_configuration(&auth.actor, id, query)
            .await?,
    ))
}

/// Adds an option group to a trim (`deal:configure`).
#[utoipa::path(post, path = "/api/v1/configurator/groups", tag = "configurator", request_body = GroupInput,
    responses((status = 201, body = GroupView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_group(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<GroupInput>,
) -> ApiResult<(StatusCode, Json<GroupView>)> {
    Ok((
        StatusCode::CREATED,
        Json(
            state
                .app
                .deal()
                .create_config_group(&auth.actor, input)
                .await?,
        ),
    ))
}

/// Adds an option, package, accessory or a trim's own price row, with its first price.
#[utoipa::path(post, path = "/api/v1/configurator/items", tag = "configurator", request_body = ItemInput,
    responses((status = 201, body = ItemView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_item(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<ItemInput>,
) -> ApiResult<(StatusCode, Json<ItemView>)> {
    Ok((
        StatusCode::CREATED,
        Json(
            state
                .app
                .deal()
                .create_config_item(&auth.actor, input)
                .await?,
        ),
    ))
}

/// Renames an item, withdraws it, or changes a package's contents.
#[utoipa::path(patch, path = "/api/v1/configurator/items/{id}", tag = "configurator", params(("id" = ConfigItemId, Path)), request_body = ItemPatch,
    responses((status = 200, body = ItemView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_item(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ConfigItemId>,
    ApiJson(patch): ApiJson<ItemPatch>,
) -> ApiResult<Json<ItemView>> {
    Ok(Json(
        state
            .app
            .deal()
            .update_config_item(&auth.actor, id, patch)
            .await?,
    ))
}

/// Sets an item's price (and cost) from a day on; quotes already made keep theirs.
#[utoipa::path(post, path = "/api/v1/configurator/items/{id}/prices", tag = "configurator", params(("id" = ConfigItemId, Path)), request_body = PriceInput,
    responses((status = 200, body = ItemView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn set_price(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ConfigItemId>,
    ApiJson(input): ApiJson<PriceInput>,
) -> ApiResult<Json<ItemView>> {
    Ok(Json(
        state
            .app
            .deal()
            .set_config_price(&auth.actor, id, input)
            .await?,
    ))
}

/// Every dealer accessory (精品) with its prices (`deal:configure`).
#[utoipa::path(get, path = "/api/v1/configurator/accessories", tag = "configurator",
    responses((status = 200, body = Vec<ItemView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_accessories(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<ItemView>>> {
    Ok(Json(state.app.deal().list_accessories(&auth.actor).await?))
}

/// The discount limit, margin floor, quote validity and purchase-tax rules.
#[utoipa::path(get, path = "/api/v1/deal-settings", tag = "configurator",
    responses((status = 200, body = DealSettingsView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_deal_settings(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<DealSettingsView>> {
    Ok(Json(state.app.deal().deal_settings(&auth.actor).await?))
}

/// Replaces the deal settings (`deal:configure`).
#[utoipa::path(put, path = "/api/v1/deal-settings", tag = "configurator", request_body = DealSettingsInput,
    responses((status = 200, body = DealSettingsView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_deal_settings(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<DealSettingsInput>,
) -> ApiResult<Json<DealSettingsView>> {
    Ok(Json(
        state
            .app
            .deal()
            .update_deal_settings(&auth.actor, input)
            .await?,
    ))
}
