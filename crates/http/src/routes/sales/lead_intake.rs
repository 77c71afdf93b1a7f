//! `POST /api/v1/lead-intake`: leads from web forms, auto portals and the OEM.

use crate::extract::{ApiJson, Authed};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use forecourt_sales::SalesExt as _;
use forecourt_sales::intake::{IntakeLead, IntakeOutcome};

/// Takes in a lead with an API token holding `lead:intake`. Send an `Idempotency-Key` header:
/// a retried request answers as the first did (201 for a new lead, 200 when the customer's
/// open lead took it). The customer is matched by phone; the dealer's rules assign the lead.
#[utoipa::path(post, path = "/api/v1/lead-intake", tag = "leads", request_body = IntakeLead,
    params(("Idempotency-Key" = String, Header, min_length = 1, max_length = 128,
        pattern = "^[!-~]+$", description = "1-128 visible ASCII characters, unique per request")),
    responses((status = 201, body = IntakeOutcome), (status = 200, body = IntakeOutcome),
        (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn intake_lead(
    State(state): State<AppState>,
    auth: Authed,
    headers: HeaderMap,
    ApiJson(input): ApiJson<IntakeLead>,
) -> ApiResult<(StatusCode, Json<IntakeOutcome>)> {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let outcome = state
        .app
        .sales()
        .intake_lead(&auth.actor, key, input)
        .await?;
    let status = if outcome.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(outcome)))
}
