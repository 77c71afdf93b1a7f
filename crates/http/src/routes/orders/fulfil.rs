//! `/api/v1/orders` (making one from a quote) and an order's car, invoice, delivery and
//! cancellation.

use crate::extract::{ApiJson, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_domain::ids::OrderId;
use forecourt_orders::OrdersExt as _;
use forecourt_orders::contract::{NewOrder, OrderCancel};
use forecourt_orders::fulfil::{Allocation, Delivery, NewInvoice};
use forecourt_orders::views::OrderView;

/// Makes the order (合同) of an accepted quote: its lines and on-the-road total become the
/// contract's; the contract number is the dealer's next; the lead becomes O.
#[utoipa::path(post, path = "/api/v1/orders", tag = "orders", request_body = NewOrder,
    responses((status = 201, body = OrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_order(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewOrder>,
) -> ApiResult<(StatusCode, Json<OrderView>)> {
    Ok((
        StatusCode::CREATED,
        Json(state.app.orders().create_order(&auth.actor, input).await?),
    ))
}

/// Allocates a car by VIN (the stock unit is reserved for the order).
#[utoipa::path(post, path = "/api/v1/orders/{id}/allocation", tag = "orders", params(("id" = OrderId, Path)), request_body = Allocation,
    responses((status = 200, body = OrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn allocate(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<OrderId>,
    ApiJson(input): ApiJson<Allocation>,
) -> ApiResult<Json<OrderView>> {
    Ok(Json(
        state
            .app
            .orders()
            .allocate_car(&auth.actor, id, input)
            .await?,
    ))
}

/// Issues the unified motor-vehicle sales invoice (one per VIN); the car is sold.
#[utoipa::path(post, path = "/api/v1/orders/{id}/invoice", tag = "orders", params(("id" = OrderId, Path)), request_body = NewInvoice,
    responses((status = 201, body = OrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn invoice(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<OrderId>,
    ApiJson(input): ApiJson<NewInvoice>,
) -> ApiResult<(StatusCode, Json<OrderView>)> {
    Ok((
        StatusCode::CREATED,
        Json(
            state
                .app
                .orders()
                .issue_invoice(&auth.actor, id, input)
                .await?,
        ),
    ))
}

/// Hands the car over (交车): checklists complete, nothing owed (or covered by an approved
/// loan); the car becomes the customer's vehicle.
#[utoipa::path(post, path = "/api/v1/orders/{id}/delivery", tag = "orders", params(("id" = OrderId, Path)), request_body = Delivery,
    responses((status = 200, body = OrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn deliver(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<OrderId>,
    ApiJson(input): ApiJson<Delivery>,
) -> ApiResult<Json<OrderView>> {
    Ok(Json(
        state
            .app
            .orders()
            .deliver_order(&auth.actor, id, input)
            .await?,
    ))
}

/// Cancels an order with a reason; a reserved car goes back in stock. Refused once invoiced or
/// delivered.
#[utoipa::path(post, path = "/api/v1/orders/{id}/cancel", operation_id = "cancel_order", tag = "orders", params(("id" = OrderId, Path)), request_body = OrderCancel,
    responses((status = 200, body = OrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn cancel(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<OrderId>,
    ApiJson(input): ApiJson<OrderCancel>,
) -> ApiResult<Json<OrderView>> {
    Ok(Json(
        state
            .app
            .orders()
            .cancel_order(&auth.actor, id, input)
            .await?,
    ))
}
