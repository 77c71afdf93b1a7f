//! `/api/v1/service-appointments` and `/api/v1/service-capacity`.

use crate::extract::{ApiJson, ApiQuery, Authed, PathId};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use forecourt_aftersales::AfterSalesExt as _;
use forecourt_aftersales::appointments::capacity::{CapacityDayView, CapacityQuery};
use forecourt_aftersales::appointments::{
    AppointmentQuery, AppointmentVersion, AppointmentView, MoveAppointment, NewAppointment,
};
use forecourt_kernel::paging::Paged;
use uuid::Uuid;

/// The dealer's appointments by day.
#[utoipa::path(get, path = "/api/v1/service-appointments", tag = "service", params(AppointmentQuery),
    responses((status = 200, body = Paged<AppointmentView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn list_appointments(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<AppointmentQuery>,
) -> ApiResult<Json<Paged<AppointmentView>>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .list_appointments(&auth.actor, query)
            .await?,
    ))
}

/// Books a car into a day; 409 `capacity_full` (with `capacity.next_free`) when the job does
/// not fit.
#[utoipa::path(post, path = "/api/v1/service-appointments", tag = "service", request_body = NewAppointment,
    responses((status = 201, body = AppointmentView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn book_appointment(
    State(state): State<AppState>,
    auth: Authed,
    ApiJson(input): ApiJson<NewAppointment>,
) -> ApiResult<(StatusCode, Json<AppointmentView>)> {
    let view = state
        .app
        .aftersales()
        .book_appointment(&auth.actor, input)
        .await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// One appointment.
#[utoipa::path(get, path = "/api/v1/service-appointments/{id}", tag = "service",
    params(("id" = Uuid, Path)),
    responses((status = 200, body = AppointmentView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn get_appointment(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<Uuid>,
) -> ApiResult<Json<AppointmentView>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .get_appointment(&auth.actor, id)
            .await?,
    ))
}

/// Moves a booked appointment to another day.
#[utoipa::path(post, path = "/api/v1/service-appointments/{id}/move", tag = "service", request_body = MoveAppointment,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = AppointmentView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn move_appointment(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<Uuid>,
    ApiJson(input): ApiJson<MoveAppointment>,
) -> ApiResult<Json<AppointmentView>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .move_appointment(&auth.actor, id, input)
            .await?,
    ))
}

/// Calls a booked appointment off.
#[utoipa::path(post, path = "/api/v1/service-appointments/{id}/cancel", tag = "service", request_body = AppointmentVersion,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = AppointmentView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn cancel_appointment(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<Uuid>,
    ApiJson(input): ApiJson<AppointmentVersion>,
) -> ApiResult<Json<AppointmentView>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .cancel_appointment(&auth.actor, id, input)
            .await?,
    ))
}

/// Records that the customer did not come.
#[utoipa::path(post, path = "/api/v1/service-appointments/{id}/no-show", tag = "service", request_body = AppointmentVersion,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = AppointmentView), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn record_no_show(
    State(state): State<AppState>,
    auth: Authed,
    PathId(id): PathId<Uuid>,
    ApiJson(input): ApiJson<AppointmentVersion>,
) -> ApiResult<Json<AppointmentView>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .record_no_show(&auth.actor, id, input)
            .await?,
    ))
}

/// The workshop's days: capacity, booked and left minutes.
#[utoipa::path(get, path = "/api/v1/service-capacity", tag = "service", params(CapacityQuery),
    responses((status = 200, body = Vec<CapacityDayView>), (status = "4XX", body = Problem, content_type = "application/problem+json")))]
pub async fn capacity(
    State(state): State<AppState>,
    auth: Authed,
    ApiQuery(query): ApiQuery<CapacityQuery>,
) -> ApiResult<Json<Vec<CapacityDayView>>> {
    Ok(Json(
        state
            .app
            .aftersales()
            .service_capacity(&auth.actor, query)
            .await?,
    ))
}
