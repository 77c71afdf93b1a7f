//! The administration module’s routes: the signed-in user, users, teams, departments, roles, dealers, API tokens, the audit log.

mod api_tokens;
mod audit;
mod dealers;
mod departments;
mod me;
mod roles;
mod teams;
mod users;

pub use me::DealerSwitch;

use crate::module::HttpModule;
use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every route of this module, documented.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(me::get_me, me::update_me))
        .routes(routes!(me::change_password))
        .routes(routes!(me::switch_dealer))
        .routes(routes!(users::list_users, users::create_user))
        .routes(routes!(users::get_user, users::update_user))
        .routes(routes!(users::reset_password))
        .routes(routes!(users::unlock_user))
        .routes(routes!(teams::list_teams, teams::create_team))
        .routes(routes!(
            teams::get_team,
            teams::update_team,
            teams::delete_team
        ))
        .routes(routes!(
            departments::list_departments,
            departments::create_department
        ))
        .routes(routes!(
            departments::get_department,
            departments::update_department,
            departments::delete_department
        ))
        .routes(routes!(roles::list_roles, roles::create_role))
        .routes(routes!(
            roles::get_role,
            roles::update_role,
            roles::delete_role
        ))
        .routes(routes!(roles::list_permissions))
        .routes(routes!(dealers::list_dealers))
        .routes(routes!(dealers::get_dealer, dealers::update_dealer))
        .routes(routes!(
            api_tokens::list_api_tokens,
            api_tokens::create_api_token
        ))
        .routes(routes!(api_tokens::revoke_api_token))
        .routes(routes!(audit::list_audit_events))
}

impl HttpModule for forecourt_admin::module::AdminModule {
    fn routes(&self) -> OpenApiRouter<AppState> {
        routes()
    }

    fn tags(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("me", "The signed-in user's own account"),
            ("users", "Staff accounts"),
            ("teams", "Teams"),
            ("departments", "Departments"),
            ("roles", "Roles and the permission catalog"),
            ("dealers", "Dealer settings"),
            ("api-tokens", "API tokens for integrations"),
            ("audit", "The audit log"),
        ]
    }
}
