//! The after-sales module's routes: the workshop's settings, maintenance plans and the service
//! due list, appointments, repair orders with their lines and clock-ons, the parts price list,
//! warranty claims, insurance policies and renewals, and the service reports.

mod appointments;
mod dues;
mod insurance;
mod plans;
mod renewals;
mod report;
mod settings;

use crate::module::HttpModule;
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every route of this module, documented.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(settings::get_settings, settings::update_settings))
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
