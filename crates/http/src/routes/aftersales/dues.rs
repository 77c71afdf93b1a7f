//! `/api/v1/service-dues` (the due list) and a car's next service.

use crate::extract::{ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use forecourt_aftersales::AfterSalesExt as _;
use forecourt_aftersales::due::list::{ServiceDueQuery, ServiceDueView};
use forecourt_domain::ids::VehicleId;
use forecourt_kernel::paging::Paged;

/// The cars due for service in a period, soonest first.
#[utoipa::path(get, path = "/api/v1/service-dues", tag = "service", params(ServiceDueQuery),
    responses((status = 200, body = Paged<ServiceDueView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_dues(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<ServiceDueQuery>,
) -> ApiResult<Json<Paged<ServiceDueView>>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .service_dues(&auth.actor, query)
            .await?,
    ))
}

/// A car's next service (null when nothing dates it).
#[utoipa::path(get, path = "/api/v1/vehicles/{id}/service-due", tag = "service",
    params(("id" = VehicleId, Path)),
    responses((status = 200, body = Option<ServiceDueView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn vehicle_due(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<VehicleId>,
) -> ApiResult<Json<Option<ServiceDueView>>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .vehicle_service_due(&auth.actor, id)
            .await?,
    ))
}

/// Recomputes a car's next service now.
#[utoipa::path(post, path = "/api/v1/vehicles/{id}/service-due/refresh", tag = "service",
    params(("id" = VehicleId, Path)),
    responses((status = 200, body = Option<ServiceDueView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn refresh_vehicle_due(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<VehicleId>,
) -> ApiResult<Json<Option<ServiceDueView>>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .refresh_vehicle_service_due(&auth.actor, id)
            .await?,
    ))
}
