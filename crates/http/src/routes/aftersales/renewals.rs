//! `/api/v1/renewals`: insurance renewals (续保) — the list, one renewal with its calls and
//! quotes, logging calls and quotes, the result, reassignment and the renewal rate.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_aftersales::AfterSalesExt as _;
use forecourt_aftersales::insurance::rate::{RateQuery, RenewalRate};
use forecourt_aftersales::insurance::read::{RenewalPage, RenewalQuery};
use forecourt_aftersales::insurance::result::{RenewalAssignment, RenewalResult};
use forecourt_aftersales::insurance::views::RenewalDetail;
use forecourt_aftersales::insurance::work::{NewCall, NewInsurerQuote};
use forecourt_domain::ids::RenewalId;

/// The renewals within the caller's reach (an agent: their own), soonest due first.
#[utoipa::path(get, path = "/api/v1/renewals", tag = "insurance", params(RenewalQuery),
    responses((status = 200, body = RenewalPage), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_renewals(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<RenewalQuery>,
) -> ApiResult<Json<RenewalPage>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .list_renewals(&auth.actor, query)
            .await?,
    ))
}

/// The renewal rate per agent and month of the due day, with totals.
#[utoipa::path(get, path = "/api/v1/renewals/rate", tag = "insurance", params(RateQuery),
    responses((status = 200, body = RenewalRate), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn renewal_rate(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<RateQuery>,
) -> ApiResult<Json<RenewalRate>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .renewal_rate(&auth.actor, query)
            .await?,
    ))
}

/// One renewal with its calls and quotes.
#[utoipa::path(get, path = "/api/v1/renewals/{id}", tag = "insurance", params(("id" = RenewalId, Path)),
    responses((status = 200, body = RenewalDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_renewal(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<RenewalId>,
) -> ApiResult<Json<RenewalDetail>> {
    Ok(Json(
        state.app.aftersales().get_renewal(&auth.actor, id).await?,
    ))
}

/// Logs a call; it closes the call task, and a customer to call back gets the next task.
#[utoipa::path(post, path = "/api/v1/renewals/{id}/calls", tag = "insurance", params(("id" = RenewalId, Path)), request_body = NewCall,
    responses((status = 201, body = RenewalDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn log_call(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<RenewalId>,
    ApiJson(input): ApiJson<NewCall>,
) -> ApiResult<(StatusCode, Json<RenewalDetail>)> {
    Ok((
        StatusCode::CREATED,
        Json(
            state
                .app
                .aftersales()
                .log_renewal_call(&auth.actor, id, input)
                .await?,
        ),
    ))
}

/// Adds an insurer's quote.
#[utoipa::path(post, path = "/api/v1/renewals/{id}/quotes", tag = "insurance", params(("id" = RenewalId, Path)), request_body = NewInsurerQuote,
    responses((status = 201, body = RenewalDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn add_quote(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<RenewalId>,
    ApiJson(input): ApiJson<NewInsurerQuote>,
) -> ApiResult<(StatusCode, Json<RenewalDetail>)> {
    Ok((
        StatusCode::CREATED,
        Json(
            state
                .app
                .aftersales()
                .add_renewal_quote(&auth.actor, id, input)
                .await?,
        ),
    ))
}

/// Records how the renewal ended (renewed here with the new policy, elsewhere, or lost).
#[utoipa::path(post, path = "/api/v1/renewals/{id}/result", tag = "insurance", params(("id" = RenewalId, Path)), request_body = RenewalResult,
    responses((status = 200, body = RenewalDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn close_renewal(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<RenewalId>,
    ApiJson(input): ApiJson<RenewalResult>,
) -> ApiResult<Json<RenewalDetail>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .close_renewal(&auth.actor, id, input)
            .await?,
    ))
}

/// Gives the renewal (and its call task) to another agent.
#[utoipa::path(post, path = "/api/v1/renewals/{id}/assign", tag = "insurance", params(("id" = RenewalId, Path)), request_body = RenewalAssignment,
    responses((status = 200, body = RenewalDetail), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn assign_renewal(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<RenewalId>,
    ApiJson(input): ApiJson<RenewalAssignment>,
) -> ApiResult<Json<RenewalDetail>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .assign_renewal(&auth.actor, id, input)
            .await?,
    ))
}
