//! What every handler can reach.

use crate::metrics::Metrics;
use crate::module::Modules;
use forecourt_kernel::App;
use std::sync::Arc;

/// How the server is exposed, which decides cookie and client-address handling.
#[derive(Clone, Debug, Default)]
pub struct HttpSettings {
    /// Mark cookies `Secure`: set when the public URL is https (directly or behind a proxy).
    pub secure_cookies: bool,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted reverse proxy).
    pub trust_forwarded_headers: bool,
}

#[derive(Clone)]
pub struct AppState {
    pub app: App,
    pub settings: Arc<HttpSettings>,
    pub metrics: Metrics,
    /// The OpenAPI document, rendered once.
    pub openapi_json: Arc<String>,
    /// The business modules whose routes the router serves.
    pub modules: Modules,
}

impl AppState {
    pub fn new(app: App, settings: HttpSettings, modules: Modules) -> Self {
        let openapi_json = crate::openapi_document(modules)
            .to_json()
            .unwrap_or_else(|_| "{}".to_owned());
        Self {
            app,
            settings: Arc::new(settings),
            metrics: Metrics::new(),
            openapi_json: Arc::new(openapi_json),
            modules,
        }
    }
}
