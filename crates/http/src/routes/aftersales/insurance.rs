//! `/api/v1/vehicles/{id}/policies` and `/api/v1/policies`: cars' insurance policies.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_aftersales::AfterSalesExt as _;
use forecourt_aftersales::insurance::policies::{
    NewPolicy, PolicyPage, PolicyPatch, PolicyQuery, PolicyView,
};
use forecourt_domain::ids::{InsurancePolicyId, VehicleId};

/// A car's policies, latest ending first.
#[utoipa::path(get, path = "/api/v1/vehicles/{id}/policies", tag = "insurance", params(("id" = VehicleId, Path)),
    responses((status = 200, body = Vec<PolicyView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn vehicle_policies(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<VehicleId>,
) -> ApiResult<Json<Vec<PolicyView>>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .vehicle_policies(&auth.actor, id)
            .await?,
    ))
}

/// Records a policy of a car (its owner is the policy's customer).
#[utoipa::path(post, path = "/api/v1/vehicles/{id}/policies", tag = "insurance", params(("id" = VehicleId, Path)), request_body = NewPolicy,
    responses((status = 201, body = PolicyView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_policy(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<VehicleId>,
    ApiJson(input): ApiJson<NewPolicy>,
) -> ApiResult<(StatusCode, Json<PolicyView>)> {
    Ok((
        StatusCode::CREATED,
        Json(
            state
                .app
                .aftersales()
                .create_policy(&auth.actor, id, input)
                .await?,
        ),
    ))
}

/// Corrects a policy.
#[utoipa::path(patch, path = "/api/v1/policies/{id}", tag = "insurance", params(("id" = InsurancePolicyId, Path)), request_body = PolicyPatch,
    responses((status = 200, body = PolicyView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_policy(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<InsurancePolicyId>,
    ApiJson(patch): ApiJson<PolicyPatch>,
) -> ApiResult<Json<PolicyView>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .update_policy(&auth.actor, id, patch)
            .await?,
    ))
}

/// The dealer's policies ending between two days, soonest first.
#[utoipa::path(get, path = "/api/v1/policies", tag = "insurance", params(PolicyQuery),
    responses((status = 200, body = PolicyPage), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_policies(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<PolicyQuery>,
) -> ApiResult<Json<PolicyPage>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .list_policies(&auth.actor, query)
            .await?,
    ))
}
