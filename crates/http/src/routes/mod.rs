//! The router: every API route (registered with `routes!`, which also documents it), the
//! middleware stack, and the fallbacks.

pub mod admin;
pub mod aftersales;
pub mod care;
pub mod catalog;
pub mod customers;
pub mod deal;
mod kernel;
pub mod orders;
pub mod sales;
pub mod stock;
pub mod work;

pub use admin::DealerSwitch;
pub use kernel::{LoginRequest, LoginResponse};

use crate::module::Modules;
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

/// Request bodies above this are refused with 413 (imports raise it on their own routes).
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Every documented route: the kernel's, then each module's.
pub fn api_routes(modules: Modules) -> OpenApiRouter<AppState> {
    modules.iter().fold(
        OpenApiRouter::with_openapi(ApiDoc::openapi()).merge(kernel::routes()),
        |router, module| router.merge(module.routes()),
    )
}

pub fn router(state: AppState) -> Router {
    let (api, _) = api_routes(state.modules).split_for_parts();
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
