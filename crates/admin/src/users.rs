//! Staff accounts: list, create, edit, disable, reset password, unlock.

use crate::Admin;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::user;
use forecourt_db::repo::users::{UserFilter, UserSort};
use forecourt_db::repo::{sessions, tenant, users};
use forecourt_domain::email::parse_email;
use forecourt_domain::ids::{DealerId, TeamId, UserId};
use forecourt_domain::locale::Locale;
use forecourt_domain::masking::{mask_email, mask_phone};
use forecourt_domain::password::check_new_password;
use forecourt_domain::patch::double_option;
use forecourt_domain::permission::Permission;
use forecourt_domain::phone::Phone;
use forecourt_domain::role::BuiltinRole;
use forecourt_domain::username::NAME_MAX;
use forecourt_domain::username::{Username, parse_name};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::auth::grants::role_grants;
use forecourt_kernel::auth::passwords::hash_password;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::paging::{Paged, page_or_bad_cursor, page_request};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum UserStatus {
    Active,
    Disabled,
}

impl UserStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            UserStatus::Active => "active",
            UserStatus::Disabled => "disabled",
        }
    }

    fn from_db(value: &str) -> Self {
        if value == "active" {
            UserStatus::Active
        } else {
            UserStatus::Disabled
        }
    }
}

/// A staff account as the caller may see it: phone and e-mail are masked unless the caller's
/// role may unmask them for this user (or it is the caller's own account).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct UserView {
    pub id: UserId,
    pub dealer_id: DealerId,
    pub username: String,
    pub display_name: String,
    /// The role's key: a built-in role (`sales_consultant`) or a custom role of the dealer.
    pub role: String,
    pub team_id: Option<TeamId>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Whether `phone` and `email` are shown masked.
    pub contact_masked: bool,
    /// The user's preferred language; absent means the dealer's.
    pub locale: Option<Locale>,
    pub status: UserStatus,
    /// Set while the account is locked after repeated failed logins.
    pub locked_until: Option<DateTime<Utc>>,
    pub last_login_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

impl UserView {
    pub fn new(actor: &Actor, model: &user::Model, now: DateTime<Utc>) -> Self {
        let own = model.id == actor.user_id().uuid();
        let unmasked = own
            || actor.reaches(
                Permission::PiiUnmaskPhone,
                Some(UserId::from_uuid(model.id)),
                model.team_id.map(TeamId::from_uuid),
            );
        Self {
            id: UserId::from_uuid(model.id),
            dealer_id: DealerId::from_uuid(model.dealer_id),
            username: model.username.clone(),
            display_name: model.display_name.clone(),
            role: model.role_key.clone(),
            team_id: model.team_id.map(TeamId::from_uuid),
            email: model.email.as_deref().map(|e| {
                if unmasked {
                    e.to_owned()
                } else {
                    mask_email(e)
                }
            }),
            phone: model.phone.as_deref().map(|p| {
                if unmasked {
                    p.to_owned()
                } else {
                    mask_phone(p)
                }
            }),
            contact_masked: !unmasked && (model.email.is_some() || model.phone.is_some()),
            locale: model.locale.as_deref().and_then(|l| l.parse().ok()),
            status: UserStatus::from_db(&model.status),
            locked_until: model.locked_until.filter(|until| *until > now),
            last_login_at: model.last_login_at,
            created_at: model.created_at,
            updated_at: model.updated_at,
            version: model.version,
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserQuery {
    /// Part of the username or display name.
    pub q: Option<String>,
    pub status: Option<UserStatus>,
    pub role: Option<String>,
    pub team_id: Option<TeamId>,
    /// `username` (default), `display_name` or `-created_at` (newest first).
    #[param(schema_with = sort_schema)]
    pub sort: Option<String>,
    /// Page size, 1 to 200 (default 50).
    #[param(schema_with = forecourt_domain::schema::page_limit::<{ forecourt_domain::paging::MAX_PAGE_SIZE }>)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Clone, Deserialize, ToSchema)]
pub struct NewUser {
    #[schema(schema_with = forecourt_domain::schema::username)]
    pub username: String,
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub display_name: String,
    /// At least 8 characters, not the username.
    #[schema(schema_with = forecourt_domain::schema::new_password)]
    pub password: String,
    pub role: String,
    pub team_id: Option<TeamId>,
    #[schema(schema_with = forecourt_domain::schema::optional_email)]
    pub email: Option<String>,
    #[schema(schema_with = forecourt_domain::schema::optional_phone)]
    pub phone: Option<String>,
    pub locale: Option<Locale>,
}

impl std::fmt::Debug for NewUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewUser")
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

/// Changes to a user. Absent fields stay as they are; `null` clears a nullable field.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct UserPatch {
    /// The `version` of the user as last read.
    pub version: i64,
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub display_name: Option<String>,
    pub role: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    pub team_id: Option<Option<TeamId>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_email)]
    pub email: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_phone)]
    pub phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    pub locale: Option<Option<Locale>>,
    /// `disabled` signs the user out everywhere and refuses their logins and API tokens.
    pub status: Option<UserStatus>,
}

#[derive(Clone, Deserialize, ToSchema)]
pub struct PasswordReset {
    #[schema(schema_with = forecourt_domain::schema::new_password)]
    pub password: String,
}

impl std::fmt::Debug for PasswordReset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordReset { .. }")
    }
}

