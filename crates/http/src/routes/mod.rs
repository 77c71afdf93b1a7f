//! The router: every API route (registered with `routes!`, which also documents it), the
//! middleware stack, and the fallbacks.

mod activities;
mod api_tokens;
mod approvals;
mod audit;
mod auth;
mod catalog;
mod customers;
mod dealers;
mod departments;
mod imports;
mod jobs;
mod lead_intake;
mod leads;
mod lookups;
mod me;
mod messages;
mod notifications;
mod opportunities;
mod pipeline;
mod receptions;
mod roles;
mod sales;
mod saved_views;
mod system;
mod teams;
mod test_drives;
mod users;
mod vehicles;

pub use auth::{LoginRequest, LoginResponse};
pub use me::DealerSwitch;

use crate::openapi::ApiDoc;
use crate::problem::ApiError;
use crate::state::AppState;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{HeaderName, Method};
use axum::response::{IntoResponse, Response};
use forecourt_domain::ErrorCode;
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::sensitive_headers::SetSensitiveRequestHeadersLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Request bodies above this are refused with 413 (imports raise it on their own routes).
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Every documented route.
pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(system::healthz))
        .routes(routes!(system::readyz))
        .routes(routes!(system::metrics))
        .routes(routes!(system::openapi_json))
        .routes(routes!(auth::login))
        .routes(routes!(auth::logout))
        .routes(routes!(me::get_me, me::update_me))
        .routes(routes!(me::change_password))
        .routes(routes!(me::switch_dealer))
        .routes(routes!(users::list_users, users::create_user))
        .routes(routes!(users::get_user, users::update_user))
        .routes(routes!(users::reset_password))
        .routes(routes!(users::unlock_user))
        .routes(routes!(teams::list_teams, teams::create_team))
        .routes(routes!(
            teams::get_team,
            teams::update_team,
            teams::delete_team
        ))
        .routes(routes!(
            departments::list_departments,
            departments::create_department
        ))
        .routes(routes!(
            departments::get_department,
            departments::update_department,
            departments::delete_department
        ))
        .routes(routes!(roles::list_roles, roles::create_role))
        .routes(routes!(
            roles::get_role,
            roles::update_role,
            roles::delete_role
        ))
        .routes(routes!(roles::list_permissions))
        .routes(routes!(dealers::list_dealers))
        .routes(routes!(dealers::get_dealer, dealers::update_dealer))
        .routes(routes!(
            api_tokens::list_api_tokens,
            api_tokens::create_api_token
        ))
        .routes(routes!(api_tokens::revoke_api_token))
        .routes(routes!(audit::list_audit_events))
        .routes(routes!(
            customers::list_customers,
            customers::create_customer
        ))
        .routes(routes!(customers::search_customers))
        .routes(routes!(customers::check_duplicates))
        .routes(routes!(customers::merge_customers))
        .routes(routes!(customers::bulk_customers))
        .routes(routes!(customers::export_customers))
        .routes(routes!(customers::get_customer, customers::update_customer))
        .routes(routes!(customers::record_consent))
        .routes(routes!(customers::reveal_id_number))
        .routes(routes!(customers::customer_timeline))
        .routes(routes!(vehicles::list_vehicles, vehicles::create_vehicle))
        .routes(routes!(vehicles::get_vehicle, vehicles::update_vehicle))
        .routes(routes!(vehicles::record_mileage))
        .routes(routes!(vehicles::transfer_vehicle))
        .routes(routes!(catalog::get_catalog))
        .routes(routes!(catalog::create_brand))
        .routes(routes!(catalog::update_brand, catalog::delete_brand))
        .routes(routes!(catalog::create_series))
        .routes(routes!(catalog::update_series, catalog::delete_series))
        .routes(routes!(catalog::create_model))
        .routes(routes!(catalog::update_model, catalog::delete_model))
        .routes(routes!(catalog::import_catalog))
        .routes(routes!(catalog::publish_catalog))
        .routes(routes!(lookups::list_lookups, lookups::create_lookup))
        .routes(routes!(lookups::update_lookup))
        .routes(routes!(
            saved_views::list_saved_views,
            saved_views::create_saved_view
        ))
        .routes(routes!(
            saved_views::update_saved_view,
            saved_views::delete_saved_view
        ))
        .routes(routes!(imports::get_import))
        .routes(routes!(imports::dry_run_import))
        .routes(routes!(imports::run_import))
        .routes(routes!(imports::list_mappings))
        .routes(routes!(leads::list_leads, leads::create_lead))
        .routes(routes!(leads::lead_board))
        .routes(routes!(leads::bulk_assign_leads))
        .routes(routes!(leads::get_lead, leads::update_lead))
        .routes(routes!(leads::log_follow_up))
        .routes(routes!(leads::assign_lead))
        .routes(routes!(leads::mark_lead_lost))
        .routes(routes!(leads::decide_lead_lost))
        .routes(routes!(leads::reopen_lead))
        .routes(routes!(leads::open_opportunity))
        .routes(routes!(lead_intake::intake_lead))
        .routes(routes!(
            receptions::list_receptions,
            receptions::register_reception
        ))
        .routes(routes!(receptions::register_receptions))
        .routes(routes!(opportunities::list_opportunities))
        .routes(routes!(opportunities::pipeline_board))
        .routes(routes!(opportunities::funnel))
        .routes(routes!(
            opportunities::get_opportunity,
            opportunities::update_opportunity
        ))
        .routes(routes!(opportunities::move_opportunity))
        .routes(routes!(pipeline::list_stages, pipeline::create_stage))
        .routes(routes!(pipeline::update_stage))
        .routes(routes!(test_drives::list_cars, test_drives::create_car))
        .routes(routes!(test_drives::update_car))
        .routes(routes!(test_drives::test_drive_calendar, test_drives::book))
        .routes(routes!(test_drives::reschedule))
        .routes(routes!(test_drives::cancel))
        .routes(routes!(test_drives::feedback))
        .routes(routes!(sales::get_settings, sales::update_settings))
        .routes(routes!(
            sales::get_assignment_rules,
            sales::replace_assignment_rules
        ))
        .routes(routes!(sales::report))
        .routes(routes!(sales::export_report))
        .routes(routes!(
            activities::list_activities,
            activities::create_activity
        ))
        .routes(routes!(
            activities::get_activity,
            activities::update_activity
        ))
        .routes(routes!(activities::complete_activity))
        .routes(routes!(activities::cancel_activity))
        .routes(routes!(activities::calendar))
        .routes(routes!(activities::my_work))
        .routes(routes!(
            activities::calendar_feed_status,
            activities::create_calendar_feed,
            activities::revoke_calendar_feed
        ))
        .routes(routes!(activities::calendar_feed))
        .routes(routes!(
            activities::get_work_settings,
            activities::update_work_settings
        ))
        .routes(routes!(
            approvals::list_approvals,
            approvals::create_approval
        ))
        .routes(routes!(approvals::get_approval))
        .routes(routes!(approvals::approve_approval))
        .routes(routes!(approvals::reject_approval))
        .routes(routes!(approvals::withdraw_approval))
        .routes(routes!(notifications::list_notifications))
        .routes(routes!(notifications::unread_count))
        .routes(routes!(notifications::mark_read))
        .routes(routes!(jobs::list_jobs))
        .routes(routes!(jobs::get_job))
        .routes(routes!(jobs::retry_job))
        .routes(routes!(jobs::cancel_job))
        .routes(routes!(messages::list_messages))
        .routes(routes!(messages::get_message))
        .routes(routes!(
            messages::list_message_templates,
            messages::update_message_template
        ))
        .merge(large_uploads())
}

