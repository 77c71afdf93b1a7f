//! The sales module’s routes: leads and intake, reception, opportunities and stages, test drives, settings and the morning report.

mod lead_intake;
mod leads;
mod management;
mod opportunities;
mod pipeline;
mod receptions;
mod test_drives;

use crate::module::HttpModule;
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every route of this module, documented.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(leads::list_leads, leads::create_lead))
        .routes(routes!(leads::lead_board))
        .routes(routes!(leads::bulk_assign_leads))
        .routes(routes!(leads::get_lead, leads::update_lead))
        .routes(routes!(leads::log_follow_up))
        .routes(routes!(leads::assign_lead))
        .routes(routes!(leads::mark_lead_lost))
        .routes(routes!(leads::decide_lead_lost))
        .routes(routes!(leads::reopen_lead))
        .routes(routes!(leads::open_opportunity))
        .routes(routes!(lead_intake::intake_lead))
        .routes(routes!(
            receptions::list_receptions,
            receptions::register_reception
        ))
        .routes(routes!(receptions::register_receptions))
        .routes(routes!(opportunities::list_opportunities))
        .routes(routes!(opportunities::pipeline_board))
        .routes(routes!(opportunities::funnel))
        .routes(routes!(
            opportunities::get_opportunity,
            opportunities::update_opportunity
        ))
        .routes(routes!(opportunities::move_opportunity))
        .routes(routes!(pipeline::list_stages, pipeline::create_stage))
        .routes(routes!(pipeline::update_stage))
        .routes(routes!(test_drives::list_cars, test_drives::create_car))
        .routes(routes!(test_drives::update_car))
        .routes(routes!(test_drives::test_drive_calendar, test_drives::book))
        .routes(routes!(test_drives::reschedule))
        .routes(routes!(test_drives::cancel))
        .routes(routes!(test_drives::feedback))
        .routes(routes!(
            management::get_settings,
            management::update_settings
        ))
        .routes(routes!(
            management::get_assignment_rules,
            management::replace_assignment_rules
        ))
        .routes(routes!(management::report))
        .routes(routes!(management::export_report))
}

impl HttpModule for forecourt_sales::module::SalesModule {
    fn routes(&self) -> OpenApiRouter<AppState> {
        routes()
    }

    fn tags(&self) -> &'static [(&'static str, &'static str)] {
        &[
            (
                "leads",
                "Leads, intent grades, follow-ups, assignment, loss; the intake API",
            ),
            ("receptions", "Showroom reception (展厅接待)"),
            (
                "opportunities",
                "Opportunities: the kanban board and the funnel",
            ),
            ("pipeline", "The dealer's pipeline stages"),
            ("test-drives", "Test-drive cars and bookings"),
            (
                "sales",
                "Sales settings, assignment rules and the morning report",
            ),
        ]
    }
}
