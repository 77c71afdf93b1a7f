//! The signed-in user's own account: who am I, my profile, my password, my dealer.

use super::dealers::DealerView;
use super::users::UserView;
use crate::Admin;
use forecourt_db::entities::user;
use forecourt_db::repo::{org, sessions, tenant, users};
use forecourt_domain::FieldError;
use forecourt_domain::locale::Locale;
use forecourt_domain::password::check_new_password;
use forecourt_domain::patch::double_option;
use forecourt_domain::permission::Grant;
use forecourt_domain::role::BuiltinRole;
use forecourt_domain::username::NAME_MAX;
use forecourt_domain::username::parse_name;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::passwords::{hash_password, verify_password};
use forecourt_kernel::auth::{Actor, ActorKind};
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RoleSummary {
    /// The role's key (e.g. `sales_consultant` or a custom role's key).
    pub key: String,
    /// Whether it is a built-in role (the app names it from its key).
    pub builtin: bool,
}

/// Who the caller is, where they act and what they may do.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct MeView {
    /// The signed-in user's account.
    pub user: UserView,
    /// The dealer the user acts in now.
    pub dealer: DealerView,
    /// The user's role.
    pub role: RoleSummary,
    /// The effective permissions in the current dealer.
    pub permissions: Vec<Grant>,
    /// Whether the user may switch to other dealers of their group.
    pub can_switch_dealer: bool,
    /// For browser sessions: send it as `x-csrf-token` with every change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csrf_token: Option<String>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct MePatch {
    /// The account's version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// A new display name; at most 64 characters. Absent keeps it.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub display_name: Option<String>,
    /// The preferred language; `null` follows the dealer's.
    #[serde(default, deserialize_with = "double_option")]
    pub locale: Option<Option<Locale>>,
}

#[derive(Clone, Deserialize, ToSchema)]
pub struct PasswordChange {
    /// The password in use now.
    pub current_password: String,
    /// The new password: 8 to 128 characters; it must differ from the username and not be one
    /// repeated character.
    #[schema(schema_with = forecourt_domain::schema::new_password)]
    pub new_password: String,
}

impl std::fmt::Debug for PasswordChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordChange { .. }")
    }
}

impl Admin<'_> {
    /// The signed-in user, the dealer they act in, their role and effective permissions; with the
    /// CSRF token for a browser session. A system actor, or an account that no longer exists, is
    /// 401.
    pub async fn get_me(&self, actor: &Actor, csrf_token: Option<String>) -> CoreResult<MeView> {
        let conn = self.db().conn();
        let user = self.own_account(conn, actor).await?;
        let dealer = org::scoped_dealer(conn, actor.scope())
            .await?
            .ok_or(CoreError::Unauthenticated)?;
        Ok(MeView {
            user: UserView::new(actor, &user, self.now()),
            dealer: DealerView::from(&dealer),
            role: RoleSummary {
                key: actor.role_key().to_owned(),
                builtin: BuiltinRole::from_key(actor.role_key()).is_some(),
            },
            permissions: actor.grants().to_vec(),
            can_switch_dealer: actor.may_switch_dealer(),
            csrf_token,
        })
    }

    /// Changes the caller's own display name or preferred language (no permission needed). A stale
    /// `version` is 409 `version_conflict`.
    pub async fn update_me(&self, actor: &Actor, patch: MePatch) -> CoreResult<MeView> {
        let home = actor.at_home();
        let tx = self.db().begin().await?;
        let before = self.own_account(&*tx, actor).await?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict { entity: "user" });
        }
        let mut after = before.clone();
        if let Some(name) = &patch.display_name {
            after.display_name = parse_name("display_name", name, NAME_MAX)?;
        }
        if let Some(locale) = patch.locale {
            after.locale = locale.map(|l| l.as_str().to_owned());
        }
        let entry = AuditEntry::updated(&before, &after);
        let saved = audit::update_if_changed::<user::Entity, _>(
            &*tx,
            &home,
            &before,
            after,
            entry,
            self.now(),
            |e| CoreError::from_db("user", e),
        )
        .await?;
        if saved.is_some() {
            tx.commit().await?;
        }
        self.get_me(actor, None).await
    }

    /// Changes one's own password. Other sessions of the user end; this one stays.
    pub async fn change_own_password(
        &self,
        actor: &Actor,
        input: PasswordChange,
    ) -> CoreResult<()> {
        let home = actor.at_home();
        let current = self.own_account(self.db().conn(), actor).await?;
        if !verify_password(&input.current_password, &current.password_hash).await? {
            return Err(CoreError::invalid(FieldError::new(
                "current_password",
                "wrong_password",
                "is not your current password",
            )));
        }
        check_new_password("new_password", &input.new_password, &current.username)?;
        let hash = hash_password(&input.new_password).await?;
        let now = self.now();
        let tx = self.db().begin().await?;
        let before = self.own_account(&*tx, actor).await?;
        let mut after = before.clone();
        after.password_hash = hash;
        after.password_changed_at = now;
        tenant::update::<user::Entity, _>(
            &*tx,
            home.scope(),
            before.id,
            after,
            before.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("user", e))?;
        let keep = match actor.kind() {
            ActorKind::Session(id) => Some(id.uuid()),
            _ => None,
        };
        sessions::delete_for_user(&*tx, home.scope(), before.id, keep).await?;
        audit::record(
            &*tx,
            &home,
            AuditEntry::action("user", "password_changed", Some(before.id)),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn own_account<C: forecourt_db::ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
    ) -> CoreResult<user::Model> {
        if actor.kind() == ActorKind::System {
            return Err(CoreError::Unauthenticated);
        }
        users::find_for_auth(conn, actor.user_id().uuid())
            .await?
            .ok_or(CoreError::Unauthenticated)
    }
}
