//! The orders module's routes: orders (contracts), their money, invoice and delivery, the
//! order settings, and finance's feed, ageing and export.

mod contracts;
mod finance;
mod fulfil;

use crate::module::HttpModule;
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every route of this module, documented.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(contracts::list_orders, fulfil::create_order))
        .routes(routes!(contracts::get_order))
        .routes(routes!(contracts::add_schedule_item))
        .routes(routes!(contracts::approve_loan))
        .routes(routes!(contracts::record_payment))
        .routes(routes!(contracts::request_refund))
        .routes(routes!(contracts::tick_checklists))
        .routes(routes!(fulfil::allocate))
        .routes(routes!(fulfil::invoice))
        .routes(routes!(fulfil::deliver))
        .routes(routes!(fulfil::cancel))
        .routes(routes!(contracts::get_settings, contracts::update_settings))
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
