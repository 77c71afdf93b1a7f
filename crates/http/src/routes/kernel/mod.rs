//! The kernel's routes: health, sign-in, lookups, saved views, approvals, notifications, jobs and the outbox.

mod approvals;
mod auth;
mod jobs;
mod lookups;
mod messages;
mod notifications;
mod saved_views;
mod system;

pub use auth::{LoginRequest, LoginResponse};

use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every route of this module, documented.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(system::healthz))
        .routes(routes!(system::readyz))
        .routes(routes!(system::metrics))
        .routes(routes!(system::openapi_json))
        .routes(routes!(auth::login))
        .routes(routes!(auth::logout))
        .routes(routes!(lookups::list_lookups, lookups::create_lookup))
        .routes(routes!(lookups::update_lookup))
        .routes(routes!(
            saved_views::list_saved_views,
            saved_views::create_saved_view
        ))
        .routes(routes!(
            saved_views::update_saved_view,
            saved_views::delete_saved_view
        ))
        .routes(routes!(
            approvals::list_approvals,
            approvals::create_approval
        ))
        .routes(routes!(approvals::get_approval))
        .routes(routes!(approvals::approve_approval))
        .routes(routes!(approvals::reject_approval))
        .routes(routes!(approvals::withdraw_approval))
        .routes(routes!(notifications::list_notifications))
        .routes(routes!(notifications::unread_count))
        .routes(routes!(notifications::mark_read))
        .routes(routes!(jobs::list_jobs))
        .routes(routes!(jobs::get_job))
        .routes(routes!(jobs::retry_job))
        .routes(routes!(jobs::cancel_job))
        .routes(routes!(messages::list_messages))
        .routes(routes!(messages::get_message))
        .routes(routes!(
            messages::list_message_templates,
            messages::update_message_template
        ))
}
