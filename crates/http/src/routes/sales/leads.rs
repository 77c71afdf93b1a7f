//! `/api/v1/leads`: leads, their follow-ups, assignment, loss and reopening.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_domain::ids::LeadId;
use forecourt_sales::SalesExt as _;
use forecourt_sales::lead_detail::LeadDetail;
use forecourt_sales::leads::{
    BulkAssign, BulkAssignOutcome, LeadAssignment, LeadBoard, LeadPage, LeadPatch, LeadQuery,
    LeadView, LostInput, NewFollowUp, NewLead, ReopenInput,
};
use forecourt_sales::opportunities::{NewOpportunity, OpportunityView};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

#[utoipa::path(get, path = "/api/v1/leads", tag = "leads", params(LeadQuery),
    responses((status = 200, body = LeadPage), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_leads(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<LeadQuery>,
) -> ApiResult<Json<LeadPage>> {
    Ok(Json(
        state.app.sales().list_leads(&auth.actor, query).await?,
    ))
}

/// Registers a lead. The customer is given by id, or by name and phone (matched to an
/// existing customer by phone, else created). A customer with an open lead is 409.
#[utoipa::path(post, path = "/api/v1/leads", tag = "leads", request_body = NewLead,
    responses((status = 201, body = LeadView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_lead(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewLead>,
) -> ApiResult<(StatusCode, Json<LeadView>)> {
    Ok((
        StatusCode::CREATED,
        Json(state.app.sales().create_lead(&auth.actor, input).await?),
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BoardQuery {
    /// Cards per grade (default 20, at most 50).
    pub per_column: Option<u64>,
    /// The list's filters, as flat query parameters (documented by `LeadQuery` on the path).
    #[serde(flatten)]
    #[param(ignore)]
    pub filter: LeadQuery,
}

/// The open leads by grade (N, H, A, B, C), with the list's filters.
#[utoipa::path(get, path = "/api/v1/leads/board", tag = "leads", params(BoardQuery, LeadQuery),
    responses((status = 200, body = LeadBoard), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn lead_board(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<BoardQuery>,
) -> ApiResult<Json<LeadBoard>> {
    let per_column = query.per_column.unwrap_or(20);
    Ok(Json(
        state
            .app
            .sales()
            .lead_board(&auth.actor, query.filter, per_column)
            .await?,
    ))
}

/// Gives many leads to one consultant (or to nobody, or to the marketing pool).
#[utoipa::path(post, path = "/api/v1/leads/bulk-assign", tag = "leads", request_body = BulkAssign,
    responses((status = 200, body = BulkAssignOutcome), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn bulk_assign_leads(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<BulkAssign>,
) -> ApiResult<Json<BulkAssignOutcome>> {
    Ok(Json(
        state
            .app
            .sales()
            .bulk_assign_leads(&auth.actor, input)
            .await?,
    ))
}

/// A lead with its grade history, follow-ups, visits, test drives and opportunity.
#[utoipa::path(get, path = "/api/v1/leads/{id}", tag = "leads", params(("id" = LeadId, Path)),
    responses((status = 200, body = LeadDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_lead(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<LeadId>,
) -> ApiResult<Json<LeadDetail>> {
    Ok(Json(state.app.sales().get_lead(&auth.actor, id).await?))
}

#[utoipa::path(patch, path = "/api/v1/leads/{id}", tag = "leads", params(("id" = LeadId, Path)), request_body = LeadPatch,
    responses((status = 200, body = LeadView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_lead(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<LeadId>,
    ApiJson(patch): ApiJson<LeadPatch>,
) -> ApiResult<Json<LeadView>> {
    Ok(Json(
        state
            .app
            .sales()
            .update_lead(&auth.actor, id, patch)
            .await?,
    ))
}

/// Logs a follow-up: it regrades the lead, closes the pushed follow-up task and schedules
/// the next one.
#[utoipa::path(post, path = "/api/v1/leads/{id}/follow-ups", tag = "leads", params(("id" = LeadId, Path)), request_body = NewFollowUp,
    responses((status = 200, body = LeadView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn log_follow_up(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<LeadId>,
    ApiJson(input): ApiJson<NewFollowUp>,
) -> ApiResult<Json<LeadView>> {
    Ok(Json(
        state
            .app
            .sales()
            .log_follow_up(&auth.actor, id, input)
            .await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/leads/{id}/assign", tag = "leads", params(("id" = LeadId, Path)), request_body = LeadAssignment,
    responses((status = 200, body = LeadView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn assign_lead(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<LeadId>,
    ApiJson(input): ApiJson<LeadAssignment>,
) -> ApiResult<Json<LeadView>> {
    Ok(Json(
        state
            .app
            .sales()
            .assign_lead(&auth.actor, id, input)
            .await?,
    ))
}

/// Marks a lead lost (战败) with the reason and the competitor bought; where the dealer asks
/// for it, the lead waits for the manager's approval as `lost_pending`.
#[utoipa::path(post, path = "/api/v1/leads/{id}/lost", tag = "leads", params(("id" = LeadId, Path)), request_body = LostInput,
    responses((status = 200, body = LeadView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn mark_lead_lost(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<LeadId>,
    ApiJson(input): ApiJson<LostInput>,
) -> ApiResult<Json<LeadView>> {
    Ok(Json(
        state
            .app
            .sales()
            .mark_lead_lost(&auth.actor, id, input)
            .await?,
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct LostDecision {
    /// The lead's version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// Approve the loss (else the lead is worked again).
    pub approve: bool,
}

/// The manager approves or refuses a lead's loss.
#[utoipa::path(post, path = "/api/v1/leads/{id}/lost-decision", tag = "leads", params(("id" = LeadId, Path)), request_body = LostDecision,
    responses((status = 200, body = LeadView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn decide_lead_lost(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<LeadId>,
    ApiJson(input): ApiJson<LostDecision>,
) -> ApiResult<Json<LeadView>> {
    Ok(Json(
        state
            .app
            .sales()
            .decide_lead_lost(&auth.actor, id, input.version, input.approve)
            .await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/leads/{id}/reopen", tag = "leads", params(("id" = LeadId, Path)), request_body = ReopenInput,
    responses((status = 200, body = LeadView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn reopen_lead(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<LeadId>,
    ApiJson(input): ApiJson<ReopenInput>,
) -> ApiResult<Json<LeadView>> {
    Ok(Json(
        state
            .app
            .sales()
            .reopen_lead(&auth.actor, id, input)
            .await?,
    ))
}

/// Opens the lead's opportunity on the pipeline.
#[utoipa::path(post, path = "/api/v1/leads/{id}/opportunity", tag = "leads", params(("id" = LeadId, Path)), request_body = NewOpportunity,
    responses((status = 201, body = OpportunityView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn open_opportunity(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<LeadId>,
    ApiJson(input): ApiJson<NewOpportunity>,
) -> ApiResult<(StatusCode, Json<OpportunityView>)> {
    Ok((
        StatusCode::CREATED,
        Json(
            state
                .app
                .sales()
                .open_opportunity(&auth.actor, id, input)
                .await?,
        ),
    ))
}
