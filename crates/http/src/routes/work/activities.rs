//! `/api/v1/activities`, `/api/v1/calendar`, `/api/v1/my-work`, the private calendar feed and
//! the dealer's work settings.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiError, ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use forecourt_domain::ErrorCode;
use forecourt_domain::ids::ActivityId;
use forecourt_kernel::paging::Paged;
use forecourt_work::WorkExt as _;
use forecourt_work::{
    ActivityPatch, ActivityQuery, ActivityView, CalendarFeed, CalendarFeedStatus, CalendarQuery,
    CalendarView, CancelActivity, CompleteActivity, MyWork, NewActivity, WorkSettingsPatch,
    WorkSettingsView,
};

/// Activities within the caller's scope (owned, or taken part in), filtered.
#[utoipa::path(get, path = "/api/v1/activities", tag = "activities", params(ActivityQuery),
    responses((status = 200, body = Paged<ActivityView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_activities(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<ActivityQuery>,
) -> ApiResult<Json<Paged<ActivityView>>> {
    Ok(Json(
        state.app.work().list_activities(&auth.actor, query).await?,
    ))
}

/// Plans an activity. A time overlapping another activity of the same person is 409
/// `schedule_conflict` with `conflicts`; send `allow_overlap: true` to save it anyway.
#[utoipa::path(post, path = "/api/v1/activities", tag = "activities", request_body = NewActivity,
    responses((status = 201, body = ActivityView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_activity(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewActivity>,
) -> ApiResult<(StatusCode, Json<ActivityView>)> {
    Ok((
        StatusCode::CREATED,
        Json(state.app.work().create_activity(&auth.actor, input).await?),
    ))
}

#[utoipa::path(get, path = "/api/v1/activities/{id}", tag = "activities", params(("id" = ActivityId, Path)),
    responses((status = 200, body = ActivityView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_activity(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ActivityId>,
) -> ApiResult<Json<ActivityView>> {
    Ok(Json(state.app.work().get_activity(&auth.actor, id).await?))
}

/// Edits or reschedules (drag in the calendar); overlaps as on creation.
#[utoipa::path(patch, path = "/api/v1/activities/{id}", tag = "activities", params(("id" = ActivityId, Path)), request_body = ActivityPatch,
    responses((status = 200, body = ActivityView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_activity(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ActivityId>,
    ApiJson(patch): ApiJson<ActivityPatch>,
) -> ApiResult<Json<ActivityView>> {
    Ok(Json(
        state
            .app
            .work()
            .update_activity(&auth.actor, id, patch)
            .await?,
    ))
}

/// Marks it done. A pushed follow-up task is 409 `invalid_state`: log the follow-up instead.
#[utoipa::path(post, path = "/api/v1/activities/{id}/complete", tag = "activities", params(("id" = ActivityId, Path)), request_body = CompleteActivity,
    responses((status = 200, body = ActivityView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn complete_activity(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ActivityId>,
    ApiJson(input): ApiJson<CompleteActivity>,
) -> ApiResult<Json<ActivityView>> {
    Ok(Json(
        state
            .app
            .work()
            .complete_activity(&auth.actor, id, input)
            .await?,
    ))
}

/// Cancels it; a pushed task asks the manager (`pending_approval_id`) and stays due meanwhile.
#[utoipa::path(post, path = "/api/v1/activities/{id}/cancel", tag = "activities", params(("id" = ActivityId, Path)), request_body = CancelActivity,
    responses((status = 200, body = ActivityView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn cancel_activity(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<ActivityId>,
    ApiJson(input): ApiJson<CancelActivity>,
) -> ApiResult<Json<ActivityView>> {
    Ok(Json(
        state
            .app
            .work()
            .cancel_activity(&auth.actor, id, input)
            .await?,
    ))
}

/// A person's (default: one's own) or a team's activities between two instants, with the
/// pairs that overlap.
#[utoipa::path(get, path = "/api/v1/calendar", tag = "activities", params(CalendarQuery),
    responses((status = 200, body = CalendarView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn calendar(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<CalendarQuery>,
) -> ApiResult<Json<CalendarView>> {
    Ok(Json(state.app.work().calendar(&auth.actor, query).await?))
}

/// The home page: today's and overdue tasks, upcoming appointments, approvals waiting,
/// notifications.
#[utoipa::path(get, path = "/api/v1/my-work", tag = "activities",
    responses((status = 200, body = MyWork), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn my_work(State(state): State<AppState>, auth: Authed) -> ApiResult<Json<MyWork>> {
    Ok(Json(state.app.work().my_work(&auth.actor).await?))
}

/// Whether one has a private iCalendar feed, since when and when it was last fetched (its URL
/// is not shown again).
#[utoipa::path(get, path = "/api/v1/me/calendar-feed", tag = "activities",
    responses((status = 200, body = CalendarFeedStatus), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn calendar_feed_status(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<CalendarFeedStatus>> {
    Ok(Json(
        state.app.work().calendar_feed_status(&auth.actor).await?,
    ))
}

/// Creates (or rotates) one's private iCalendar feed; the URL's token is shown only now.
#[utoipa::path(post, path = "/api/v1/me/calendar-feed", tag = "activities",
    responses((status = 201, body = CalendarFeed), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_calendar_feed(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<(StatusCode, Json<CalendarFeed>)> {
    Ok((
        StatusCode::CREATED,
        Json(state.app.work().create_calendar_feed(&auth.actor).await?),
    ))
}

/// Revokes one's feed: its URL stops working.
#[utoipa::path(delete, path = "/api/v1/me/calendar-feed", tag = "activities",
    responses((status = 204, description = "Revoked"), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn revoke_calendar_feed(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<StatusCode> {
    state.app.work().revoke_calendar_feed(&auth.actor).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A private calendar feed (RFC 5545), for phone calendars. The token in the path is the only
/// credential.
#[utoipa::path(get, path = "/ical/{file}", tag = "activities", security(()),
    params(("file" = String, Path, description = "`<token>.ics`")),
    responses((status = 200, content_type = "text/calendar", body = String), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn calendar_feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, ApiError> {
    let token = file.strip_suffix(".ics").unwrap_or(&file);
    if token.is_empty() || token.len() > 100 {
        return Err(ApiError::new(ErrorCode::NotFound, "no such calendar feed"));
    }
    let text = state.app.work().calendar_feed_ics(token).await?;
    let mut response = text.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=300"),
    );
    Ok(response)
}

#[utoipa::path(get, path = "/api/v1/work-settings", tag = "activities",
    responses((status = 200, body = WorkSettingsView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_work_settings(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<WorkSettingsView>> {
    Ok(Json(state.app.work().work_settings(&auth.actor).await?))
}

/// The overdue escalation delay and whether alarms are raised.
#[utoipa::path(patch, path = "/api/v1/work-settings", tag = "activities", request_body = WorkSettingsPatch,
    responses((status = 200, body = WorkSettingsView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_work_settings(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(patch): ApiJson<WorkSettingsPatch>,
) -> ApiResult<Json<WorkSettingsView>> {
    Ok(Json(
        state
            .app
            .work()
            .update_work_settings(&auth.actor, patch)
            .await?,
    ))
}
