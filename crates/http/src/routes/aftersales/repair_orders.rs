//! `/api/v1/repair-orders`: repair orders (工单) — opened, read, listed, moved through the
//! workshop and picked up — and a car's repair history.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_aftersales::AfterSalesExt as _;
use forecourt_aftersales::repair_orders::{
    NewRepairOrder, RepairMove, RepairOrderQuery, RepairOrderSummary, RepairOrderView,
    RepairPickup, TechnicianView,
};
use forecourt_domain::ids::{RepairOrderId, VehicleId};
use forecourt_kernel::paging::Paged;

/// Opens a repair order from a booked appointment or for a walk-in (customer and car), with
/// the odometer on arrival, the complaint and the promised time.
#[utoipa::path(post, path = "/api/v1/repair-orders", tag = "service", request_body = NewRepairOrder,
    responses((status = 201, body = RepairOrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn open_repair_order(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewRepairOrder>,
) -> ApiResult<(StatusCode, Json<RepairOrderView>)> {
    let view = state
        .app
        .aftersales()
        .open_repair_order(&auth.actor, input)
        .await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// The dealer's repair orders, newest first.
#[utoipa::path(get, path = "/api/v1/repair-orders", tag = "service", params(RepairOrderQuery),
    responses((status = 200, body = Paged<RepairOrderSummary>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_repair_orders(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<RepairOrderQuery>,
) -> ApiResult<Json<Paged<RepairOrderSummary>>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .list_repair_orders(&auth.actor, query)
            .await?,
    ))
}

/// A repair order with its lines, clocks, totals by payer and the customer's bill.
#[utoipa::path(get, path = "/api/v1/repair-orders/{id}", tag = "service", params(("id" = RepairOrderId, Path)),
    responses((status = 200, body = RepairOrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_repair_order(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<RepairOrderId>,
) -> ApiResult<Json<RepairOrderView>> {
    Ok(Json(
        state.app.aftersales().repair_order(&auth.actor, id).await?,
    ))
}

/// Moves an order: to work, to the quality check, ready, back to work, or cancelled.
#[utoipa::path(post, path = "/api/v1/repair-orders/{id}/move", tag = "service", params(("id" = RepairOrderId, Path)), request_body = RepairMove,
    responses((status = 200, body = RepairOrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn move_repair_order(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<RepairOrderId>,
    ApiJson(change): ApiJson<RepairMove>,
) -> ApiResult<Json<RepairOrderView>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .move_repair_order(&auth.actor, id, change)
            .await?,
    ))
}

/// Hands a ready car back: the odometer out and the payment of exactly the customer's bill.
#[utoipa::path(post, path = "/api/v1/repair-orders/{id}/pickup", tag = "service", params(("id" = RepairOrderId, Path)), request_body = RepairPickup,
    responses((status = 200, body = RepairOrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn pick_up_repair_order(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<RepairOrderId>,
    ApiJson(pickup): ApiJson<RepairPickup>,
) -> ApiResult<Json<RepairOrderView>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .pick_up_repair_order(&auth.actor, id, pickup)
            .await?,
    ))
}

/// A car's repair history: its repair orders with their lines, newest first.
#[utoipa::path(get, path = "/api/v1/vehicles/{id}/repair-orders", tag = "service", params(("id" = VehicleId, Path)),
    responses((status = 200, body = Vec<RepairOrderView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn vehicle_repair_orders(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<VehicleId>,
) -> ApiResult<Json<Vec<RepairOrderView>>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .vehicle_repair_orders(&auth.actor, id)
            .await?,
    ))
}

/// The people who may clock on a job: the dealer's active users.
#[utoipa::path(get, path = "/api/v1/service/technicians", tag = "service",
    responses((status = 200, body = Vec<TechnicianView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn technicians(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<TechnicianView>>> {
    Ok(Json(state.app.aftersales().technicians(&auth.actor).await?))
}
