//! `/api/v1/audit-events`.

use crate::extract::{ApiQuery, Authed};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use forecourt_admin::AdminExt as _;
use forecourt_admin::audit_log::{AuditEventView, AuditQuery};
use forecourt_kernel::paging::Paged;

/// Audit events, newest first, filtered by entity, actor, action and time.
#[utoipa::path(
    get,
    path = "/api/v1/audit-events",
    tag = "audit",
    params(AuditQuery),
    responses(
        (status = 200, body = Paged<AuditEventView>),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_audit_events(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<AuditQuery>,
) -> ApiResult<Json<Paged<AuditEventView>>> {
    Ok(Json(
        state
            .app
            .admin()
            .list_audit_events(&auth.actor, query)
            .await?,
    ))
}
