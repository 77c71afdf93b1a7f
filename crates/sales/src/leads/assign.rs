//! Giving leads to consultants: by hand (one or many), or by the dealer's rules when a lead
//! comes in (round-robin within a team, the least loaded consultant, or by model line).

use super::access::lead_for;
use super::views::{LeadView, lead_views};
use super::write::follow_lead_owner;
use crate::Sales;
use crate::follow_up_tasks;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{lead, sales_setting, user};
use forecourt_db::repo::{leads, sales, tenant, users};
use forecourt_domain::ids::{LeadId, UserId};
use forecourt_domain::permission::{Permission, Scope};
use forecourt_domain::sales::AssignmentMode;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::auth::grants::role_grants;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;

pub const MAX_BULK: usize = 500;

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct LeadAssignment {
    /// The lead's version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// The consultant; `null` leaves the lead unassigned.
    pub owner_id: Option<UserId>,
    /// Hand the lead to the marketing pool (no owner).
    #[serde(default)]
    pub to_marketing: bool,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct BulkAssign {
    /// At most 500.
    pub ids: Vec<LeadId>,
    /// The consultant to give every lead to (an active user the caller may assign to); `null`
    /// leaves them unassigned.
    pub owner_id: Option<UserId>,
    /// Hand the leads to the marketing pool (no owner); not with `owner_id`.
    #[serde(default)]
    pub to_marketing: bool,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BulkAssignOutcome {
    /// Leads that changed hands.
    pub assigned: u64,
    /// Leads left alone: not found, out of reach, or already with that owner.
    pub skipped: u64,
}

/// Whether a user's role lets them work leads.
async fn works_leads<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    user: &user::Model,
) -> CoreResult<bool> {
    Ok(role_grants(conn, actor.scope(), &user.role_key)
        .await?
        .is_some_and(|g| g.has(Permission::LeadUpdate)))
}

/// Checks a lead's new owner: giving a lead to someone else needs `lead:assign` (at team
/// scope, within one's team); the owner must be an active user whose role works leads.
pub async fn check_new_owner<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    errors: &mut FieldErrors,
    field: &str,
    owner: UserId,
) -> CoreResult<Option<user::Model>> {
    let Some(found) = tenant::find::<user::Entity, _>(conn, actor.scope(), owner.uuid())
        .await?
        .filter(|u| u.status == "active")
    else {
        errors.push(FieldError::new(
            field,
            "unknown_user",
            "is not an active user of this dealer",
        ));
        return Ok(None);
    };
    if owner != actor.user_id() {
        let scope = actor.require(Permission::LeadAssign)?;
        if scope == Scope::Team
            && (actor.team_id().is_none() || found.team_id != actor.team_id().map(|t| t.uuid()))
        {
            errors.push(FieldError::new(
                field,
                "outside_team",
                "is not a member of your team",
            ));
        }
    }
    if !works_leads(conn, actor, &found).await? {
        errors.push(FieldError::new(
            field,
            "cannot_own_leads",
            "has a role that does not work leads",
        ));
    }
    Ok(Some(found))
}

/// The consultants of a team who work leads, in a stable order.
async fn team_consultants<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    team: Uuid,
) -> CoreResult<Vec<Uuid>> {
    let mut out = Vec::new();
    for member in users::active_in_team(conn, actor.scope(), team).await? {
        if works_leads(conn, actor, &member).await? {
            out.push(member.id);
        }
    }
    Ok(out)
}

/// The next consultant in turn: the one after whoever got the latest lead.
async fn in_turn<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    members: &[Uuid],
) -> CoreResult<Option<Uuid>> {
    let Some(first) = members.first() else {
        return Ok(None);
    };
    let last = leads::latest_owner_among(conn, actor.scope(), members).await?;
    Ok(Some(
        match last.and_then(|l| members.iter().position(|m| *m == l)) {
            Some(i) => members[(i + 1) % members.len()],
            None => *first,
        },
    ))
}

