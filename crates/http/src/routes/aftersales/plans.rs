//! `/api/v1/maintenance-plans`: service intervals per model and the dealer's default.

use crate::extract::{ApiJson, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_aftersales::AfterSalesExt as _;
use forecourt_aftersales::plans::{MaintenancePlanInput, MaintenancePlanView};
use uuid::Uuid;

/// The dealer's maintenance plans, the default first.
#[utoipa::path(get, path = "/api/v1/maintenance-plans", tag = "service",
    responses((status = 200, body = Vec<MaintenancePlanView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_plans(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<MaintenancePlanView>>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .maintenance_plans(&auth.actor)
            .await?,
    ))
}

/// Adds a plan for a model (or the dealer's default).
#[utoipa::path(post, path = "/api/v1/maintenance-plans", tag = "service", request_body = MaintenancePlanInput,
    responses((status = 201, body = MaintenancePlanView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_plan(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<MaintenancePlanInput>,
) -> ApiResult<(StatusCode, Json<MaintenancePlanView>)> {
    let plan = state
        .app
        .aftersales()
        .create_maintenance_plan(&auth.actor, input)
        .await?;
    Ok((StatusCode::CREATED, Json(plan)))
}

/// Changes a plan.
#[utoipa::path(put, path = "/api/v1/maintenance-plans/{id}", tag = "service", request_body = MaintenancePlanInput,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = MaintenancePlanView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_plan(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<Uuid>,
    ApiJson(input): ApiJson<MaintenancePlanInput>,
) -> ApiResult<Json<MaintenancePlanView>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .update_maintenance_plan(&auth.actor, id, input)
            .await?,
    ))
}

/// Deletes a model's plan (its cars fall back to the default).
#[utoipa::path(delete, path = "/api/v1/maintenance-plans/{id}", tag = "service",
    params(("id" = Uuid, Path)),
    responses((status = 204, description = "Deleted"), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn delete_plan(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<Uuid>,
) -> ApiResult<StatusCode> {
    state
        .app
        .aftersales()
        .delete_maintenance_plan(&auth.actor, id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
