//! `/api/v1/notifications`: the bell.

use crate::extract::{ApiJson, ApiQuery, Authed};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use forecourt_kernel::notifications::{MarkRead, NotificationQuery, NotificationView, UnreadCount};
use forecourt_kernel::paging::Paged;

/// One's notifications, newest first.
#[utoipa::path(get, path = "/api/v1/notifications", tag = "notifications", params(NotificationQuery),
    responses((status = 200, body = Paged<NotificationView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_notifications(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<NotificationQuery>,
) -> ApiResult<Json<Paged<NotificationView>>> {
    Ok(Json(
        state.app.list_notifications(&auth.actor, query).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/notifications/unread-count", tag = "notifications",
    responses((status = 200, body = UnreadCount), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn unread_count(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<UnreadCount>> {
    Ok(Json(state.app.unread_notifications(&auth.actor).await?))
}

/// Marks these notifications (or, without `ids`, all) read.
#[utoipa::path(post, path = "/api/v1/notifications/read", tag = "notifications", request_body = MarkRead,
    responses((status = 200, body = UnreadCount), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn mark_read(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<MarkRead>,
) -> ApiResult<Json<UnreadCount>> {
    Ok(Json(
        state
            .app
            .mark_notifications_read(&auth.actor, input)
            .await?,
    ))
}
