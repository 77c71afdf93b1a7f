//! Departments (sales, service, ...): the groups teams belong to.

use crate::Admin;
use chrono::{DateTime, Utc};
use forecourt_db::entities::department;
use forecourt_db::repo::{org, tenant};
use forecourt_domain::ids::{DealerId, DepartmentId};
use forecourt_domain::permission::Permission;
use forecourt_domain::username::NAME_MAX;
use forecourt_domain::username::parse_name;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct DepartmentView {
    /// The department's id (UUIDv7).
    pub id: DepartmentId,
    /// The dealer it belongs to.
    pub dealer_id: DealerId,
    /// The department's name (e.g. `销售部`).
    pub name: String,
    /// When it was created (UTC, RFC 3339).
    pub created_at: DateTime<Utc>,
    /// When it last changed (UTC, RFC 3339).
    pub updated_at: DateTime<Utc>,
    /// Its version; send it back with a change.
    pub version: i64,
}

impl From<&department::Model> for DepartmentView {
    fn from(m: &department::Model) -> Self {
        Self {
            id: DepartmentId::from_uuid(m.id),
            dealer_id: DealerId::from_uuid(m.dealer_id),
            name: m.name.clone(),
            created_at: m.created_at,
            updated_at: m.updated_at,
            version: m.version,
        }
    }
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewDepartment {
    /// The department's name, unique in the dealer; at most 64 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub name: String,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct DepartmentPatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// A new name; at most 64 characters. Absent keeps it.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub name: Option<String>,
}

impl Admin<'_> {
    /// The dealer's departments. Needs `department.read`.
    pub async fn list_departments(&self, actor: &Actor) -> CoreResult<Vec<DepartmentView>> {
        actor.require(Permission::DepartmentRead)?;
        let rows = org::list_departments(self.db().conn(), actor.scope()).await?;
        Ok(rows.iter().map(DepartmentView::from).collect())
    }

    /// One of the dealer's departments. Needs `department.read`; another dealer's department is
    /// 404.
    pub async fn get_department(
        &self,
        actor: &Actor,
        id: DepartmentId,
    ) -> CoreResult<DepartmentView> {
        let row = tenant::find::<department::Entity, _>(self.db().conn(), actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("department"))?;
        actor.require(Permission::DepartmentRead)?;
        Ok(DepartmentView::from(&row))
    }

    /// Creates a department. Needs `department.manage`; a name already used is 409 `already_exists`
    /// (field code `taken`).
    pub async fn create_department(
        &self,
        actor: &Actor,
        input: NewDepartment,
    ) -> CoreResult<DepartmentView> {
        actor.require(Permission::DepartmentManage)?;
        let name = parse_name("name", &input.name, NAME_MAX)?;
        let now = self.now();
        let model = department::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            name,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let tx = self.db().begin().await?;
        let created =
            tenant::insert::<department::Entity, _>(&*tx, actor.scope(), model.dealer_id, model)
                .await
                .map_err(CoreError::on_write("department", "name"))?;
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        tx.commit().await?;
        Ok(DepartmentView::from(&created))
    }

    /// Renames a department. Needs `department.manage`; another dealer's department is 404, a stale
    /// `version` 409 `version_conflict`, a name already used 409 `already_exists`.
    pub async fn update_department(
        &self,
        actor: &Actor,
        id: DepartmentId,
        patch: DepartmentPatch,
    ) -> CoreResult<DepartmentView> {
        let tx = self.db().begin().await?;
        let before = tenant::find::<department::Entity, _>(&*tx, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("department"))?;
        actor.require(Permission::DepartmentManage)?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict {
                entity: "department",
            });
        }
        let mut after = before.clone();
        if let Some(name) = &patch.name {
            after.name = parse_name("name", name, NAME_MAX)?;
        }
        let entry = AuditEntry::updated(&before, &after);
        let now = self.now();
        let Some(updated) = audit::update_if_changed::<department::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            CoreError::on_write("department", "name"),
        )
        .await?
        else {
            return Ok(DepartmentView::from(&before));
        };
        tx.commit().await?;
        Ok(DepartmentView::from(&updated))
    }

    /// Deletes a department no team belongs to.
    pub async fn delete_department(&self, actor: &Actor, id: DepartmentId) -> CoreResult<()> {
        let tx = self.db().begin().await?;
        let before = tenant::find::<department::Entity, _>(&*tx, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("department"))?;
        actor.require(Permission::DepartmentManage)?;
        let teams = org::department_team_count(&*tx, actor.scope(), before.id).await?;
        if teams > 0 {
            return Err(CoreError::InUse {
                detail: format!("{teams} teams still belong to the department; move them first"),
            });
        }
        tenant::delete::<department::Entity, _>(&*tx, actor.scope(), before.id).await?;
        audit::record(&*tx, actor, AuditEntry::deleted(&before), self.now()).await?;
        tx.commit().await?;
        Ok(())
    }
}
