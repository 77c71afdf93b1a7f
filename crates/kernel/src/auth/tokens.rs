//! Authenticating API tokens, and the system actor of the command line and jobs.

use super::actor::{Actor, ActorKind};
use super::grants::parse_grants;
use super::issue_scope;
use super::secrets::token_hash;
use super::sessions::build_actor;
use crate::app::App;
use crate::error::{CoreError, CoreResult};
use forecourt_db::repo::{api_tokens, org, users};
use forecourt_domain::ids::{ApiTokenId, DealerId, GroupId, UserId};
use forecourt_domain::permission::GrantSet;
use forecourt_domain::role::BuiltinRole;
use uuid::Uuid;

/// Every API token starts with this, so a leaked one is recognisable (secret scanners).
pub const API_TOKEN_PREFIX: &str = "fct_";

impl App {
    /// Authenticates a bearer token. The token acts as its creator, in the creator's dealer,
    /// with the token's grants narrowed to what the creator holds now: a creator who loses a
    /// permission (or is disabled) takes it from their tokens too.
    pub async fn authenticate_token(&self, bearer: &str) -> CoreResult<Actor> {
        if !bearer.starts_with(API_TOKEN_PREFIX) {
            return Err(CoreError::Unauthenticated);
        }
        let conn = self.db.conn();
        let now = self.now();
        let token = api_tokens::find_by_hash(conn, &token_hash(bearer))
            .await?
            .ok_or(CoreError::Unauthenticated)?;
        if token.revoked_at.is_some() || token.expires_at.is_some_and(|at| at <= now) {
            return Err(CoreError::Unauthenticated);
        }
        let user = users::find_for_auth(conn, token.user_id)
            .await?
            .ok_or(CoreError::Unauthenticated)?;
        if user.status != "active" {
            return Err(CoreError::Unauthenticated);
        }
        let limit = parse_grants(&token.grants);
        let kind = ActorKind::ApiToken(ApiTokenId::from_uuid(token.id));
        let actor = build_actor(conn, &user, token.dealer_id, kind, Some(&limit)).await?;
        if token
            .last_used_at
            .is_none_or(|at| (now - at).num_seconds() >= 60)
        {
            // Through the write lock, like every write (see `authenticate_session`).
            let tx = self.db.begin().await?;
            api_tokens::mark_used(&*tx, token.id, now).await?;
            tx.commit().await?;
        }
        Ok(actor)
    }

    /// The actor of the command line and of background jobs in a dealer: every permission,
    /// recorded in the audit log as `system`.
    pub async fn system_actor(&self, dealer_id: DealerId) -> CoreResult<Actor> {
        let dealer = org::find_dealer(self.db.conn(), dealer_id.uuid())
            .await?
            .ok_or(CoreError::not_found("dealer"))?;
        Ok(system_actor_of(&dealer))
    }

    /// The system actor of the dealer with this code.
    pub async fn system_actor_by_code(&self, dealer_code: &str) -> CoreResult<Actor> {
        let dealer = org::find_dealer_by_code(self.db.conn(), dealer_code)
            .await?
            .ok_or(CoreError::not_found("dealer"))?;
        self.system_actor(DealerId::from_uuid(dealer.id)).await
    }
}

/// The system actor of a dealer (see [`App::system_actor`]).
pub fn system_actor_of(dealer: &forecourt_db::entities::dealer::Model) -> Actor {
    let dealer_id = DealerId::from_uuid(dealer.id);
    Actor {
        user_id: UserId::from_uuid(Uuid::nil()),
        name: "system".to_owned(),
        home_dealer_id: dealer_id,
        scope: issue_scope(dealer_id),
        group_id: dealer.group_id.map(GroupId::from_uuid),
        team_id: None,
        role_key: BuiltinRole::Admin.key().to_owned(),
        grants: GrantSet::everything(),
        may_switch: false,
        kind: ActorKind::System,
        request_id: None,
        time_zone: super::sessions::dealer_time_zone(dealer),
        locale: super::sessions::dealer_locale(dealer),
    }
}
