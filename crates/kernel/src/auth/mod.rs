//! Authentication and the [`Actor`]: who is calling, in which dealer, with which permissions.
//!
//! This module is the only place that issues a [`forecourt_db::DealerScope`]: after checking a
//! session cookie, an API token, or (for the command line and jobs) naming a dealer as the
//! system.

mod actor;
pub mod grants;
mod login;
pub mod passwords;
pub mod secrets;
mod sessions;
mod tokens;

pub use actor::{Actor, ActorKind};
pub use login::{LoginInput, LoginOutcome};
pub use sessions::{CsrfCheck, SessionActor};
pub use tokens::API_TOKEN_PREFIX;

use forecourt_db::DealerScope;
use forecourt_domain::ids::DealerId;

/// The system actor that records the creation of a dealer (inside the creating transaction,
/// before the dealer can be read back).
pub fn system_actor_for_new_dealer(dealer: &forecourt_db::entities::dealer::Model) -> Actor {
    tokens::system_actor_of(dealer)
}

/// Issues the scope of a dealer the caller has been authenticated for.
fn issue_scope(dealer_id: DealerId) -> DealerScope {
    DealerScope::issued_by_auth(dealer_id)
}

/// The actor of a user for work done on their behalf outside a request (the demo's history,
/// the private calendar feed, which only reads): their own role's grants in their home
/// dealer, with no session.
pub async fn user_actor<C: forecourt_db::ConnectionTrait>(
    conn: &C,
    user: &forecourt_db::entities::user::Model,
) -> crate::error::CoreResult<Actor> {
    sessions::build_actor(conn, user, user.dealer_id, ActorKind::System, None).await
}

/// [`user_actor`] of the user with this username.
pub async fn acting_as<C: forecourt_db::ConnectionTrait>(
    conn: &C,
    username: &str,
) -> crate::error::CoreResult<Actor> {
    let user = forecourt_db::repo::users::find_by_username_for_login(conn, username)
        .await?
        .ok_or(crate::error::CoreError::not_found("user"))?;
    user_actor(conn, &user).await
}
