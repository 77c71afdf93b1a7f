//! Roles: the built-in ones (read-only, defined in code) and the dealer's custom roles, made by
//! admins from the permission catalog.

use crate::Admin;
use forecourt_db::entities::role;
use forecourt_db::repo::{roles, tenant, users};
use forecourt_domain::ids::RoleId;
use forecourt_domain::patch::double_option;
use forecourt_domain::permission::{Grant, GrantSet, Permission, Scope};
use forecourt_domain::role::{BuiltinRole, check_grants, parse_custom_role_key};
use forecourt_domain::username::{NAME_MAX, REMARK_MAX};
use forecourt_domain::username::{parse_name, parse_optional_text};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::auth::grants::{grants_to_json, parse_grants};
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// One permission of the catalog, for building the resource × action grid.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PermissionInfo {
    /// The permission's key (`resource.action`).
    pub key: Permission,
    /// The resource it is about (e.g. `customer`).
    pub resource: &'static str,
    /// What it allows on the resource (e.g. `read`).
    pub action: &'static str,
    /// The scopes it can be granted at, narrowest first.
    pub scopes: Vec<Scope>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RoleView {
    /// The role's key: a built-in role's (e.g. `sales_consultant`) or a custom one's.
    pub key: String,
    /// A custom role's name; built-in roles are named by the UI from their key.
    pub name: Option<String>,
    /// What the role is for, for a custom role.
    pub description: Option<String>,
    /// Whether it is a built-in role (read-only).
    pub builtin: bool,
    /// The permissions it grants, with their scopes.
    pub grants: Vec<Grant>,
    /// Custom roles only.
    pub id: Option<RoleId>,
    /// Custom roles only: send it back when updating.
    pub version: Option<i64>,
}

impl RoleView {
    fn builtin(role: BuiltinRole) -> Self {
        Self {
            key: role.key().to_owned(),
            name: None,
            description: None,
            builtin: true,
            grants: role.grants().to_vec(),
            id: None,
            version: None,
        }
    }

    fn custom(model: &role::Model) -> Self {
        Self {
            key: model.key.clone(),
            name: Some(model.name.clone()),
            description: model.description.clone(),
            builtin: false,
            grants: parse_grants(&model.grants).to_vec(),
            id: Some(RoleId::from_uuid(model.id)),
            version: Some(model.version),
        }
    }
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewRole {
    /// 2-32 characters of a-z, 0-9 and _, not a built-in role's key.
    #[schema(schema_with = forecourt_domain::schema::key)]
    pub key: String,
    /// The role's name; at most 64 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub name: String,
    /// What the role is for; at most 500 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REMARK_MAX }>)]
    pub description: Option<String>,
    /// The permissions it grants, with their scopes: at most what the caller holds.
    pub grants: Vec<Grant>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct RolePatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// A new name; at most 64 characters. Absent keeps it.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub name: Option<String>,
    /// What the role is for, at most 500 characters. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REMARK_MAX }>)]
    pub description: Option<Option<String>>,
    /// The permissions it grants, replacing the whole list (at most what the caller holds). Absent
    /// keeps them.
    pub grants: Option<Vec<Grant>>,
}

/// Every permission Forecourt knows, in catalog order.
pub fn permission_catalog() -> Vec<PermissionInfo> {
    Permission::ALL
        .iter()
        .map(|p| PermissionInfo {
            key: *p,
            resource: p.resource(),
            action: p.action(),
            scopes: p.allowed_scopes().to_vec(),
        })
        .collect()
}

impl Admin<'_> {
    /// Every role of the dealer: the built-in ones and the dealer's custom roles. Needs
    /// `role.read`.
    pub async fn list_roles(&self, actor: &Actor) -> CoreResult<Vec<RoleView>> {
        actor.require(Permission::RoleRead)?;
        let custom = roles::list(self.db().conn(), actor.scope()).await?;
        Ok(BuiltinRole::ALL
            .into_iter()
            .map(RoleView::builtin)
            .chain(custom.iter().map(RoleView::custom))
            .collect())
    }

    /// One role by key, built-in or custom. Needs `role.read`; an unknown key is 404.
    pub async fn get_role(&self, actor: &Actor, key: &str) -> CoreResult<RoleView> {
        actor.require(Permission::RoleRead)?;
        if let Some(builtin) = BuiltinRole::from_key(key) {
            return Ok(RoleView::builtin(builtin));
        }
        let model = roles::find_by_key(self.db().conn(), actor.scope(), key)
            .await?
            .ok_or(CoreError::not_found("role"))?;
        Ok(RoleView::custom(&model))
    }

