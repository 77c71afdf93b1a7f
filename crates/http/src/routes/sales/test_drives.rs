//! `/api/v1/test-drive-cars` and `/api/v1/test-drives`: the test-drive fleet and its bookings.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_domain::ids::{TestDriveBookingId, TestDriveCarId};
use forecourt_sales::SalesExt as _;
use forecourt_sales::test_drives::{
    BookingCancel, BookingPatch, BookingQuery, BookingView, DriveFeedback, NewBooking,
    NewTestDriveCar, TestDriveCarPatch, TestDriveCarView,
};

#[utoipa::path(get, path = "/api/v1/test-drive-cars", tag = "test-drives",
    responses((status = 200, body = Vec<TestDriveCarView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_cars(
    State(state): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<TestDriveCarView>>> {
    Ok(Json(state.app.sales().test_drive_cars(&auth.actor).await?))
}

#[utoipa::path(post, path = "/api/v1/test-drive-cars", tag = "test-drives", request_body = NewTestDriveCar,
    responses((status = 201, body = TestDriveCarView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn create_car(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewTestDriveCar>,
) -> ApiResult<(StatusCode, Json<TestDriveCarView>)> {
    Ok((
        StatusCode::CREATED,
        Json(
            state
                .app
                .sales()
                .create_test_drive_car(&auth.actor, input)
                .await?,
        ),
    ))
}

#[utoipa::path(patch, path = "/api/v1/test-drive-cars/{id}", tag = "test-drives", params(("id" = TestDriveCarId, Path)), request_body = TestDriveCarPatch,
    responses((status = 200, body = TestDriveCarView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn update_car(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<TestDriveCarId>,
    ApiJson(patch): ApiJson<TestDriveCarPatch>,
) -> ApiResult<Json<TestDriveCarView>> {
    Ok(Json(
        state
            .app
            .sales()
            .update_test_drive_car(&auth.actor, id, patch)
            .await?,
    ))
}

/// The bookings between two times: the test-drive calendar.
#[utoipa::path(get, path = "/api/v1/test-drives", tag = "test-drives", params(BookingQuery),
    responses((status = 200, body = Vec<BookingView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn test_drive_calendar(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<BookingQuery>,
) -> ApiResult<Json<Vec<BookingView>>> {
    Ok(Json(
        state
            .app
            .sales()
            .test_drive_calendar(&auth.actor, query)
            .await?,
    ))
}

/// Books a car for a customer. A car already booked at an overlapping time is 409
/// `schedule_conflict` listing the clashing bookings; the database refuses it too.
#[utoipa::path(post, path = "/api/v1/test-drives", tag = "test-drives", request_body = NewBooking,
    responses((status = 201, body = BookingView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn book(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewBooking>,
) -> ApiResult<(StatusCode, Json<BookingView>)> {
    Ok((
        StatusCode::CREATED,
        Json(
            state
                .app
                .sales()
                .book_test_drive(&auth.actor, input)
                .await?,
        ),
    ))
}

#[utoipa::path(patch, path = "/api/v1/test-drives/{id}", tag = "test-drives", params(("id" = TestDriveBookingId, Path)), request_body = BookingPatch,
    responses((status = 200, body = BookingView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn reschedule(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<TestDriveBookingId>,
    ApiJson(patch): ApiJson<BookingPatch>,
) -> ApiResult<Json<BookingView>> {
    Ok(Json(
        state
            .app
            .sales()
            .reschedule_test_drive(&auth.actor, id, patch)
            .await?,
    ))
}

/// Cancels a booking, or records that the customer did not come.
#[utoipa::path(post, path = "/api/v1/test-drives/{id}/cancel", tag = "test-drives", params(("id" = TestDriveBookingId, Path)), request_body = BookingCancel,
    responses((status = 200, body = BookingView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn cancel(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<TestDriveBookingId>,
    ApiJson(input): ApiJson<BookingCancel>,
) -> ApiResult<Json<BookingView>> {
    Ok(Json(
        state
            .app
            .sales()
            .cancel_test_drive(&auth.actor, id, input)
            .await?,
    ))
}

/// The form after the drive: impressions, the licence if not taken at booking, and the new grade.
#[utoipa::path(post, path = "/api/v1/test-drives/{id}/feedback", tag = "test-drives", params(("id" = TestDriveBookingId, Path)), request_body = DriveFeedback,
    responses((status = 200, body = BookingView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn feedback(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<TestDriveBookingId>,
    ApiJson(input): ApiJson<DriveFeedback>,
) -> ApiResult<Json<BookingView>> {
    Ok(Json(
        state
            .app
            .sales()
            .test_drive_feedback(&auth.actor, id, input)
            .await?,
    ))
}
