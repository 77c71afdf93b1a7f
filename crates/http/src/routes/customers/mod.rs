//! The customers module’s routes: customers, their vehicles, imports.

mod imports;
mod people;
mod vehicles;

use crate::module::HttpModule;
use crate::state::AppState;
use axum::extract::DefaultBodyLimit;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every route of this module, documented.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(people::list_customers, people::create_customer))
        .routes(routes!(people::search_customers))
        .routes(routes!(people::check_duplicates))
        .routes(routes!(people::merge_customers))
        .routes(routes!(people::bulk_customers))
        .routes(routes!(people::export_customers))
        .routes(routes!(people::get_customer, people::update_customer))
        .routes(routes!(people::record_consent))
        .routes(routes!(people::reveal_id_number))
        .routes(routes!(people::customer_timeline))
        .routes(routes!(vehicles::list_vehicles, vehicles::create_vehicle))
        .routes(routes!(vehicles::get_vehicle, vehicles::update_vehicle))
        .routes(routes!(vehicles::record_mileage))
        .routes(routes!(vehicles::transfer_vehicle))
        .routes(routes!(imports::get_import))
        .routes(routes!(imports::dry_run_import))
        .routes(routes!(imports::run_import))
        .routes(routes!(imports::list_mappings))
        .merge(large_uploads())
}

/// Routes that take files larger than [`BODY_LIMIT`].
fn large_uploads() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(imports::upload_import))
        .layer(DefaultBodyLimit::max(
            forecourt_customers::import::MAX_FILE_BYTES + 1024,
        ))
}

impl HttpModule for forecourt_customers::module::CustomersModule {
    fn routes(&self) -> OpenApiRouter<AppState> {
        routes()
    }

    fn tags(&self) -> &'static [(&'static str, &'static str)] {
        &[
            (
                "customers",
                "Customers: the file, search, duplicates, merge, export",
            ),
            ("vehicles", "The cars customers own"),
            ("imports", "Importing customers from spreadsheets"),
        ]
    }
}
