//! Forecourt's HTTP API (`/api/v1`), its OpenAPI document, health and metrics endpoints, and
//! the embedded web app.
//!
//! Handlers are thin: extract, call the use case in `forecourt_kernel`, respond. Authentication
//! produces an [`forecourt_kernel::Actor`]; permissions are checked by the use cases, never here.

pub mod download;
pub mod extract;
pub mod metrics;
pub mod module;
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
pub fn openapi_document(modules: module::Modules) -> utoipa::openapi::OpenApi {
    // Schemas list what the modules bring (message template keys …): the document is built for
    // the process's modules.
    forecourt_kernel::module::install(module::kernel_modules(modules));
    let mut document = routes::api_routes(modules).into_openapi();
    let tags = document.tags.get_or_insert_with(Vec::new);
    for (name, description) in modules.iter().flat_map(|m| m.tags()) {
        let mut tag = utoipa::openapi::tag::Tag::new(*name);
        tag.description = Some((*description).to_owned());
        tags.push(tag);
    }
    openapi::assert_formats(&mut document);
    document
}
