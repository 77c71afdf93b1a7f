//! `/api/v1/finance/…`: the incremental feed, the receivables ageing and the period export.

use crate::extract::{ApiQuery, Authed};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use forecourt_domain::locale::Locale;
use forecourt_orders::OrdersExt as _;
use forecourt_orders::finance::{AgeingQuery, FeedQuery, FinanceFeed, ReceivablesAgeing};
use forecourt_orders::finance_export::FinanceExportQuery;
use serde::Deserialize;
use utoipa::IntoParams;

/// The finance feed: orders signed, cancelled and delivered, payments, approved refunds and
/// invoices as change events, each exactly once in sequence order; resume from a saved
/// `next_cursor`.
#[utoipa::path(get, path = "/api/v1/finance/feed", tag = "finance", params(FeedQuery),
    responses((status = 200, body = FinanceFeed), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn feed(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<FeedQuery>,
) -> ApiResult<Json<FinanceFeed>> {
    Ok(Json(
        state.app.orders().finance_feed(&auth.actor, query).await?,
    ))
}

/// What every live order owes, by days past due (0–30, 31–60, 61–90, over 90) in the
/// dealer's time zone.
#[utoipa::path(get, path = "/api/v1/finance/receivables-ageing", tag = "finance", params(AgeingQuery),
    responses((status = 200, body = ReceivablesAgeing), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn ageing(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<AgeingQuery>,
) -> ApiResult<Json<ReceivablesAgeing>> {
    Ok(Json(
        state
            .app
            .orders()
            .receivables_ageing(&auth.actor, query)
            .await?,
    ))
}

/// The language of the export's headers.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportLanguage {
    /// `zh-CN`, `zh-TW` or `en` (default: the reader's).
    pub lang: Option<String>,
}

/// Orders, payments, refunds and invoices of a period as `.xlsx` (a sheet each) or CSV (one
/// ledger), headed in the reader's language.
#[utoipa::path(get, path = "/api/v1/finance/export", tag = "finance", params(ExportLanguage, FinanceExportQuery),
    responses(
        (status = 200, description = "The workbook, or CSV with `format=csv`", content(
            ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ("text/csv"),
        )),
        (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn export(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(language): ApiQuery<ExportLanguage>,
    ApiQuery(query): ApiQuery<FinanceExportQuery>,
) -> ApiResult<Response> {
    let locale = language
        .lang
        .as_deref()
        .and_then(|l| l.parse::<Locale>().ok());
    let file = state
        .app
        .orders()
        .export_finance(&auth.actor, query, locale)
        .await?;
    Ok(crate::download::attachment(file))
}
