//! `/api/v1/quotes`: quotes (报价单) for opportunities, their versions, approval, acceptance
//! and the printable quote.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_deal::DealExt as _;
use forecourt_deal::quotes::preview::QuotePreview;
use forecourt_deal::quotes::read::QuoteQuery;
use forecourt_deal::quotes::{NewQuote, QuotePatch, QuotePrint, QuoteStep, QuoteView};
use forecourt_domain::ids::QuoteId;
use forecourt_kernel::paging::Paged;

/// Quotes within reach, newest first: an opportunity's versions (`opportunity_id`), a lead's,
/// or the caller's own (`mine=true`).
#[utoipa::path(get, path = "/api/v1/quotes", tag = "quotes", params(QuoteQuery),
    responses((status = 200, body = Paged<QuoteView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_quotes(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<QuoteQuery>,
) -> ApiResult<Json<Paged<QuoteView>>> {
    Ok(Json(
        state.app.deal().list_quotes(&auth.actor, query).await?,
    ))
}

/// Makes a quote for an opportunity: the next version of its quote, priced at today's prices.
#[utoipa::path(post, path = "/api/v1/quotes", tag = "quotes", request_body = NewQuote,
    responses((status = 201, body = QuoteView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_quote(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewQuote>,
) -> ApiResult<(StatusCode, Json<QuoteView>)> {
    Ok((
        StatusCode::CREATED,
        Json(state.app.deal().create_quote(&auth.actor, input).await?),
    ))
}

/// Prices a configuration for an opportunity as saving it would (same rules, same field
/// errors) without saving anything: the builder's running on-the-road price.
#[utoipa::path(post, path = "/api/v1/quotes/preview", tag = "quotes", request_body = NewQuote,
    responses((status = 200, body = QuotePreview), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn preview_quote(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewQuote>,
) -> ApiResult<Json<QuotePreview>> {
    Ok(Json(
        state.app.deal().preview_quote(&auth.actor, input).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/quotes/{id}", tag = "quotes", params(("id" = QuoteId, Path)),
    responses((status = 200, body = QuoteView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_quote(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<QuoteId>,
) -> ApiResult<Json<QuoteView>> {
    Ok(Json(state.app.deal().get_quote(&auth.actor, id).await?))
}

/// Replaces the quote's configuration (version-checked); any change voids an approval.
#[utoipa::path(patch, path = "/api/v1/quotes/{id}", tag = "quotes", params(("id" = QuoteId, Path)), request_body = QuotePatch,
    responses((status = 200, body = QuoteView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_quote(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<QuoteId>,
    ApiJson(patch): ApiJson<QuotePatch>,
) -> ApiResult<Json<QuoteView>> {
    Ok(Json(
        state
            .app
            .deal()
            .update_quote(&auth.actor, id, patch)
            .await?,
    ))
}

/// Asks a manager to approve the quote's discount or margin.
#[utoipa::path(post, path = "/api/v1/quotes/{id}/request-approval", tag = "quotes", params(("id" = QuoteId, Path)), request_body = QuoteStep,
    responses((status = 200, body = QuoteView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn request_approval(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<QuoteId>,
    ApiJson(step): ApiJson<QuoteStep>,
) -> ApiResult<Json<QuoteView>> {
    Ok(Json(
        state
            .app
            .deal()
            .request_quote_approval(&auth.actor, id, step)
            .await?,
    ))
}

/// Accepts the quote: the other versions are superseded; one accepted per opportunity.
#[utoipa::path(post, path = "/api/v1/quotes/{id}/accept", tag = "quotes", params(("id" = QuoteId, Path)), request_body = QuoteStep,
    responses((status = 200, body = QuoteView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn accept_quote(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<QuoteId>,
    ApiJson(step): ApiJson<QuoteStep>,
) -> ApiResult<Json<QuoteView>> {
    Ok(Json(
        state.app.deal().accept_quote(&auth.actor, id, step).await?,
    ))
}

/// The quote as printed, with the dealer's name.
#[utoipa::path(get, path = "/api/v1/quotes/{id}/print", tag = "quotes", params(("id" = QuoteId, Path)),
    responses((status = 200, body = QuotePrint), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn print_quote(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<QuoteId>,
) -> ApiResult<Json<QuotePrint>> {
    Ok(Json(state.app.deal().print_quote(&auth.actor, id).await?))
}
