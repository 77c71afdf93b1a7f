//! `/api/v1/complaints`: the list, the SLA board, one complaint with its steps, entry and
//! every step of the flow.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_care::CareExt as _;
use forecourt_care::complaints::enter::NewComplaint;
use forecourt_care::complaints::flow::{
    ComplaintAssignment, ComplaintNote, ComplaintResolution, ComplaintVerification,
};
use forecourt_care::complaints::read::{ComplaintPage, ComplaintQuery, SlaBoard};
use forecourt_care::complaints::views::ComplaintDetail;
use forecourt_domain::ids::ComplaintId;

/// The complaints within the caller's reach (own: handled or entered by them), newest first.
#[utoipa::path(get, path = "/api/v1/complaints", tag = "care", params(ComplaintQuery),
    responses((status = 200, body = ComplaintPage), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_complaints(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<ComplaintQuery>,
) -> ApiResult<Json<ComplaintPage>> {
    Ok(Json(
        state.app.care().list_complaints(&auth.actor, query).await?,
    ))
}

/// Records a complaint (`complaint:enter`; a handler at once needs `complaint:assign`).
#[utoipa::path(post, path = "/api/v1/complaints", tag = "care", request_body = NewComplaint,
    responses((status = 201, body = ComplaintDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn enter_complaint(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewComplaint>,
) -> ApiResult<(StatusCode, Json<ComplaintDetail>)> {
    Ok((
        StatusCode::CREATED,
        Json(state.app.care().enter_complaint(&auth.actor, input).await?),
    ))
}

/// The SLA board: open complaints reached, breached first, then about to breach.
#[utoipa::path(get, path = "/api/v1/complaints/board", tag = "care",
    responses((status = 200, body = SlaBoard), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn complaint_board(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<SlaBoard>> {
    Ok(Json(state.app.care().complaint_board(&auth.actor).await?))
}

/// One complaint with its steps and escalations.
#[utoipa::path(get, path = "/api/v1/complaints/{id}", tag = "care", params(("id" = ComplaintId, Path)),
    responses((status = 200, body = ComplaintDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_complaint(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ComplaintId>,
) -> ApiResult<Json<ComplaintDetail>> {
    Ok(Json(state.app.care().get_complaint(&auth.actor, id).await?))
}

/// Gives the complaint to a handler (`complaint:assign`).
#[utoipa::path(post, path = "/api/v1/complaints/{id}/assign", tag = "care", params(("id" = ComplaintId, Path)), request_body = ComplaintAssignment,
    responses((status = 200, body = ComplaintDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn assign_complaint(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ComplaintId>,
    ApiJson(input): ApiJson<ComplaintAssignment>,
) -> ApiResult<Json<ComplaintDetail>> {
    Ok(Json(
        state
            .app
            .care()
            .assign_complaint(&auth.actor, id, input)
            .await?,
    ))
}

/// The handler's first answer to the customer: stops the first-response clock (`complaint:handle`).
#[utoipa::path(post, path = "/api/v1/complaints/{id}/respond", tag = "care", params(("id" = ComplaintId, Path)), request_body = ComplaintNote,
    responses((status = 200, body = ComplaintDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn respond_to_complaint(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ComplaintId>,
    ApiJson(input): ApiJson<ComplaintNote>,
) -> ApiResult<Json<ComplaintDetail>> {
    Ok(Json(
        state
            .app
            .care()
            .respond_to_complaint(&auth.actor, id, input)
            .await?,
    ))
}

/// Logs an action taken (`complaint:handle`).
#[utoipa::path(post, path = "/api/v1/complaints/{id}/actions", tag = "care", params(("id" = ComplaintId, Path)), request_body = ComplaintNote,
    responses((status = 200, body = ComplaintDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn log_complaint_action(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ComplaintId>,
    ApiJson(input): ApiJson<ComplaintNote>,
) -> ApiResult<Json<ComplaintDetail>> {
    Ok(Json(
        state
            .app
            .care()
            .log_complaint_action(&auth.actor, id, input)
            .await?,
    ))
}

/// Waits for the customer: the clocks stand still (`complaint:handle`).
#[utoipa::path(post, path = "/api/v1/complaints/{id}/wait", tag = "care", params(("id" = ComplaintId, Path)), request_body = ComplaintNote,
    responses((status = 200, body = ComplaintDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn wait_for_customer(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ComplaintId>,
    ApiJson(input): ApiJson<ComplaintNote>,
) -> ApiResult<Json<ComplaintDetail>> {
    Ok(Json(
        state
            .app
            .care()
            .wait_for_customer(&auth.actor, id, input)
            .await?,
    ))
}

/// The customer is back: the clocks run again (`complaint:handle`).
#[utoipa::path(post, path = "/api/v1/complaints/{id}/resume", tag = "care", params(("id" = ComplaintId, Path)), request_body = ComplaintNote,
    responses((status = 200, body = ComplaintDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn resume_complaint(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ComplaintId>,
    ApiJson(input): ApiJson<ComplaintNote>,
) -> ApiResult<Json<ComplaintDetail>> {
    Ok(Json(
        state
            .app
            .care()
            .resume_complaint(&auth.actor, id, input)
            .await?,
    ))
}

/// Handled, with what was agreed with the customer (`complaint:handle`).
#[utoipa::path(post, path = "/api/v1/complaints/{id}/resolve", tag = "care", params(("id" = ComplaintId, Path)), request_body = ComplaintResolution,
    responses((status = 200, body = ComplaintDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn resolve_complaint(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ComplaintId>,
    ApiJson(input): ApiJson<ComplaintResolution>,
) -> ApiResult<Json<ComplaintDetail>> {
    Ok(Json(
        state
            .app
            .care()
            .resolve_complaint(&auth.actor, id, input)
            .await?,
    ))
}

/// The call-back by someone other than the handler: closes it, or sends it back (`complaint:verify`).
#[utoipa::path(post, path = "/api/v1/complaints/{id}/verify", tag = "care", params(("id" = ComplaintId, Path)), request_body = ComplaintVerification,
    responses((status = 200, body = ComplaintDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn verify_complaint(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ComplaintId>,
    ApiJson(input): ApiJson<ComplaintVerification>,
) -> ApiResult<Json<ComplaintDetail>> {
    Ok(Json(
        state
            .app
            .care()
            .verify_complaint(&auth.actor, id, input)
            .await?,
    ))
}

/// Reopens a closed complaint; the breaches on record stay (`complaint:verify`).
#[utoipa::path(post, path = "/api/v1/complaints/{id}/reopen", tag = "care", params(("id" = ComplaintId, Path)), request_body = ComplaintNote,
    responses((status = 200, body = ComplaintDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn reopen_complaint(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ComplaintId>,
    ApiJson(input): ApiJson<ComplaintNote>,
) -> ApiResult<Json<ComplaintDetail>> {
    Ok(Json(
        state
            .app
            .care()
            .reopen_complaint(&auth.actor, id, input)
            .await?,
    ))
}
