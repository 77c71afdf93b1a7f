//! Creating and editing staff accounts.

use super::checks::{is_admin, username_taken};
use super::{NewUser, UserPatch, UserStatus, UserView, optional};
use crate::Admin;
use forecourt_db::entities::user;
use forecourt_db::repo::{sessions, tenant, users};
use forecourt_domain::email::parse_email;
use forecourt_domain::ids::{TeamId, UserId};
use forecourt_domain::password::check_new_password;
use forecourt_domain::permission::Permission;
use forecourt_domain::phone::Phone;
use forecourt_domain::username::NAME_MAX;
use forecourt_domain::username::{Username, parse_name};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::auth::passwords::hash_password;
use forecourt_kernel::error::{CoreError, CoreResult};
use uuid::Uuid;

impl Admin<'_> {
    /// Creates an active staff account. Needs `user.create`; a username already in use is 409
    /// `already_exists` (field code `taken`), a role the dealer lacks or granting more than the
    /// caller holds 422 on `role`, an unknown team 422 on `team_id`.
    pub async fn create_user(&self, actor: &Actor, input: NewUser) -> CoreResult<UserView> {
        actor.require(Permission::UserCreate)?;
        let mut errors = FieldErrors::new();
        let username = errors.check(Username::parse("username", &input.username));
        let display_name = errors.check(parse_name("display_name", &input.display_name, NAME_MAX));
        let login_name = username
            .as_ref()
            .map_or(input.username.trim(), Username::as_str);
        errors.check(check_new_password("password", &input.password, login_name));
        let email = errors.check(optional(input.email.as_deref(), |v| {
            parse_email("email", v)
        }));
        let phone = errors.check(optional(input.phone.as_deref(), |v| {
            Phone::parse("phone", v).map(|p| p.to_string())
        }));
        let conn = self.db().conn();
        if let Some(username) = &username
            && users::username_taken(conn, username.as_str()).await?
        {
            return Err(CoreError::AlreadyExists(username_taken()));
        }
        errors.check(
            self.check_assignable_role(conn, actor, &input.role, "role")
                .await?,
        );
        if let Some(team_id) = input.team_id {
            errors.check(self.check_team(conn, actor, team_id).await?);
        }
        errors.finish()?;
        let (Some(username), Some(display_name), Some(email), Some(phone)) =
            (username, display_name, email, phone)
        else {
            unreachable!("every None recorded an error");
        };

        let password_hash = hash_password(&input.password).await?;
        let now = self.now();
        let model = user::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            username: username.into_string(),
            display_name,
            password_hash,
            role_key: input.role,
            team_id: input.team_id.map(TeamId::uuid),
            email,
            phone,
            locale: input.locale.map(|l| l.as_str().to_owned()),
            status: UserStatus::Active.as_str().to_owned(),
            failed_login_count: 0,
            locked_until: None,
            last_login_at: None,
            password_changed_at: now,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let tx = self.db().begin().await?;
        let created =
            tenant::insert::<user::Entity, _>(&*tx, actor.scope(), model.dealer_id, model)
                .await
                .map_err(CoreError::on_write("user", "username"))?;
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        tx.commit().await?;
        Ok(UserView::new(actor, &created, now))
    }

    /// Edits a user; disabling one signs them out everywhere. Needs `user.update`; a user outside
    /// the caller's `user.read` scope is 404, a stale `version` 409 `version_conflict`, changing
    /// one's own role or disabling oneself 422, demoting or disabling the dealer's last active
    /// admin 422.
    pub async fn update_user(
        &self,
        actor: &Actor,
        id: UserId,
        patch: UserPatch,
    ) -> CoreResult<UserView> {
        let tx = self.db().begin().await?;
        let before = self.visible_user(&*tx, actor, id).await?;
        actor.require(Permission::UserUpdate)?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict { entity: "user" });
        }
        let is_self = before.id == actor.user_id().uuid();
        let mut after = before.clone();
        let mut errors = FieldErrors::new();
        if let Some(name) = &patch.display_name
            && let Some(name) = errors.check(parse_name("display_name", name, NAME_MAX))
        {
            after.display_name = name;
        }
        if let Some(role) = &patch.role
            && *role != before.role_key
        {
            if is_self {
                errors.push(FieldError::new(
                    "role",
                    "cannot_change_own_role",
                    "you cannot change your own role",
                ));
            } else {
                errors.check(
                    self.check_assignable_role(&*tx, actor, role, "role")
                        .await?,
                );
                after.role_key = role.clone();
            }
        }
        if let Some(team_id) = patch.team_id {
            if let Some(team_id) = team_id {
                errors.check(self.check_team(&*tx, actor, team_id).await?);
            }
            after.team_id = team_id.map(TeamId::uuid);
        }
        if let Some(email) = &patch.email
            && let Some(email) =
                errors.check(optional(email.as_deref(), |v| parse_email("email", v)))
        {
            after.email = email;
        }
        if let Some(phone) = &patch.phone {
            let parsed = optional(phone.as_deref(), |v| {
                Phone::parse("phone", v).map(|p| p.to_string())
            });
            if let Some(phone) = errors.check(parsed) {
                after.phone = phone;
            }
        }
        if let Some(locale) = patch.locale {
            after.locale = locale.map(|l| l.as_str().to_owned());
        }
        if let Some(status) = patch.status {
            if is_self && status == UserStatus::Disabled {
                errors.push(FieldError::new(
                    "status",
                    "cannot_disable_self",
                    "you cannot disable your own account",
                ));
            }
            after.status = status.as_str().to_owned();
        }
        if is_admin(&before)
            && (!is_admin(&after) || after.status != "active")
            && self.active_admin_count(&*tx, actor).await? <= 1
        {
            errors.push(FieldError::new(
                if after.status != "active" {
                    "status"
                } else {
                    "role"
                },
                "last_admin",
                "the dealer's last active admin must stay an active admin",
            ));
        }
        errors.finish()?;

        let entry = AuditEntry::updated(&before, &after);
        let now = self.now();
        let Some(updated) = audit::update_if_changed::<user::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            |e| CoreError::from_db("user", e),
        )
        .await?
        else {
            return Ok(UserView::new(actor, &before, self.now()));
        };
        if updated.status != "active" {
            sessions::delete_for_user(&*tx, actor.scope(), updated.id, None).await?;
        }
        tx.commit().await?;
        Ok(UserView::new(actor, &updated, now))
    }
}
