//! Browser sessions: authenticating the cookie, CSRF, logout and switching dealer.

use super::actor::{Actor, ActorKind};
use super::grants::role_grants;
use super::issue_scope;
use super::secrets::{constant_time_eq, token_hash};
use crate::app::App;
use crate::error::{CoreError, CoreResult};
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{dealer, user};
use forecourt_db::repo::{org, sessions, users};
use forecourt_domain::ids::{DealerId, GroupId, SessionId, TeamId, UserId};
use forecourt_domain::permission::GrantSet;

/// Whether a request must prove it came from Forecourt's own pages.
#[derive(Clone, Copy, Debug)]
pub enum CsrfCheck<'a> {
    /// Safe methods (GET, HEAD, OPTIONS) change nothing.
    NotRequired,
    /// A change: the `x-csrf-token` header sent, which must match the session's token.
    Header(Option<&'a str>),
}

/// The actor behind a session, with what the browser needs to keep using it.
#[derive(Clone, Debug)]
pub struct SessionActor {
    pub actor: Actor,
    pub csrf_token: String,
    pub expires_at: DateTime<Utc>,
}

/// Sessions are refreshed at most this often, so reads do not each cost a write.
const TOUCH_INTERVAL_SECS: i64 = 60;

impl App {
    /// Authenticates a session cookie. Sliding expiry: each use (at most once a minute) moves
    /// the idle deadline forward, never past the session's maximum age.
    pub async fn authenticate_session(
        &self,
        cookie: &str,
        csrf: CsrfCheck<'_>,
    ) -> CoreResult<SessionActor> {
        let conn = self.db.conn();
        let now = self.now();
        // The session and its user in one query: every request of a browser asks.
        let (session, user) = sessions::find_with_user(conn, &token_hash(cookie))
            .await?
            .ok_or(CoreError::Unauthenticated)?;
        if session.expires_at <= now {
            sessions::delete(conn, session.id).await?;
            return Err(CoreError::SessionExpired);
        }
        if let CsrfCheck::Header(sent) = csrf
            && !sent.is_some_and(|sent| constant_time_eq(sent, &session.csrf_token))
        {
            return Err(CoreError::CsrfTokenInvalid);
        }
        if user.status != "active" {
            sessions::delete(conn, session.id).await?;
            return Err(CoreError::AccountDisabled);
        }
        let kind = ActorKind::Session(SessionId::from_uuid(session.id));
        let actor = build_actor(conn, &user, session.acting_dealer_id, kind, None).await?;

        let mut expires_at = session.expires_at;
        if (now - session.last_seen_at).num_seconds() >= TOUCH_INTERVAL_SECS {
            expires_at = self.session_expiry(session.created_at, now);
            // Through the write lock, like every write: on SQLite a bare write on the pool
            // would wait in SQLite's busy handler (sleeping, holding a connection) behind
            // the writer of the moment instead of queueing.
            let tx = self.db.begin().await?;
            sessions::touch(&*tx, session.id, now, expires_at).await?;
            tx.commit().await?;
        }
        Ok(SessionActor {
            actor,
            csrf_token: session.csrf_token,
            expires_at,
        })
    }

    /// When a session created at `created_at` and used `now` expires.
    pub fn session_expiry(&self, created_at: DateTime<Utc>, now: DateTime<Utc>) -> DateTime<Utc> {
        let idle = now
            + chrono::Duration::from_std(self.settings.session_idle_timeout)
                .unwrap_or(chrono::Duration::hours(12));
        let max = created_at
            + chrono::Duration::from_std(self.settings.session_max_age)
                .unwrap_or(chrono::Duration::days(30));
        idle.min(max)
    }

    /// Ends the actor's session (a no-op for API tokens, which are revoked instead).
    pub async fn logout(&self, actor: &Actor) -> CoreResult<()> {
        if let ActorKind::Session(id) = actor.kind {
            sessions::delete(self.db.conn(), id.uuid()).await?;
        }
        Ok(())
    }

