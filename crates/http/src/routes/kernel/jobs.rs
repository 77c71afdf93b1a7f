//! `/api/v1/jobs`: the dealer's background jobs, for the admin.

use crate::extract::{ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use forecourt_domain::ids::JobId;
use forecourt_kernel::jobs::{JobQuery, JobView};
use forecourt_kernel::paging::Paged;

/// Jobs by status (`queued`, `running`, `failed`, `dead`, ...), newest first.
#[utoipa::path(get, path = "/api/v1/jobs", tag = "jobs", params(JobQuery),
    responses((status = 200, body = Paged<JobView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_jobs(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<JobQuery>,
) -> ApiResult<Json<Paged<JobView>>> {
    Ok(Json(state.app.list_jobs(&auth.actor, query).await?))
}

#[utoipa::path(get, path = "/api/v1/jobs/{id}", tag = "jobs", params(("id" = JobId, Path)),
    responses((status = 200, body = JobView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_job(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<JobId>,
) -> ApiResult<Json<JobView>> {
    Ok(Json(state.app.get_job(&auth.actor, id).await?))
}

/// Queues a failed or dead job again (409 `invalid_state` for any other).
#[utoipa::path(post, path = "/api/v1/jobs/{id}/retry", tag = "jobs", params(("id" = JobId, Path)),
    responses((status = 200, body = JobView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn retry_job(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<JobId>,
) -> ApiResult<Json<JobView>> {
    Ok(Json(state.app.retry_job(&auth.actor, id).await?))
}

/// Cancels a job that has not started (409 `invalid_state` for any other).
#[utoipa::path(post, path = "/api/v1/jobs/{id}/cancel", tag = "jobs", params(("id" = JobId, Path)),
    responses((status = 200, body = JobView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn cancel_job(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<JobId>,
) -> ApiResult<Json<JobView>> {
    Ok(Json(state.app.cancel_job(&auth.actor, id).await?))
}
