//! The catalog module’s routes.

mod catalog;

use crate::module::HttpModule;
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every route of this module, documented.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(catalog::get_catalog))
        .routes(routes!(catalog::create_brand))
        .routes(routes!(catalog::update_brand, catalog::delete_brand))
        .routes(routes!(catalog::create_series))
        .routes(routes!(catalog::update_series, catalog::delete_series))
        .routes(routes!(catalog::create_model))
        .routes(routes!(catalog::update_model, catalog::delete_model))
        .routes(routes!(catalog::import_catalog))
        .routes(routes!(catalog::publish_catalog))
}

impl HttpModule for forecourt_catalog::module::CatalogModule {
    fn routes(&self) -> OpenApiRouter<AppState> {
        routes()
    }

    fn tags(&self) -> &'static [(&'static str, &'static str)] {
        &[("catalog", "Brands, series and models")]
    }
}
