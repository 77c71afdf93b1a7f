//! Forecourt's HTTP API (`/api/v1`), its OpenAPI document, health and metrics endpoints, and
//! the embedded web app.
//!
//! Handlers are thin: extract, call the use case in `forecourt_core`, respond. Authentication
//! produces an [`forecourt_core::Actor`]; permissions are checked by the use cases, never here.

pub mod extract;
pub mod metrics;
pub mod openapi;
pub mod problem;
pub mod request_id;
pub mod routes;
pub mod security;
pub mod state;
#[cfg(feature = "embed-ui")]
pub mod ui;

pub use state::{AppState, HttpSettings};

use axum::Router;

/// The whole HTTP application: API, health, metrics, OpenAPI document and web app, with the
/// middleware stack.
pub fn app(state: AppState) -> Router {
    routes::router(state)
}

/// The OpenAPI document of the API (what `/api/openapi.json` serves).
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    let mut document = routes::api_routes().into_openapi();
    openapi::assert_formats(&mut document);
    document
}
