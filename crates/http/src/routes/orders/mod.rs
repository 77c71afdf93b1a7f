//! The orders module's routes: orders (contracts), their money, invoice and delivery, the
//! order settings, and finance's feed, ageing and export.

mod finance;
mod fulfil;
mod orders;

use crate::module::HttpModule;
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every route of this module, documented.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(orders::list_orders, fulfil::create_order))
        .routes(routes!(orders::get_order))
        .routes(routes!(orders::add_schedule_item))
        .routes(routes!(orders::approve_loan))
        .routes(routes!(orders::record_payment))
        .routes(routes!(orders::request_refund))
        .routes(routes!(orders::tick_checklists))
        .routes(routes!(fulfil::allocate))
        .routes(routes!(fulfil::invoice))
        .routes(routes!(fulfil::deliver))
        .routes(routes!(fulfil::cancel))
        .routes(routes!(orders::get_settings, orders::update_settings))
        .routes(routes!(finance::feed))
        .routes(routes!(finance::ageing))
        .routes(routes!(finance::export))
}

impl HttpModule for forecourt_orders::module::OrdersModule {
    fn routes(&self) -> OpenApiRouter<AppState> {
        routes()
    }

    fn tags(&self) -> &'static [(&'static str, &'static str)] {
        &[
            (
                "orders",
                "Orders (订单 / 合同): deposits (定金 / 订金), payments, receivables, refunds, invoice, delivery",
            ),
            (
                "finance",
                "Finance: the incremental feed, the receivables ageing, the period export",
            ),
        ]
    }
}
