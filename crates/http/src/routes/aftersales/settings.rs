//! `/api/v1/service/settings`: the workshop's capacity, labour rate and reminder rules.

use crate::extract::{ApiJson, Authed};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use forecourt_aftersales::AfterSalesExt as _;
use forecourt_aftersales::{ServiceSettingsPatch, ServiceSettingsView};

/// The workshop's settings.
#[utoipa::path(get, path = "/api/v1/service/settings", operation_id = "get_service_settings", tag = "service",
    responses((status = 200, body = ServiceSettingsView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_settings(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<ServiceSettingsView>> {
    Ok(Json(
        state.app.aftersales().service_settings(&auth.actor).await?,
    ))
}

/// Changes the workshop's settings.
#[utoipa::path(patch, path = "/api/v1/service/settings", operation_id = "update_service_settings", tag = "service", request_body = ServiceSettingsPatch,
    responses((status = 200, body = ServiceSettingsView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_settings(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(patch): ApiJson<ServiceSettingsPatch>,
) -> ApiResult<Json<ServiceSettingsView>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .update_service_settings(&auth.actor, patch)
            .await?,
    ))
}
