//! `/api/v1/vehicles`: the cars customers own.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_customers::CustomersExt as _;
use forecourt_customers::vehicles::{
    MileageInput, TransferInput, VehicleInput, VehiclePatch, VehicleQuery, VehicleView,
};
use forecourt_domain::ids::{CustomerId, VehicleId};
use forecourt_kernel::paging::Paged;
use serde::Deserialize;
use utoipa::ToSchema;

#[utoipa::path(
    get,
    path = "/api/v1/vehicles",
    tag = "vehicles",
    params(VehicleQuery),
    responses(
        (status = 200, body = Paged<VehicleView>),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_vehicles(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<VehicleQuery>,
) -> ApiResult<Json<Paged<VehicleView>>> {
    Ok(Json(
        state
            .app
            .customers()
            .list_vehicles(&auth.actor, query)
            .await?,
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct NewVehicle {
    /// The owner (optional: a car can be registered before it is sold).
    pub customer_id: Option<CustomerId>,
    /// The car's details.
    #[serde(flatten)]
    pub vehicle: VehicleInput,
}

/// Registers a car. A VIN with a wrong check digit is 422 `vin_check_digit` unless
/// `accept_vin_check_digit` is set.
#[utoipa::path(
    post,
    path = "/api/v1/vehicles",
    tag = "vehicles",
    request_body = NewVehicle,
    responses(
        (status = 201, body = VehicleView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create_vehicle(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewVehicle>,
) -> ApiResult<(StatusCode, Json<VehicleView>)> {
    let view = state
        .app
        .customers()
        .create_vehicle(&auth.actor, input.customer_id, input.vehicle)
        .await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// A car with its mileage readings and owners over time.
#[utoipa::path(
    get,
    path = "/api/v1/vehicles/{id}",
    tag = "vehicles",
    params(("id" = VehicleId, Path)),
    responses(
        (status = 200, body = VehicleView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_vehicle(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<VehicleId>,
) -> ApiResult<Json<VehicleView>> {
    Ok(Json(
        state.app.customers().get_vehicle(&auth.actor, id).await?,
    ))
}

#[utoipa::path(
    patch,
    path = "/api/v1/vehicles/{id}",
    tag = "vehicles",
    params(("id" = VehicleId, Path)),
    request_body = VehiclePatch,
    responses(
        (status = 200, body = VehicleView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn update_vehicle(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<VehicleId>,
    ApiJson(patch): ApiJson<VehiclePatch>,
) -> ApiResult<Json<VehicleView>> {
    Ok(Json(
        state
            .app
            .customers()
            .update_vehicle(&auth.actor, id, patch)
            .await?,
    ))
}

/// Records an odometer reading.
#[utoipa::path(
    post,
    path = "/api/v1/vehicles/{id}/mileage",
    tag = "vehicles",
    params(("id" = VehicleId, Path)),
    request_body = MileageInput,
    responses(
        (status = 200, body = VehicleView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn record_mileage(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<VehicleId>,
    ApiJson(input): ApiJson<MileageInput>,
) -> ApiResult<Json<VehicleView>> {
    Ok(Json(
        state
            .app
            .customers()
            .record_mileage(&auth.actor, id, input)
            .await?,
    ))
}

/// Gives the car to another customer; the previous owner's history stays.
#[utoipa::path(
    post,
    path = "/api/v1/vehicles/{id}/transfer",
    tag = "vehicles",
    params(("id" = VehicleId, Path)),
    request_body = TransferInput,
    responses(
        (status = 200, body = VehicleView),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn transfer_vehicle(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<VehicleId>,
    ApiJson(input): ApiJson<TransferInput>,
) -> ApiResult<Json<VehicleView>> {
    Ok(Json(
        state
            .app
            .customers()
            .transfer_vehicle(&auth.actor, id, input)
            .await?,
    ))
}