/// The orders the user list may be sorted in; the first is the default.
pub const SORTS: [(&str, UserSort); 3] = [
    ("username", UserSort::Username),
    ("display_name", UserSort::DisplayName),
    ("-created_at", UserSort::CreatedAt),
];

fn sort_schema() -> utoipa::openapi::Object {
    forecourt_domain::schema::optional_one_of(&SORTS.map(|(key, _)| key))
}

fn parse_sort(sort: Option<&str>) -> CoreResult<UserSort> {
    let wanted = sort.unwrap_or(SORTS[0].0);
    match SORTS.iter().find(|(key, _)| *key == wanted) {
        Some(&(_, sort)) => Ok(sort),
        None => Err(CoreError::invalid(
            FieldError::new(
                "sort",
                "invalid_value",
                "must be username, display_name or -created_at",
            )
            .with_param("allowed", SORTS.map(|(key, _)| key).to_vec()),
        )),
    }
}

impl Admin<'_> {
    pub async fn list_users(&self, actor: &Actor, query: UserQuery) -> CoreResult<Paged<UserView>> {
        let reach = actor.reach(Permission::UserRead)?;
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let filter = UserFilter {
            q: query.q,
            status: query.status.map(|s| s.as_str().to_owned()),
            role_key: query.role,
            team_id: query.team_id.map(TeamId::uuid),
        };
        let sort = parse_sort(query.sort.as_deref())?;
        let rows =
            users::list(self.db().conn(), actor.scope(), reach, &filter, sort, &page).await?;
        let now = self.now();
        Ok(Paged::from_page(page_or_bad_cursor(rows)?, |u| {
            UserView::new(actor, &u, now)
        }))
    }

    pub async fn get_user(&self, actor: &Actor, id: UserId) -> CoreResult<UserView> {
        let model = self.visible_user(self.db().conn(), actor, id).await?;
        Ok(UserView::new(actor, &model, self.now()))
    }

    /// The user, if it is in the actor's dealer and within the reach of `user:read`.
    async fn visible_user<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        id: UserId,
    ) -> CoreResult<user::Model> {
        // Resolve in the dealer first: another dealer's id is 404 whatever the permissions.
        let model = tenant::find::<user::Entity, _>(conn, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("user"))?;
        actor.require(Permission::UserRead)?;
        let visible = actor.reaches(
            Permission::UserRead,
            Some(UserId::from_uuid(model.id)),
            model.team_id.map(TeamId::from_uuid),
        );
        if visible {
            Ok(model)
        } else {
            Err(CoreError::not_found("user"))
        }
    }

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
        let updated = tenant::update::<user::Entity, _>(
            &*tx,
            actor.scope(),
            before.id,
            after,
            before.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("user", e))?;
        let entry = AuditEntry::action("user", "unlocked", Some(before.id)).change(
            "locked_until",
            before.locked_until.map(|t| t.to_rfc3339()),
            Value::Null,
        );
        audit::record(&*tx, actor, entry, now).await?;
        tx.commit().await?;
        Ok(UserView::new(actor, &updated, now))
    }

    /// A role may be given only if it exists in the dealer and grants nothing the giver does
    /// not hold (no one can hand out more power than they have).
    pub async fn check_assignable_role<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        role_key: &str,
        field: &str,
    ) -> CoreResult<Result<(), FieldError>> {
        let Some(grants) = role_grants(conn, actor.scope(), role_key).await? else {
            return Ok(Err(FieldError::new(
                field,
                "unknown_role",
                "is not a role of this dealer",
            )));
        };
        if !actor.grants().covers(&grants) {
            return Ok(Err(FieldError::new(
                field,
                "role_exceeds_own_permissions",
                "grants permissions you do not hold yourself",
            )));
        }
        Ok(Ok(()))
    }

    pub async fn check_team<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        team_id: TeamId,
    ) -> CoreResult<Result<(), FieldError>> {
        let team = tenant::find::<forecourt_db::entities::team::Entity, _>(
            conn,
            actor.scope(),
            team_id.uuid(),
        )
        .await?;
        Ok(match team {
            Some(_) => Ok(()),
            None => Err(FieldError::new(
                "team_id",
                "unknown_team",
                "is not a team of this dealer",
            )),
        })
    }

    async fn active_admin_count<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
    ) -> CoreResult<u64> {
        let filter = UserFilter {
            status: Some("active".into()),
            role_key: Some(BuiltinRole::Admin.key().into()),
            ..UserFilter::default()
        };
        let page = forecourt_db::PageRequest::first(2);
        let admins = users::list(
            conn,
            actor.scope(),
            forecourt_db::repo::Reach::Dealer,
            &filter,
            UserSort::Username,
            &page,
        )
        .await?;
        Ok(page_or_bad_cursor(admins)?.items.len() as u64)
    }
}

fn is_admin(user: &user::Model) -> bool {
    user.role_key == BuiltinRole::Admin.key()
}

fn username_taken() -> FieldError {
    FieldError::new("username", "taken", "is already in use")
}

/// Parses an optional text field: blank is `None`.
pub fn optional<T>(
    input: Option<&str>,
    parse: impl FnOnce(&str) -> Result<T, FieldError>,
) -> Result<Option<T>, FieldError> {
    match input.map(str::trim) {
        None | Some("") => Ok(None),
        Some(value) => parse(value).map(Some),
    }
}
