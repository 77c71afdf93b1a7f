//! Teams: a lead, members (users point at their team) and an optional department.

use crate::Admin;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{department, team, user};
use forecourt_db::repo::{Reach, org, tenant};
use forecourt_domain::ids::{DealerId, DepartmentId, TeamId, UserId};
use forecourt_domain::patch::double_option;
use forecourt_domain::permission::Permission;
use forecourt_domain::username::NAME_MAX;
use forecourt_domain::username::parse_name;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TeamView {
    /// The team's id (UUIDv7).
    pub id: TeamId,
    /// The dealer the team belongs to.
    pub dealer_id: DealerId,
    /// The team's name (e.g. `销售一组`).
    pub name: String,
    /// The department it belongs to, if any.
    pub department_id: Option<DepartmentId>,
    /// The team leader, if any; alarms about overdue tasks of the team escalate to them.
    pub leader_id: Option<UserId>,
    /// When the team was created (UTC, RFC 3339).
    pub created_at: DateTime<Utc>,
    /// When the team last changed (UTC, RFC 3339).
    pub updated_at: DateTime<Utc>,
    /// Its version; send it back with a change.
    pub version: i64,
}

impl From<&team::Model> for TeamView {
    fn from(m: &team::Model) -> Self {
        Self {
            id: TeamId::from_uuid(m.id),
            dealer_id: DealerId::from_uuid(m.dealer_id),
            name: m.name.clone(),
            department_id: m.department_id.map(DepartmentId::from_uuid),
            leader_id: m.leader_id.map(UserId::from_uuid),
            created_at: m.created_at,
            updated_at: m.updated_at,
            version: m.version,
        }
    }
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewTeam {
    /// The team's name, unique in the dealer; at most 64 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub name: String,
    /// The department it belongs to (one of the dealer's).
    pub department_id: Option<DepartmentId>,
    /// The team leader (a user of the dealer).
    pub leader_id: Option<UserId>,
}

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct TeamPatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// A new name; at most 64 characters. Absent keeps it.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub name: Option<String>,
    /// The department it belongs to. Absent keeps it; `null` takes the team out of its department.
    #[serde(default, deserialize_with = "double_option")]
    pub department_id: Option<Option<DepartmentId>>,
    /// The team leader. Absent keeps them; `null` leaves the team without a leader.
    #[serde(default, deserialize_with = "double_option")]
    pub leader_id: Option<Option<UserId>>,
}

