//! `/api/v1/care/settings`: the working calendar, holidays, SLA targets and escalation ladder.

use crate::extract::{ApiJson, Authed};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use forecourt_care::CareExt as _;
use forecourt_care::settings::{CareSettingsPatch, CareSettingsView};

/// The care settings: working calendar, holidays, SLA targets and the escalation ladder.
#[utoipa::path(get, path = "/api/v1/care/settings", tag = "care",
    responses((status = 200, body = CareSettingsView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_care_settings(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<CareSettingsView>> {
    Ok(Json(state.app.care().care_settings(&auth.actor).await?))
}

/// Changes the care settings (`complaint:configure`).
#[utoipa::path(patch, path = "/api/v1/care/settings", tag = "care", request_body = CareSettingsPatch,
    responses((status = 200, body = CareSettingsView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_care_settings(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(patch): ApiJson<CareSettingsPatch>,
) -> ApiResult<Json<CareSettingsView>> {
    Ok(Json(
        state
            .app
            .care()
            .update_care_settings(&auth.actor, patch)
            .await?,
    ))
}