/// Routes that take files larger than [`BODY_LIMIT`].
fn large_uploads() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(imports::upload_import))
        .layer(DefaultBodyLimit::max(
            forecourt_core::customers::import::MAX_FILE_BYTES + 1024,
        ))
}

pub fn router(state: AppState) -> Router {
    let (api, _) = api_routes().split_for_parts();
    let request_id_header = HeaderName::from_static(crate::request_id::HEADER);
    api.fallback(fallback)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(CatchPanicLayer::custom(|_| {
            ApiError::new(ErrorCode::InternalError, "an unexpected error occurred").into_response()
        }))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::metrics::middleware,
        ))
        .layer(
            TraceLayer::new_for_http()
                // The span names the route template, never the path or query (which can hold
                // phone numbers and names), so personal data stays out of the logs.
                .make_span_with(move |request: &Request| {
                    let route = request
                        .extensions()
                        .get::<axum::extract::MatchedPath>()
                        .map(|p| p.as_str().to_owned())
                        .unwrap_or_else(|| "-".to_owned());
                    let id = request
                        .headers()
                        .get(&request_id_header)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-")
                        .to_owned();
                    let request_id = request
                        .extensions()
                        .get::<crate::request_id::RequestId>()
                        .map(|r| r.0.clone())
                        .unwrap_or(id);
                    tracing::info_span!("request", method = %request.method(), route, request_id)
                })
                .on_response(
                    DefaultOnResponse::new()
                        .level(Level::INFO)
                        .latency_unit(tower_http::LatencyUnit::Millis),
                ),
        )
        .layer(SetSensitiveRequestHeadersLayer::new([
            axum::http::header::AUTHORIZATION,
            axum::http::header::COOKIE,
            HeaderName::from_static("x-csrf-token"),
        ]))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::security::middleware,
        ))
        .layer(axum::middleware::from_fn(crate::request_id::middleware))
        .with_state(state)
}

/// Unknown `/api` paths are problem+json 404s; everything else is the web app.
async fn fallback(method: Method, request: Request) -> Response {
    let path = request.uri().path();
    if path.starts_with("/api/") || path == "/api" {
        return ApiError::new(
            ErrorCode::RouteNotFound,
            format!("no endpoint {method} {path}"),
        )
        .into_response();
    }
    #[cfg(feature = "embed-ui")]
    {
        crate::ui::serve(request).await
    }
    #[cfg(not(feature = "embed-ui"))]
    {
        ApiError::new(
            ErrorCode::RouteNotFound,
            "this build of Forecourt has no web app",
        )
        .into_response()
    }
}

async fn method_not_allowed(method: Method) -> Response {
    ApiError::new(
        ErrorCode::MethodNotAllowed,
        format!("{method} is not allowed here"),
    )
    .into_response()
}

/// How long a graceful shutdown waits for requests in flight.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(20);