/// The consultant with the fewest open leads (ties: the stable order).
async fn least_loaded<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    members: &[Uuid],
) -> CoreResult<Option<Uuid>> {
    let load = leads::open_count_by_owner(conn, actor.scope(), members).await?;
    Ok(members
        .iter()
        .copied()
        .min_by_key(|m| load.get(m).copied().unwrap_or(0)))
}

/// The owner the dealer's rules give a new lead (None: it waits to be assigned by hand).
pub async fn choose_owner<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    settings: &sales_setting::Model,
    series: Option<Uuid>,
) -> CoreResult<Option<Uuid>> {
    let mode: AssignmentMode = settings
        .assignment_mode
        .parse()
        .unwrap_or(AssignmentMode::Manual);
    if mode != AssignmentMode::Manual {
        // Whose turn it is (or who has the fewest leads) and giving them the lead are one step:
        // leads arriving together are shared out, not all given to the same consultant.
        forecourt_db::repo::locks::lock_keys(conn, actor.scope(), &[("lead_assignment", "turn")])
            .await?;
    }
    let team_turn = |team: Option<Uuid>| async move {
        match team {
            Some(team) => in_turn(conn, actor, &team_consultants(conn, actor, team).await?).await,
            None => Ok(None),
        }
    };
    match mode {
        AssignmentMode::Manual => Ok(None),
        AssignmentMode::RoundRobin => team_turn(settings.assignment_team_id).await,
        AssignmentMode::Load => match settings.assignment_team_id {
            Some(team) => {
                least_loaded(conn, actor, &team_consultants(conn, actor, team).await?).await
            }
            None => Ok(None),
        },
        AssignmentMode::ModelLine => {
            let rule = match series {
                Some(series) => {
                    sales::assignment_rule_for_series(conn, actor.scope(), series).await?
                }
                None => None,
            };
            match rule {
                Some(rule) if rule.user_id.is_some() => {
                    let user = tenant::find::<user::Entity, _>(
                        conn,
                        actor.scope(),
                        rule.user_id.unwrap_or_default(),
                    )
                    .await?
                    .filter(|u| u.status == "active");
                    match user {
                        Some(u) => Ok(Some(u.id)),
                        None => team_turn(settings.assignment_team_id).await,
                    }
                }
                Some(rule) => team_turn(rule.team_id).await,
                None => team_turn(settings.assignment_team_id).await,
            }
        }
    }
}

/// Moves one lead (already checked) to a new owner or pool, with audit and timeline.
pub async fn move_lead<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    before: &lead::Model,
    owner: Option<Uuid>,
    pool: Option<&str>,
    now: DateTime<Utc>,
) -> CoreResult<lead::Model> {
    let mut after = before.clone();
    after.owner_id = owner;
    after.pool = pool.map(str::to_owned);
    if owner.is_none() {
        after.follow_up_activity_id = None;
    }
    follow_up_tasks::follow_owner(conn, actor, before.follow_up_activity_id, owner, now).await?;
    let entry = AuditEntry::action("lead", "assigned", Some(before.id))
        .change(
            "owner_id",
            before.owner_id.map(|o| o.to_string()),
            owner.map(|o| o.to_string()),
        )
        .change("pool", before.pool.clone(), after.pool.clone());
    let saved = audit::save::<lead::Entity, _>(conn, actor, before, after, entry, now, |e| {
        CoreError::from_db("lead", e)
    })
    .await?;
    let people = users::find_many(
        conn,
        actor.scope(),
        &before.owner_id.into_iter().chain(owner).collect::<Vec<_>>(),
    )
    .await?;
    let name = |id: Option<Uuid>| {
        id.and_then(|id| people.iter().find(|u| u.id == id))
            .map(|u| u.display_name.clone())
    };
    timeline::record(
        conn,
        actor,
        vec![
            TimelineEvent::new(
                before.customer_id,
                "lead.assigned",
                json!({"from": name(before.owner_id), "to": name(owner), "pool": saved.pool}),
            )
            .about("lead", before.id),
        ],
        now,
    )
    .await?;
    follow_lead_owner(conn, actor, before.customer_id, before.owner_id, owner, now).await?;
    if owner.is_some() && owner != before.owner_id {
        let customer = follow_up_tasks::customer_name(conn, actor, before.customer_id).await?;
        follow_up_tasks::notify_new_owner(conn, actor, &saved, &customer, now).await?;
    }
    Ok(saved)
}

