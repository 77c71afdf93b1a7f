//! `/api/v1/orders` and `/api/v1/order-settings`: contracts, their money, checklists.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_domain::ids::{OrderId, OrderScheduleItemId};
use forecourt_orders::OrdersExt as _;
use forecourt_orders::checklists::ChecklistTicks;
use forecourt_orders::payments::{NewPayment, NewScheduleItem};
use forecourt_orders::read::{OrderPage, OrderQuery};
use forecourt_orders::refunds::NewRefund;
use forecourt_orders::settings::{OrderSettingsPatch, OrderSettingsView};
use forecourt_orders::views::OrderView;
use serde::Deserialize;
use utoipa::ToSchema;

/// The orders within the caller's reach (a consultant: their own customers'), newest first.
#[utoipa::path(get, path = "/api/v1/orders", tag = "orders", params(OrderQuery),
    responses((status = 200, body = OrderPage), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_orders(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<OrderQuery>,
) -> ApiResult<Json<OrderPage>> {
    Ok(Json(
        state.app.orders().list_orders(&auth.actor, query).await?,
    ))
}

/// One order: lines, money (the receivable computed), plan, payments, refunds, invoice,
/// checklists.
#[utoipa::path(get, path = "/api/v1/orders/{id}", tag = "orders", params(("id" = OrderId, Path)),
    responses((status = 200, body = OrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_order(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<OrderId>,
) -> ApiResult<Json<OrderView>> {
    Ok(Json(state.app.orders().get_order(&auth.actor, id).await?))
}

/// Adds a planned payment (a 定金 within 20% of the contract, a 订金, the balance, a loan, a
/// subsidy due from the OEM or the government).
#[utoipa::path(post, path = "/api/v1/orders/{id}/schedule", tag = "orders", params(("id" = OrderId, Path)), request_body = NewScheduleItem,
    responses((status = 201, body = OrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn add_schedule_item(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<OrderId>,
    ApiJson(input): ApiJson<NewScheduleItem>,
) -> ApiResult<(StatusCode, Json<OrderView>)> {
    Ok((
        StatusCode::CREATED,
        Json(
            state
                .app
                .orders()
                .add_schedule_item(&auth.actor, id, input)
                .await?,
        ),
    ))
}

/// Which planned loan the finance company approved.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoanApproval {
    /// The planned item (a `loan`).
    pub schedule_item_id: OrderScheduleItemId,
}

/// Marks a planned loan approved by its finance company (it may then cover the balance at
/// delivery).
#[utoipa::path(post, path = "/api/v1/orders/{id}/loan-approvals", tag = "orders", params(("id" = OrderId, Path)), request_body = LoanApproval,
    responses((status = 200, body = OrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn approve_loan(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<OrderId>,
    ApiJson(input): ApiJson<LoanApproval>,
) -> ApiResult<Json<OrderView>> {
    Ok(Json(
        state
            .app
            .orders()
            .approve_loan(&auth.actor, id, input.schedule_item_id)
            .await?,
    ))
}

/// Records a payment received (finance).
#[utoipa::path(post, path = "/api/v1/orders/{id}/payments", tag = "orders", params(("id" = OrderId, Path)), request_body = NewPayment,
    responses((status = 201, body = OrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn record_payment(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<OrderId>,
    ApiJson(input): ApiJson<NewPayment>,
) -> ApiResult<(StatusCode, Json<OrderView>)> {
    Ok((
        StatusCode::CREATED,
        Json(
            state
                .app
                .orders()
                .record_payment(&auth.actor, id, input)
                .await?,
        ),
    ))
}

/// Asks for a refund; it counts once approved (`refund:approve`).
#[utoipa::path(post, path = "/api/v1/orders/{id}/refunds", tag = "orders", params(("id" = OrderId, Path)), request_body = NewRefund,
    responses((status = 201, body = OrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn request_refund(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<OrderId>,
    ApiJson(input): ApiJson<NewRefund>,
) -> ApiResult<(StatusCode, Json<OrderView>)> {
    Ok((
        StatusCode::CREATED,
        Json(
            state
                .app
                .orders()
                .request_refund(&auth.actor, id, input)
                .await?,
        ),
    ))
}

/// Ticks the PDI and handover items done.
#[utoipa::path(put, path = "/api/v1/orders/{id}/checklists", tag = "orders", params(("id" = OrderId, Path)), request_body = ChecklistTicks,
    responses((status = 200, body = OrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn tick_checklists(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<OrderId>,
    ApiJson(input): ApiJson<ChecklistTicks>,
) -> ApiResult<Json<OrderView>> {
    Ok(Json(
        state
            .app
            .orders()
            .tick_checklists(&auth.actor, id, input)
            .await?,
    ))
}

/// The dealer's order settings: contract prefix, PDI and handover checklists.
#[utoipa::path(get, path = "/api/v1/order-settings", operation_id = "get_order_settings", tag = "orders",
    responses((status = 200, body = OrderSettingsView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_settings(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<OrderSettingsView>> {
    Ok(Json(state.app.orders().order_settings(&auth.actor).await?))
}

/// Changes the contract prefix or the checklists (`sales:configure`).
#[utoipa::path(patch, path = "/api/v1/order-settings", operation_id = "update_order_settings", tag = "orders", request_body = OrderSettingsPatch,
    responses((status = 200, body = OrderSettingsView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_settings(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(patch): ApiJson<OrderSettingsPatch>,
) -> ApiResult<Json<OrderSettingsView>> {
    Ok(Json(
        state
            .app
            .orders()
            .update_order_settings(&auth.actor, patch)
            .await?,
    ))
}
