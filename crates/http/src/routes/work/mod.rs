//! The work module’s routes: activities, calendars and feeds, my work, work settings.

mod activities;

use crate::module::HttpModule;
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every route of this module, documented.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(
            activities::list_activities,
            activities::create_activity
        ))
        .routes(routes!(
            activities::get_activity,
            activities::update_activity
        ))
        .routes(routes!(activities::complete_activity))
        .routes(routes!(activities::cancel_activity))
        .routes(routes!(activities::calendar))
        .routes(routes!(activities::my_work))
        .routes(routes!(
            activities::calendar_feed_status,
            activities::create_calendar_feed,
            activities::revoke_calendar_feed
        ))
        .routes(routes!(activities::calendar_feed))
        .routes(routes!(
            activities::get_work_settings,
            activities::update_work_settings
        ))
}

impl HttpModule for forecourt_work::module::WorkModule {
    fn routes(&self) -> OpenApiRouter<AppState> {
        routes()
    }

    fn tags(&self) -> &'static [(&'static str, &'static str)] {
        &[(
            "activities",
            "Activities, calendars, feeds, my work and work settings",
        )]
    }
}