impl Sales<'_> {
    /// Gives a lead to a consultant, leaves it unassigned, or hands it to the marketing pool. Needs
    /// `lead.assign` reaching the lead's owner (else 404); a stale `version` is 409
    /// `version_conflict`, an owner who is not an active user within the caller's team or dealer a
    /// 422 field error.
    pub async fn assign_lead(
        &self,
        actor: &Actor,
        id: LeadId,
        input: LeadAssignment,
    ) -> CoreResult<LeadView> {
        let tx = self.db().begin().await?;
        let before = lead_for(&*tx, actor, id, Permission::LeadAssign).await?;
        if before.version != input.version {
            return Err(CoreError::VersionConflict { entity: "lead" });
        }
        let mut errors = FieldErrors::new();
        if let Some(owner) = input.owner_id {
            check_new_owner(&*tx, actor, &mut errors, "owner_id", owner).await?;
            if input.to_marketing {
                errors.push(FieldError::new(
                    "to_marketing",
                    "one_of",
                    "a lead in the marketing pool has no owner",
                ));
            }
        }
        errors.finish()?;
        let now = self.now();
        let owner = input.owner_id.map(UserId::uuid);
        let pool = input.to_marketing.then_some("marketing");
        let saved = if before.owner_id == owner && before.pool.as_deref() == pool {
            before
        } else {
            move_lead(&*tx, actor, &before, owner, pool, now).await?
        };
        let view = lead_views(&*tx, actor, now, std::slice::from_ref(&saved))
            .await?
            .pop()
            .ok_or(CoreError::not_found("lead"))?;
        tx.commit().await?;
        Ok(view)
    }

    /// Gives up to 500 leads to one consultant (or nobody, or the marketing pool) in one go. Needs
    /// `lead.assign`; leads the caller cannot reach, or that already sit there, are skipped and
    /// counted, not refused.
    pub async fn bulk_assign_leads(
        &self,
        actor: &Actor,
        input: BulkAssign,
    ) -> CoreResult<BulkAssignOutcome> {
        actor.require(Permission::LeadAssign)?;
        if input.ids.is_empty() || input.ids.len() > MAX_BULK {
            return Err(CoreError::invalid(
                FieldError::new(
                    "ids",
                    "out_of_range",
                    format!("select 1 to {MAX_BULK} leads"),
                )
                .with_param("max", MAX_BULK),
            ));
        }
        let tx = self.db().begin().await?;
        let mut errors = FieldErrors::new();
        if let Some(owner) = input.owner_id {
            check_new_owner(&*tx, actor, &mut errors, "owner_id", owner).await?;
            if input.to_marketing {
                errors.push(FieldError::new(
                    "to_marketing",
                    "one_of",
                    "a lead in the marketing pool has no owner",
                ));
            }
        }
        errors.finish()?;
        let owner = input.owner_id.map(UserId::uuid);
        let pool = input.to_marketing.then_some("marketing");
        let now = self.now();
        let mut ids = input.ids.clone();
        ids.sort_unstable_by_key(|id| id.uuid());
        ids.dedup();
        let mut outcome = BulkAssignOutcome {
            assigned: 0,
            skipped: (input.ids.len() - ids.len()) as u64,
        };
        for id in ids {
            match lead_for(&*tx, actor, id, Permission::LeadAssign).await {
                Ok(lead) if lead.owner_id != owner || lead.pool.as_deref() != pool => {
                    move_lead(&*tx, actor, &lead, owner, pool, now).await?;
                    outcome.assigned += 1;
                }
                Ok(_) | Err(CoreError::NotFound { .. }) => outcome.skipped += 1,
                Err(other) => return Err(other),
            }
        }
        tx.commit().await?;
        Ok(outcome)
    }
}
