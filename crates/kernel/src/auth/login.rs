//! Logging in: rate limit per client address, lockout after repeated failures, a new session.

use super::Actor;
use super::actor::ActorKind;
use super::passwords::{verify_against_dummy, verify_password};
use super::secrets::{random_token, token_hash};
use super::sessions::build_actor;
use super::tokens::system_actor_of;
use crate::app::App;
use crate::audit::{self, AuditEntry};
use crate::error::{CoreError, CoreResult};
use chrono::{DateTime, Utc};
use forecourt_db::entities::{login_attempt, session};
use forecourt_db::repo::{login_attempts, sessions, users};
use forecourt_domain::ids::SessionId;
use uuid::Uuid;

#[derive(Clone)]
pub struct LoginInput {
    pub username: String,
    pub password: String,
    /// The client's address, for the rate limit.
    pub ip: String,
    pub user_agent: Option<String>,
}

impl std::fmt::Debug for LoginInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginInput")
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .field("ip", &self.ip)
            .finish()
    }
}

#[derive(Clone, Debug)]
pub struct LoginOutcome {
    /// The cookie value. Only its hash is stored.
    pub session_token: String,
    pub csrf_token: String,
    pub expires_at: DateTime<Utc>,
    pub actor: Actor,
}

impl App {
    /// Checks a username and password and opens a session.
    ///
    /// Every attempt counts against the client address's rate limit. A wrong password counts
    /// against the account; the failure that reaches the threshold locks it for a while, and a
    /// locked account is refused without its password even being checked. An unknown username
    /// costs the same time as a known one, so timing does not reveal which accounts exist.
    pub async fn login(&self, input: LoginInput) -> CoreResult<LoginOutcome> {
        let now = self.now();
        let username = input.username.trim().to_lowercase();
        self.check_login_rate(&input.ip, now).await?;

        let user = users::find_by_username_for_login(self.db.conn(), &username).await?;
        let Some(user) = user else {
            verify_against_dummy(&input.password).await?;
            self.record_attempt(&input.ip, &username, false, now)
                .await?;
            return Err(CoreError::InvalidCredentials);
        };
        if let Some(until) = user.locked_until.filter(|until| *until > now) {
            self.record_attempt(&input.ip, &username, false, now)
                .await?;
            return Err(CoreError::AccountLocked { until });
        }
        if !verify_password(&input.password, &user.password_hash).await? {
            return self.fail_login(&input.ip, &user, now).await;
        }
        if user.status != "active" {
            self.record_attempt(&input.ip, &username, false, now)
                .await?;
            return Err(CoreError::AccountDisabled);
        }

        let session_token = random_token(32);
        let csrf_token = random_token(32);
        let session_id = Uuid::now_v7();
        let expires_at = self.session_expiry(now, now);
        let tx = self.db.begin().await?;
        users::record_successful_login(&*tx, user.id, now).await?;
        login_attempts::record(&*tx, attempt(&input.ip, &username, true, now)).await?;
        sessions::insert(
            &*tx,
            session::Model {
                id: session_id,
                dealer_id: user.dealer_id,
                token_hash: token_hash(&session_token),
                user_id: user.id,
                acting_dealer_id: user.dealer_id,
                csrf_token: csrf_token.clone(),
                ip: Some(input.ip.chars().take(64).collect()),
                user_agent: input.user_agent.map(|ua| ua.chars().take(255).collect()),
                created_at: now,
                last_seen_at: now,
                expires_at,
            },
        )
        .await?;
        let kind = ActorKind::Session(SessionId::from_uuid(session_id));
        let actor = build_actor(&*tx, &user, user.dealer_id, kind, None).await?;
        audit::record(
            &*tx,
            &actor,
            AuditEntry::action("user", "logged_in", Some(user.id)),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(LoginOutcome {
            session_token,
            csrf_token,
            expires_at,
            actor,
        })
    }

    async fn fail_login<T>(
        &self,
        ip: &str,
        user: &forecourt_db::entities::user::Model,
        now: DateTime<Utc>,
    ) -> CoreResult<T> {
        let lock_for = chrono::Duration::from_std(self.settings.lockout_duration)
            .unwrap_or(chrono::Duration::minutes(15));
        let until = now + lock_for;
        let tx = self.db.begin().await?;
        login_attempts::record(&*tx, attempt(ip, &user.username, false, now)).await?;
        users::record_failed_login(&*tx, user.id, self.settings.lockout_threshold, until).await?;
        let after = users::find_for_auth(&*tx, user.id).await?;
        let locked = after
            .and_then(|u| u.locked_until)
            .is_some_and(|at| at > now);
        if locked
            && let Some(dealer) = forecourt_db::repo::org::find_dealer(&*tx, user.dealer_id).await?
        {
            let system = system_actor_of(&dealer);
            let entry = AuditEntry::action("user", "locked", Some(user.id)).change(
                "locked_until",
                serde_json::Value::Null,
                until.to_rfc3339(),
            );
            audit::record(&*tx, &system, entry, now).await?;
        }
        tx.commit().await?;
        if locked {
            Err(CoreError::AccountLocked { until })
        } else {
            Err(CoreError::InvalidCredentials)
        }
    }

    async fn check_login_rate(&self, ip: &str, now: DateTime<Utc>) -> CoreResult<()> {
        let window = chrono::Duration::from_std(self.settings.login_rate_window)
            .unwrap_or(chrono::Duration::minutes(10));
        let recent = login_attempts::count_since(self.db.conn(), ip, now - window).await?;
        if recent >= self.settings.login_rate_limit {
            return Err(CoreError::RateLimited {
                retry_after_secs: self.settings.login_rate_window.as_secs(),
            });
        }
        Ok(())
    }

    async fn record_attempt(
        &self,
        ip: &str,
        username: &str,
        succeeded: bool,
        now: DateTime<Utc>,
    ) -> CoreResult<()> {
        let tx = self.db.begin().await?;
        login_attempts::record(&*tx, attempt(ip, username, succeeded, now)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Deletes expired sessions and login attempts older than a day (run periodically).
    pub async fn purge_expired_auth_records(&self) -> CoreResult<(u64, u64)> {
        let now = self.now();
        let tx = self.db.begin().await?;
        let sessions = sessions::purge_expired(&*tx, now).await?;
        let attempts = login_attempts::purge_before(&*tx, now - chrono::Duration::days(1)).await?;
        tx.commit().await?;
        Ok((sessions, attempts))
    }
}

fn attempt(ip: &str, username: &str, succeeded: bool, at: DateTime<Utc>) -> login_attempt::Model {
    login_attempt::Model {
        id: Uuid::now_v7(),
        ip: ip.chars().take(64).collect(),
        username: username.chars().take(64).collect(),
        succeeded,
        attempted_at: at,
    }
}
