//! `/api/v1/receptions`: showroom visits (展厅接待), one at a time or typed in from paper.

use crate::extract::{ApiJson, ApiQuery, Authed};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_kernel::paging::Paged;
use forecourt_sales::SalesExt as _;
use forecourt_sales::receptions::{
    BulkReceptionOutcome, BulkReceptions, NewReception, ReceptionOutcome, ReceptionQuery,
    ReceptionView,
};

#[utoipa::path(get, path = "/api/v1/receptions", tag = "receptions", params(ReceptionQuery),
    responses((status = 200, body = Paged<ReceptionView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_receptions(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<ReceptionQuery>,
) -> ApiResult<Json<Paged<ReceptionView>>> {
    Ok(Json(
        state
            .app
            .sales()
            .list_receptions(&auth.actor, query)
            .await?,
    ))
}

/// Registers a visit: finds (by phone) or creates the customer, updates their open lead or
/// opens one for the receiving consultant, and records the visit — in one step.
#[utoipa::path(post, path = "/api/v1/receptions", tag = "receptions", request_body = NewReception,
    responses((status = 201, body = ReceptionOutcome), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn register_reception(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewReception>,
) -> ApiResult<(StatusCode, Json<ReceptionOutcome>)> {
    Ok((
        StatusCode::CREATED,
        Json(
            state
                .app
                .sales()
                .register_reception(&auth.actor, input)
                .await?,
        ),
    ))
}

/// Types in paper reception forms: each saved on its own; the answer says which failed and why.
#[utoipa::path(post, path = "/api/v1/receptions/bulk", tag = "receptions", request_body = BulkReceptions,
    responses((status = 200, body = BulkReceptionOutcome), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn register_receptions(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<BulkReceptions>,
) -> ApiResult<Json<BulkReceptionOutcome>> {
    Ok(Json(
        state
            .app
            .sales()
            .register_receptions(&auth.actor, input)
            .await?,
    ))
}