    /// Creates a custom role. Needs `role.manage`; granting a permission the caller does not hold
    /// is 422 (field code `role_exceeds_own_permissions`), a key already used 409 `already_exists`.
    pub async fn create_role(&self, actor: &Actor, input: NewRole) -> CoreResult<RoleView> {
        actor.require(Permission::RoleManage)?;
        let mut errors = FieldErrors::new();
        let key = errors.check(parse_custom_role_key("key", &input.key));
        let name = errors.check(parse_name("name", &input.name, NAME_MAX));
        let description = errors.check(parse_optional_text(
            "description",
            input.description.as_deref(),
            REMARK_MAX,
        ));
        let grants = errors.check(grantable(actor, &input.grants));
        errors.finish()?;
        let (Some(key), Some(name), Some(description), Some(grants)) =
            (key, name, description, grants)
        else {
            unreachable!("every None recorded an error");
        };
        let now = self.now();
        let model = role::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            key,
            name,
            description,
            grants: grants_to_json(&grants),
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let tx = self.db().begin().await?;
        let created =
            tenant::insert::<role::Entity, _>(&*tx, actor.scope(), model.dealer_id, model)
                .await
                .map_err(CoreError::on_write("role", "key"))?;
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        tx.commit().await?;
        Ok(RoleView::custom(&created))
    }

    /// Edits a custom role. Needs `role.manage`; a built-in role is 422 (field code
    /// `builtin_role_read_only`), a stale `version` 409 `version_conflict`, granting more than the
    /// caller holds 422.
    pub async fn update_role(
        &self,
        actor: &Actor,
        key: &str,
        patch: RolePatch,
    ) -> CoreResult<RoleView> {
        actor.require(Permission::RoleManage)?;
        if BuiltinRole::from_key(key).is_some() {
            return Err(builtin_read_only());
        }
        let tx = self.db().begin().await?;
        let before = roles::find_by_key(&*tx, actor.scope(), key)
            .await?
            .ok_or(CoreError::not_found("role"))?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict { entity: "role" });
        }
        let mut after = before.clone();
        let mut errors = FieldErrors::new();
        if let Some(name) = &patch.name
            && let Some(name) = errors.check(parse_name("name", name, NAME_MAX))
        {
            after.name = name;
        }
        if let Some(description) = &patch.description {
            let parsed = parse_optional_text("description", description.as_deref(), REMARK_MAX);
            if let Some(description) = errors.check(parsed) {
                after.description = description;
            }
        }
        if let Some(grants) = &patch.grants
            && let Some(grants) = errors.check(grantable(actor, grants))
        {
            after.grants = grants_to_json(&grants);
        }
        errors.finish()?;
        let entry = AuditEntry::updated(&before, &after);
        let now = self.now();
        let Some(updated) = audit::update_if_changed::<role::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            |e| CoreError::from_db("role", e),
        )
        .await?
        else {
            return Ok(RoleView::custom(&before));
        };
        tx.commit().await?;
        Ok(RoleView::custom(&updated))
    }

    /// Deletes a custom role no user holds.
    pub async fn delete_role(&self, actor: &Actor, key: &str) -> CoreResult<()> {
        actor.require(Permission::RoleManage)?;
        if BuiltinRole::from_key(key).is_some() {
            return Err(builtin_read_only());
        }
        let tx = self.db().begin().await?;
        let before = roles::find_by_key(&*tx, actor.scope(), key)
            .await?
            .ok_or(CoreError::not_found("role"))?;
        let holders = users::count_with_role(&*tx, actor.scope(), key).await?;
        if holders > 0 {
            return Err(CoreError::InUse {
                detail: format!("{holders} users hold the role; give them another role first"),
            });
        }
        tenant::delete::<role::Entity, _>(&*tx, actor.scope(), before.id).await?;
        audit::record(&*tx, actor, AuditEntry::deleted(&before), self.now()).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The grants of a role being made by `actor`: valid scopes, and nothing beyond the actor's own.
fn grantable(actor: &Actor, grants: &[Grant]) -> Result<GrantSet, FieldError> {
    let set = check_grants("grants", grants)?;
    if !actor.grants().covers(&set) {
        return Err(FieldError::new(
            "grants",
            "role_exceeds_own_permissions",
            "grants permissions you do not hold yourself",
        ));
    }
    Ok(set)
}

fn builtin_read_only() -> CoreError {
    CoreError::invalid(FieldError::new(
        "key",
        "builtin_role_read_only",
        "built-in roles cannot be changed; make a custom role instead",
    ))
}