impl Admin<'_> {
    /// The teams the actor may see: all of the dealer's, or only their own team.
    pub async fn list_teams(&self, actor: &Actor) -> CoreResult<Vec<TeamView>> {
        let reach = actor.reach(Permission::TeamRead)?;
        let teams = org::list_teams(self.db().conn(), actor.scope()).await?;
        Ok(teams
            .iter()
            .filter(|t| match reach {
                Reach::Dealer => true,
                Reach::Team { team_id, .. } => team_id == Some(t.id),
                Reach::Own { .. } => actor.team_id().map(TeamId::uuid) == Some(t.id),
            })
            .map(TeamView::from)
            .collect())
    }

    /// One team. Needs `team.read`: with dealer scope any of the dealer's teams, else only the
    /// caller's own team; others are 404.
    pub async fn get_team(&self, actor: &Actor, id: TeamId) -> CoreResult<TeamView> {
        let team = self.visible_team(self.db().conn(), actor, id).await?;
        Ok(TeamView::from(&team))
    }

    async fn visible_team<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        id: TeamId,
    ) -> CoreResult<team::Model> {
        let team = tenant::find::<team::Entity, _>(conn, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("team"))?;
        let reach = actor.reach(Permission::TeamRead)?;
        let visible = reach == Reach::Dealer || actor.team_id() == Some(id);
        if visible {
            Ok(team)
        } else {
            Err(CoreError::not_found("team"))
        }
    }

    /// Creates a team, optionally in a department and with a leader. Needs `team.manage`; a name
    /// already used is 409 `already_exists` (field code `taken`), an unknown department or leader
    /// 422.
    pub async fn create_team(&self, actor: &Actor, input: NewTeam) -> CoreResult<TeamView> {
        actor.require(Permission::TeamManage)?;
        let mut errors = FieldErrors::new();
        let name = errors.check(parse_name("name", &input.name, NAME_MAX));
        let conn = self.db().conn();
        if let Some(department_id) = input.department_id {
            errors.check(check_department(conn, actor, department_id).await?);
        }
        if let Some(leader_id) = input.leader_id {
            errors.check(check_leader(conn, actor, leader_id).await?);
        }
        errors.finish()?;
        let name = name.unwrap_or_default();
        let now = self.now();
        let model = team::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            department_id: input.department_id.map(DepartmentId::uuid),
            name,
            leader_id: input.leader_id.map(UserId::uuid),
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let tx = self.db().begin().await?;
        let created =
            tenant::insert::<team::Entity, _>(&*tx, actor.scope(), model.dealer_id, model)
                .await
                .map_err(CoreError::on_write("team", "name"))?;
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        tx.commit().await?;
        Ok(TeamView::from(&created))
    }

    /// Renames a team or changes its department or leader. Needs `team.manage`; another dealer's
    /// team is 404, a stale `version` 409 `version_conflict`, a name already used 409
    /// `already_exists`.
    pub async fn update_team(
        &self,
        actor: &Actor,
        id: TeamId,
        patch: TeamPatch,
    ) -> CoreResult<TeamView> {
        let tx = self.db().begin().await?;
        let before = tenant::find::<team::Entity, _>(&*tx, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("team"))?;
        actor.require(Permission::TeamManage)?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict { entity: "team" });
        }
        let mut after = before.clone();
        let mut errors = FieldErrors::new();
        if let Some(name) = &patch.name
            && let Some(name) = errors.check(parse_name("name", name, NAME_MAX))
        {
            after.name = name;
        }
        if let Some(department_id) = patch.department_id {
            if let Some(department_id) = department_id {
                errors.check(check_department(&*tx, actor, department_id).await?);
            }
            after.department_id = department_id.map(DepartmentId::uuid);
        }
        if let Some(leader_id) = patch.leader_id {
            if let Some(leader_id) = leader_id {
                errors.check(check_leader(&*tx, actor, leader_id).await?);
            }
            after.leader_id = leader_id.map(UserId::uuid);
        }
        errors.finish()?;
        let entry = AuditEntry::updated(&before, &after);
        let now = self.now();
        let Some(updated) = audit::update_if_changed::<team::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            CoreError::on_write("team", "name"),
        )
        .await?
        else {
            return Ok(TeamView::from(&before));
        };
        tx.commit().await?;
        Ok(TeamView::from(&updated))
    }

    /// Deletes an empty team; a team with members is in use.
    pub async fn delete_team(&self, actor: &Actor, id: TeamId) -> CoreResult<()> {
        let tx = self.db().begin().await?;
        let before = tenant::find::<team::Entity, _>(&*tx, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("team"))?;
        actor.require(Permission::TeamManage)?;
        let members = org::team_member_count(&*tx, actor.scope(), before.id).await?;
        if members > 0 {
            return Err(CoreError::InUse {
                detail: format!("the team still has {members} members; move them first"),
            });
        }
        tenant::delete::<team::Entity, _>(&*tx, actor.scope(), before.id).await?;
        audit::record(&*tx, actor, AuditEntry::deleted(&before), self.now()).await?;
        tx.commit().await?;
        Ok(())
    }
}

async fn check_department<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: DepartmentId,
) -> CoreResult<Result<(), FieldError>> {
    let found = tenant::find::<department::Entity, _>(conn, actor.scope(), id.uuid()).await?;
    Ok(found.map(|_| ()).ok_or_else(|| {
        FieldError::new(
            "department_id",
            "unknown_department",
            "is not a department of this dealer",
        )
    }))
}

async fn check_leader<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: UserId,
) -> CoreResult<Result<(), FieldError>> {
    let found = tenant::find::<user::Entity, _>(conn, actor.scope(), id.uuid()).await?;
    Ok(found.map(|_| ()).ok_or_else(|| {
        FieldError::new("leader_id", "unknown_user", "is not a user of this dealer")
    }))
}
