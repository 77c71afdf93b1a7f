//! Resetting a user's password and lifting a lock left by failed logins.

use super::{PasswordReset, UserView};
use crate::Admin;
use forecourt_db::entities::user;
use forecourt_db::repo::{sessions, tenant};
use forecourt_domain::ids::UserId;
use forecourt_domain::password::check_new_password;
use forecourt_domain::permission::Permission;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::auth::passwords::hash_password;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde_json::Value;

impl Admin<'_> {
    /// Sets a new password for a user and signs them out everywhere.
    pub async fn reset_user_password(
        &self,
        actor: &Actor,
        id: UserId,
        input: PasswordReset,
    ) -> CoreResult<()> {
        let before = self.visible_user(self.db().conn(), actor, id).await?;
        actor.require(Permission::UserResetPassword)?;
        check_new_password("password", &input.password, &before.username)?;
        let hash = hash_password(&input.password).await?;
        let now = self.now();
        let tx = self.db().begin().await?;
        let current = self.visible_user(&*tx, actor, id).await?;
        let mut after = current.clone();
        after.password_hash = hash;
        after.password_changed_at = now;
        after.failed_login_count = 0;
        after.locked_until = None;
        tenant::update::<user::Entity, _>(
            &*tx,
            actor.scope(),
            current.id,
            after,
            current.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("user", e))?;
        let except = match actor.kind() {
            forecourt_kernel::auth::ActorKind::Session(session)
                if current.id == actor.user_id().uuid() =>
            {
                Some(session.uuid())
            }
            _ => None,
        };
        sessions::delete_for_user(&*tx, actor.scope(), current.id, except).await?;
        audit::record(
            &*tx,
            actor,
            AuditEntry::action("user", "password_reset", Some(current.id)),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Lifts a lock left by repeated failed logins.
    pub async fn unlock_user(&self, actor: &Actor, id: UserId) -> CoreResult<UserView> {
        let now = self.now();
        let tx = self.db().begin().await?;
        let before = self.visible_user(&*tx, actor, id).await?;
        actor.require(Permission::UserUpdate)?;
        let mut after = before.clone();
        after.locked_until = None;
        after.failed_login_count = 0;
        let entry = AuditEntry::action("user", "unlocked", Some(before.id)).change(
            "locked_until",
            before.locked_until.map(|t| t.to_rfc3339()),
            Value::Null,
        );
        let updated =
            audit::save::<user::Entity, _>(&*tx, actor, &before, after, entry, now, |e| {
                CoreError::from_db("user", e)
            })
            .await?;
        tx.commit().await?;
        Ok(UserView::new(actor, &updated, now))
    }
}
