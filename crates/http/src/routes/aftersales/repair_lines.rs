//! `/api/v1/repair-orders/{id}/labour|parts/…`: the lines of a repair order, technicians'
//! clock-ons and labour marked done.

use crate::extract::{ApiJson, ApiQuery, Authed};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use forecourt_aftersales::AfterSalesExt as _;
use forecourt_aftersales::repair_orders::{
    ClockInput, LabourLinePatch, LineRemoval, NewLabourLine, NewPartLine, PartLinePatch,
    RepairOrderView,
};
use forecourt_domain::ids::{RepairLineId, RepairOrderId};
use forecourt_kernel::CoreError;

/// The order and line of a path; ids that do not parse name nothing (404).
fn ids((order, line): (String, String)) -> Result<(RepairOrderId, RepairLineId), CoreError> {
    let order = order
        .parse()
        .map_err(|_| CoreError::not_found("repair_order"))?;
    let line = line
        .parse()
        .map_err(|_| CoreError::not_found("repair_order_line"))?;
    Ok((order, line))
}

fn order_id(raw: &str) -> Result<RepairOrderId, CoreError> {
    raw.parse()
        .map_err(|_| CoreError::not_found("repair_order"))
}

/// Adds a labour line (工时), priced at the dealer's labour rate unless given.
#[utoipa::path(post, path = "/api/v1/repair-orders/{id}/labour", tag = "service", params(("id" = RepairOrderId, Path)), request_body = NewLabourLine,
    responses((status = 200, body = RepairOrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn add_labour_line(
    State(state): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<NewLabourLine>,
) -> ApiResult<Json<RepairOrderView>> {
    let id = order_id(&id)?;
    Ok(Json(
        state
            .app
            .aftersales()
            .add_labour_line(&auth.actor, id, input)
            .await?,
    ))
}

/// Changes a labour line's description, hours, rate or payer.
#[utoipa::path(patch, path = "/api/v1/repair-orders/{id}/labour/{line_id}", tag = "service",
    params(("id" = RepairOrderId, Path), ("line_id" = RepairLineId, Path)), request_body = LabourLinePatch,
    responses((status = 200, body = RepairOrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_labour_line(
    State(state): State<AppState>,
    auth: Authed,
    Path(path): Path<(String, String)>,
    ApiJson(patch): ApiJson<LabourLinePatch>,
) -> ApiResult<Json<RepairOrderView>> {
    let (id, line) = ids(path)?;
    Ok(Json(
        state
            .app
            .aftersales()
            .update_labour_line(&auth.actor, id, line, patch)
            .await?,
    ))
}

/// Removes a labour line nobody has started.
#[utoipa::path(delete, path = "/api/v1/repair-orders/{id}/labour/{line_id}", tag = "service",
    params(("id" = RepairOrderId, Path), ("line_id" = RepairLineId, Path), LineRemoval),
    responses((status = 200, body = RepairOrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn remove_labour_line(
    State(state): State<AppState>,
    auth: Authed,
    Path(path): Path<(String, String)>,
    ApiQuery(removal): ApiQuery<LineRemoval>,
) -> ApiResult<Json<RepairOrderView>> {
    let (id, line) = ids(path)?;
    Ok(Json(
        state
            .app
            .aftersales()
            .remove_labour_line(&auth.actor, id, line, removal.version)
            .await?,
    ))
}

/// Clocks a technician on a labour line; one open job per technician (409 otherwise).
#[utoipa::path(post, path = "/api/v1/repair-orders/{id}/labour/{line_id}/clock-on", tag = "service",
    params(("id" = RepairOrderId, Path), ("line_id" = RepairLineId, Path)), request_body = ClockInput,
    responses((status = 200, body = RepairOrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn clock_on(
    State(state): State<AppState>,
    auth: Authed,
    Path(path): Path<(String, String)>,
    ApiJson(input): ApiJson<ClockInput>,
) -> ApiResult<Json<RepairOrderView>> {
    let (id, line) = ids(path)?;
    Ok(Json(
        state
            .app
            .aftersales()
            .clock_on(&auth.actor, id, line, input)
            .await?,
    ))
}

/// Clocks a technician off a labour line.
#[utoipa::path(post, path = "/api/v1/repair-orders/{id}/labour/{line_id}/clock-off", tag = "service",
    params(("id" = RepairOrderId, Path), ("line_id" = RepairLineId, Path)), request_body = ClockInput,
    responses((status = 200, body = RepairOrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn clock_off(
    State(state): State<AppState>,
    auth: Authed,
    Path(path): Path<(String, String)>,
    ApiJson(input): ApiJson<ClockInput>,
) -> ApiResult<Json<RepairOrderView>> {
    let (id, line) = ids(path)?;
    Ok(Json(
        state
            .app
            .aftersales()
            .clock_off(&auth.actor, id, line, input)
            .await?,
    ))
}

/// Marks a labour line done (nobody may still be clocked on it).
#[utoipa::path(post, path = "/api/v1/repair-orders/{id}/labour/{line_id}/done", tag = "service",
    params(("id" = RepairOrderId, Path), ("line_id" = RepairLineId, Path)),
    responses((status = 200, body = RepairOrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn labour_done(
    State(state): State<AppState>,
    auth: Authed,
    Path(path): Path<(String, String)>,
) -> ApiResult<Json<RepairOrderView>> {
    let (id, line) = ids(path)?;
    Ok(Json(
        state
            .app
            .aftersales()
            .mark_labour_done(&auth.actor, id, line)
            .await?,
    ))
}

/// Adds a parts line, named and priced from the price list unless given.
#[utoipa::path(post, path = "/api/v1/repair-orders/{id}/parts", tag = "service", params(("id" = RepairOrderId, Path)), request_body = NewPartLine,
    responses((status = 200, body = RepairOrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn add_part_line(
    State(state): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<NewPartLine>,
) -> ApiResult<Json<RepairOrderView>> {
    let id = order_id(&id)?;
    Ok(Json(
        state
            .app
            .aftersales()
            .add_part_line(&auth.actor, id, input)
            .await?,
    ))
}

/// Changes a parts line's quantity, unit price or payer.
#[utoipa::path(patch, path = "/api/v1/repair-orders/{id}/parts/{line_id}", tag = "service",
    params(("id" = RepairOrderId, Path), ("line_id" = RepairLineId, Path)), request_body = PartLinePatch,
    responses((status = 200, body = RepairOrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_part_line(
    State(state): State<AppState>,
    auth: Authed,
    Path(path): Path<(String, String)>,
    ApiJson(patch): ApiJson<PartLinePatch>,
) -> ApiResult<Json<RepairOrderView>> {
    let (id, line) = ids(path)?;
    Ok(Json(
        state
            .app
            .aftersales()
            .update_part_line(&auth.actor, id, line, patch)
            .await?,
    ))
}

/// Removes a parts line.
#[utoipa::path(delete, path = "/api/v1/repair-orders/{id}/parts/{line_id}", tag = "service",
    params(("id" = RepairOrderId, Path), ("line_id" = RepairLineId, Path), LineRemoval),
    responses((status = 200, body = RepairOrderView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn remove_part_line(
    State(state): State<AppState>,
    auth: Authed,
    Path(path): Path<(String, String)>,
    ApiQuery(removal): ApiQuery<LineRemoval>,
) -> ApiResult<Json<RepairOrderView>> {
    let (id, line) = ids(path)?;
    Ok(Json(
        state
            .app
            .aftersales()
            .remove_part_line(&auth.actor, id, line, removal.version)
            .await?,
    ))
}
