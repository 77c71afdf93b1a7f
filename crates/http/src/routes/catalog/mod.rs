//! The catalog module’s routes.

mod entries;

use crate::module::HttpModule;
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every route of this module, documented.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(entries::get_catalog))
        .routes(routes!(entries::create_brand))
        .routes(routes!(entries::update_brand, entries::delete_brand))
        .routes(routes!(entries::create_series))
        .routes(routes!(entries::update_series, entries::delete_series))
        .routes(routes!(entries::create_model))
        .routes(routes!(entries::update_model, entries::delete_model))
        .routes(routes!(entries::import_catalog))
        .routes(routes!(entries::publish_catalog))
}

impl HttpModule for forecourt_catalog::module::CatalogModule {
    fn routes(&self) -> OpenApiRouter<AppState> {
        routes()
    }

    fn tags(&self) -> &'static [(&'static str, &'static str)] {
        &[("catalog", "Brands, series and models")]
    }
}
