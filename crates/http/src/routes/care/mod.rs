//! The customer-care module's routes: complaints (投诉) — the list, the SLA board, one
//! complaint with its steps, entry and every step of the flow — and the care settings
//! (working calendar, holidays, SLA targets, escalation ladder).

mod complaints;
mod settings;

use crate::module::HttpModule;
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every route of this module, documented.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(
            complaints::list_complaints,
            complaints::enter_complaint
        ))
        .routes(routes!(complaints::complaint_board))
        .routes(routes!(complaints::get_complaint))
        .routes(routes!(complaints::assign_complaint))
        .routes(routes!(complaints::respond_to_complaint))
        .routes(routes!(complaints::log_complaint_action))
        .routes(routes!(complaints::wait_for_customer))
        .routes(routes!(complaints::resume_complaint))
        .routes(routes!(complaints::resolve_complaint))
        .routes(routes!(complaints::verify_complaint))
        .routes(routes!(complaints::reopen_complaint))
        .routes(routes!(
            settings::get_care_settings,
            settings::update_care_settings
        ))
}

impl HttpModule for forecourt_care::module::CareModule {
    fn routes(&self) -> OpenApiRouter<AppState> {
        routes()
    }

    fn tags(&self) -> &'static [(&'static str, &'static str)] {
        &[(
            "care",
            "Customer care (客户关怀): complaints (投诉) with working-hours SLA clocks",
        )]
    }
}
