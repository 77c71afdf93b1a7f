//! The after-sales module's routes: the workshop's settings, maintenance plans and the service
//! due list, appointments, repair orders with their lines and clock-ons, the parts price list,
//! warranty claims, insurance policies and renewals, and the service reports.

mod appointments;
mod dues;
mod plans;
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