    /// Makes the session act in another dealer. Allowed for the user's own dealer and, for a
    /// user with group-scoped permissions, any dealer of their group; any other dealer is
    /// "not found", like any record the user may not see.
    pub async fn switch_dealer(&self, actor: &Actor, dealer_id: DealerId) -> CoreResult<()> {
        let ActorKind::Session(session_id) = actor.kind else {
            return Err(CoreError::invalid(forecourt_domain::FieldError::new(
                "dealer_id",
                "session_required",
                "only a browser session can switch dealer",
            )));
        };
        let conn = self.db.conn();
        let user = users::find_for_auth(conn, actor.user_id.uuid())
            .await?
            .ok_or(CoreError::Unauthenticated)?;
        let home = org::find_dealer(conn, user.dealer_id)
            .await?
            .ok_or(CoreError::Unauthenticated)?;
        let grants = role_grants(
            conn,
            &issue_scope(DealerId::from_uuid(home.id)),
            &user.role_key,
        )
        .await?
        .unwrap_or_default();
        let target = org::find_dealer(conn, dealer_id.uuid())
            .await?
            .ok_or(CoreError::not_found("dealer"))?;
        if !may_act_in(&home, &grants, &target) {
            return Err(CoreError::not_found("dealer"));
        }
        sessions::set_acting_dealer(conn, session_id.uuid(), target.id).await?;
        Ok(())
    }
}

/// Whether a user of `home` with `grants` may act in `target`.
pub fn may_act_in(home: &dealer::Model, grants: &GrantSet, target: &dealer::Model) -> bool {
    target.id == home.id
        || (grants.has_group_scope() && home.group_id.is_some() && target.group_id == home.group_id)
}

/// Builds the actor of `user` acting in `acting_dealer_id`. Acting outside the home dealer keeps
/// only the group-scoped grants; a dealer the user may no longer act in (moved out of the
/// group, role changed) falls back to the home dealer. `restrict_to` narrows the grants further
/// (an API token's own grants).
pub async fn build_actor<C: ConnectionTrait>(
    conn: &C,
    user: &user::Model,
    acting_dealer_id: uuid::Uuid,
    kind: ActorKind,
    restrict_to: Option<&GrantSet>,
) -> CoreResult<Actor> {
    let home = org::find_dealer(conn, user.dealer_id)
        .await?
        .ok_or(CoreError::Unauthenticated)?;
    let home_scope = issue_scope(DealerId::from_uuid(home.id));
    let role = role_grants(conn, &home_scope, &user.role_key)
        .await?
        .unwrap_or_default();

    let mut acting = home.clone();
    let mut grants = role.clone();
    if acting_dealer_id != home.id
        && let Some(target) = org::find_dealer(conn, acting_dealer_id).await?
        && may_act_in(&home, &role, &target)
    {
        acting = target;
        grants = role.group_grants_as_dealer();
    }
    if let Some(limit) = restrict_to {
        grants = grants.intersect(limit);
    }
    Ok(Actor {
        user_id: UserId::from_uuid(user.id),
        name: user.display_name.clone(),
        home_dealer_id: DealerId::from_uuid(home.id),
        scope: issue_scope(DealerId::from_uuid(acting.id)),
        group_id: home.group_id.map(GroupId::from_uuid),
        team_id: user.team_id.map(TeamId::from_uuid),
        role_key: user.role_key.clone(),
        grants,
        may_switch: role.has_group_scope() && home.group_id.is_some(),
        kind,
        request_id: None,
        time_zone: dealer_time_zone(&acting),
        locale: user
            .locale
            .as_deref()
            .and_then(|l| l.parse().ok())
            .unwrap_or_else(|| dealer_locale(&acting)),
    })
}

/// A dealer's language (the default for a value this version does not know).
pub fn dealer_locale(dealer: &dealer::Model) -> forecourt_domain::locale::Locale {
    dealer.locale.parse().unwrap_or_default()
}

/// A dealer's time zone (the default for a value this version does not know).
pub fn dealer_time_zone(dealer: &dealer::Model) -> forecourt_domain::time_zone::DealerTimeZone {
    forecourt_domain::time_zone::DealerTimeZone::parse("time_zone", &dealer.time_zone)
        .unwrap_or_default()
}
