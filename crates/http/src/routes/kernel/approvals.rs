//! `/api/v1/approvals`: requests, decisions, withdrawals.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_domain::ids::ApprovalRequestId;
use forecourt_kernel::approvals::{ApprovalQuery, ApprovalView, Decision, NewApproval};
use forecourt_kernel::paging::Paged;

/// Requests: `box=mine` (one's own), `waiting` (for one's decision) or `all` within scope.
#[utoipa::path(get, path = "/api/v1/approvals", tag = "approvals", params(ApprovalQuery),
    responses((status = 200, body = Paged<ApprovalView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_approvals(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<ApprovalQuery>,
) -> ApiResult<Json<Paged<ApprovalView>>> {
    Ok(Json(state.app.list_approvals(&auth.actor, query).await?))
}

/// Asks for an approval (a discount, a refund, a customer's reassignment); approvers are
/// notified.
#[utoipa::path(post, path = "/api/v1/approvals", tag = "approvals", request_body = NewApproval,
    responses((status = 201, body = ApprovalView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_approval(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewApproval>,
) -> ApiResult<(StatusCode, Json<ApprovalView>)> {
    Ok((
        StatusCode::CREATED,
        Json(state.app.create_approval(&auth.actor, input).await?),
    ))
}

#[utoipa::path(get, path = "/api/v1/approvals/{id}", tag = "approvals", params(("id" = ApprovalRequestId, Path)),
    responses((status = 200, body = ApprovalView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_approval(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ApprovalRequestId>,
) -> ApiResult<Json<ApprovalView>> {
    Ok(Json(state.app.get_approval(&auth.actor, id).await?))
}

/// Approves (its effect runs in the same transaction); the requester is notified. A decided
/// request is 409 `invalid_state`.
#[utoipa::path(post, path = "/api/v1/approvals/{id}/approve", tag = "approvals", params(("id" = ApprovalRequestId, Path)), request_body = Decision,
    responses((status = 200, body = ApprovalView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn approve_approval(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ApprovalRequestId>,
    ApiJson(decision): ApiJson<Decision>,
) -> ApiResult<Json<ApprovalView>> {
    Ok(Json(
        state
            .app
            .approve_approval(&auth.actor, id, decision)
            .await?,
    ))
}

/// Rejects, with a comment (required); the requester is notified.
#[utoipa::path(post, path = "/api/v1/approvals/{id}/reject", tag = "approvals", params(("id" = ApprovalRequestId, Path)), request_body = Decision,
    responses((status = 200, body = ApprovalView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn reject_approval(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ApprovalRequestId>,
    ApiJson(decision): ApiJson<Decision>,
) -> ApiResult<Json<ApprovalView>> {
    Ok(Json(
        state.app.reject_approval(&auth.actor, id, decision).await?,
    ))
}

/// The requester takes a pending request back.
#[utoipa::path(post, path = "/api/v1/approvals/{id}/withdraw", tag = "approvals", params(("id" = ApprovalRequestId, Path)), request_body = Decision,
    responses((status = 200, body = ApprovalView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn withdraw_approval(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ApprovalRequestId>,
    ApiJson(decision): ApiJson<Decision>,
) -> ApiResult<Json<ApprovalView>> {
    Ok(Json(
        state
            .app
            .withdraw_approval(&auth.actor, id, decision)
            .await?,
    ))
}
