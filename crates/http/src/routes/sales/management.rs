//! `/api/v1/sales/*`: the dealer's sales settings, assignment rules and the morning report.

use crate::extract::{ApiJson, ApiQuery, Authed};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use forecourt_domain::locale::Locale;
use forecourt_sales::SalesExt as _;
use forecourt_sales::report::{ReportQuery, SalesReport};
use forecourt_sales::settings::{
    AssignmentRule, AssignmentRules, SalesSettingsPatch, SalesSettingsView,
};
use serde::Deserialize;
use utoipa::IntoParams;

/// Cadence per grade, stagnation, lost approval and how new leads are assigned.
#[utoipa::path(get, path = "/api/v1/sales/settings", tag = "sales",
    responses((status = 200, body = SalesSettingsView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_settings(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<SalesSettingsView>> {
    Ok(Json(state.app.sales().sales_settings(&auth.actor).await?))
}

#[utoipa::path(patch, path = "/api/v1/sales/settings", tag = "sales", request_body = SalesSettingsPatch,
    responses((status = 200, body = SalesSettingsView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_settings(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(patch): ApiJson<SalesSettingsPatch>,
) -> ApiResult<Json<SalesSettingsView>> {
    Ok(Json(
        state
            .app
            .sales()
            .update_sales_settings(&auth.actor, patch)
            .await?,
    ))
}

/// The model-line rules: which team or consultant takes leads for which series.
#[utoipa::path(get, path = "/api/v1/sales/assignment-rules", tag = "sales",
    responses((status = 200, body = Vec<AssignmentRule>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_assignment_rules(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<AssignmentRule>>> {
    Ok(Json(state.app.sales().assignment_rules(&auth.actor).await?))
}

#[utoipa::path(put, path = "/api/v1/sales/assignment-rules", tag = "sales", request_body = AssignmentRules,
    responses((status = 200, body = Vec<AssignmentRule>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn replace_assignment_rules(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<AssignmentRules>,
) -> ApiResult<Json<Vec<AssignmentRule>>> {
    Ok(Json(
        state
            .app
            .sales()
            .replace_assignment_rules(&auth.actor, input)
            .await?,
    ))
}

/// The manager's morning report for today, this week or this month in the dealer's time zone:
/// per consultant and team, the source mix, lost reasons and the conversion at each step.
#[utoipa::path(get, path = "/api/v1/sales/report", tag = "sales", params(ReportQuery),
    responses((status = 200, body = SalesReport), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn report(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<ReportQuery>,
) -> ApiResult<Json<SalesReport>> {
    Ok(Json(
        state.app.sales().sales_report(&auth.actor, query).await?,
    ))
}

/// The language of an exported report.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportExportOptions {
    /// `zh-CN`, `zh-TW` or `en`: the language of the headers (default: the reader's).
    pub lang: Option<String>,
}

/// The morning report as an Excel workbook (per consultant and per team, with totals), for
/// the same period and team as the page; headers in the reader's language.
#[utoipa::path(get, path = "/api/v1/sales/report/export", tag = "sales", params(ReportExportOptions, ReportQuery),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn export_report(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(options): ApiQuery<ReportExportOptions>,
    ApiQuery(query): ApiQuery<ReportQuery>,
) -> ApiResult<Response> {
    let locale = options
        .lang
        .as_deref()
        .and_then(|l| l.parse::<Locale>().ok());
    let file = state
        .app
        .sales()
        .export_sales_report(&auth.actor, query, locale)
        .await?;
    Ok(crate::download::attachment(file))
}
