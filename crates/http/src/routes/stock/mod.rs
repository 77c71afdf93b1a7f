//! The stock module's routes: stock units by VIN, their moves, the list and its export, trade-ins,
//! the stock settings and the low-stock list.

mod list;
mod units;

use crate::module::HttpModule;
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every route of this module, documented.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list::list_units, units::create_unit))
        .routes(routes!(list::export_units))
        .routes(routes!(list::model_stock))
        .routes(routes!(list::get_settings, list::update_settings))
        .routes(routes!(units::trade_in))
        .routes(routes!(units::get_unit, units::update_unit))
        .routes(routes!(units::move_unit))
}

impl HttpModule for forecourt_stock::module::StockModule {
    fn routes(&self) -> OpenApiRouter<AppState> {
        routes()
    }

    fn tags(&self) -> &'static [(&'static str, &'static str)] {
        &[(
            "stock",
            "Stock units by VIN (库存): allocation, aged and low stock, used cars",
        )]
    }
}
