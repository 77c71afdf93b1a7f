//! `/api/v1/service/report`: the service manager's report.

use crate::extract::{ApiQuery, Authed};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use forecourt_aftersales::AfterSalesExt as _;
use forecourt_aftersales::reports::{ServiceReportQuery, ServiceReportView};

/// Appointments, repair orders and revenue by day, advisor and paying party; labour hours sold
/// against available; retention; the renewal rate.
#[utoipa::path(get, path = "/api/v1/service/report", tag = "service", params(ServiceReportQuery),
    responses((status = 200, body = ServiceReportView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn service_report(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<ServiceReportQuery>,
) -> ApiResult<Json<ServiceReportView>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .service_report(&auth.actor, query)
            .await?,
    ))
}
