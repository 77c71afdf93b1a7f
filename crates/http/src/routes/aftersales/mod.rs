//! The after-sales module's routes: the workshop's settings, maintenance plans and the service
//! due list, appointments, repair orders with their lines and clock-ons, the parts price list,
//! warranty claims, insurance policies and renewals, and the service reports.

mod appointments;
mod dues;
mod insurance;
mod parts;
mod plans;
mod renewals;
mod repair_lines;
mod repair_orders;
mod report;
mod settings;
mod warranty;

use crate::module::HttpModule;
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every route of this module, documented.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(settings::get_settings, settings::update_settings))
        .routes(routes!(parts::list_parts_prices, parts::create_parts_price))
        .routes(routes!(
            parts::update_parts_price,
            parts::delete_parts_price
        ))
        .routes(routes!(parts::import_parts_prices))
        .routes(routes!(
            repair_orders::list_repair_orders,
            repair_orders::open_repair_order
        ))
        .routes(routes!(repair_orders::get_repair_order))
        .routes(routes!(repair_orders::move_repair_order))
        .routes(routes!(repair_orders::pick_up_repair_order))
        .routes(routes!(repair_orders::vehicle_repair_orders))
        .routes(routes!(repair_orders::technicians))
        .routes(routes!(repair_lines::add_labour_line))
        .routes(routes!(
            repair_lines::update_labour_line,
            repair_lines::remove_labour_line
        ))
        .routes(routes!(repair_lines::clock_on))
        .routes(routes!(repair_lines::clock_off))
        .routes(routes!(repair_lines::labour_done))
        .routes(routes!(repair_lines::add_part_line))
        .routes(routes!(
            repair_lines::update_part_line,
            repair_lines::remove_part_line
        ))
        .routes(routes!(warranty::warranty_claims))
        .routes(routes!(warranty::export_warranty_claims))
        .routes(routes!(plans::list_plans, plans::create_plan))
        .routes(routes!(plans::update_plan, plans::delete_plan))
        .routes(routes!(dues::list_dues))
        .routes(routes!(dues::vehicle_due))
        .routes(routes!(dues::refresh_vehicle_due))
        .routes(routes!(
            appointments::list_appointments,
            appointments::book_appointment
        ))
        .routes(routes!(appointments::get_appointment))
        .routes(routes!(appointments::move_appointment))
        .routes(routes!(appointments::cancel_appointment))
        .routes(routes!(appointments::record_no_show))
        .routes(routes!(appointments::capacity))
        .routes(routes!(report::service_report))
        .routes(routes!(
            insurance::vehicle_policies,
            insurance::create_policy
        ))
        .routes(routes!(insurance::list_policies))
        .routes(routes!(insurance::update_policy))
        .routes(routes!(renewals::list_renewals))
        .routes(routes!(renewals::renewal_rate))
        .routes(routes!(renewals::get_renewal))
        .routes(routes!(renewals::log_call))
        .routes(routes!(renewals::add_quote))
        .routes(routes!(renewals::close_renewal))
        .routes(routes!(renewals::assign_renewal))
}

impl HttpModule for forecourt_aftersales::module::AfterSalesModule {
    fn routes(&self) -> OpenApiRouter<AppState> {
        routes()
    }

    fn tags(&self) -> &'static [(&'static str, &'static str)] {
        &[
            (
                "service",
                "After-sales (售后): service due, appointments, repair orders (工单), parts",
            ),
            ("insurance", "Insurance policies and renewals (续保)"),
        ]
    }
}
