//! `/api/v1/appraisals`: trade-in appraisals of customers' cars.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_deal::DealExt as _;
use forecourt_deal::appraisals::{AppraisalQuery, AppraisalView, NewAppraisal};
use forecourt_domain::ids::AppraisalId;
use forecourt_kernel::paging::Paged;

/// Appraisals, newest first: a customer's (`customer_id`), or those within reach.
#[utoipa::path(get, path = "/api/v1/appraisals", tag = "appraisals", params(AppraisalQuery),
    responses((status = 200, body = Paged<AppraisalView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_appraisals(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<AppraisalQuery>,
) -> ApiResult<Json<Paged<AppraisalView>>> {
    Ok(Json(
        state.app.deal().list_appraisals(&auth.actor, query).await?,
    ))
}

/// Appraises a customer's own car for trade-in.
#[utoipa::path(post, path = "/api/v1/appraisals", tag = "appraisals", request_body = NewAppraisal,
    responses((status = 201, body = AppraisalView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_appraisal(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewAppraisal>,
) -> ApiResult<(StatusCode, Json<AppraisalView>)> {
    Ok((
        StatusCode::CREATED,
        Json(
            state
                .app
                .deal()
                .create_appraisal(&auth.actor, input)
                .await?,
        ),
    ))
}

#[utoipa::path(get, path = "/api/v1/appraisals/{id}", tag = "appraisals", params(("id" = AppraisalId, Path)),
    responses((status = 200, body = AppraisalView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_appraisal(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<AppraisalId>,
) -> ApiResult<Json<AppraisalView>> {
    Ok(Json(state.app.deal().get_appraisal(&auth.actor, id).await?))
}
