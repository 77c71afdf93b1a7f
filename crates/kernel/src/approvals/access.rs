//! Who sees and who decides which request.

use super::registry::{ApprovalType, approval_type, approval_types};
use super::views::{ApprovalBox, ApprovalQuery};
use crate::auth::Actor;
use crate::auth::grants::role_grants;
use crate::error::{CoreError, CoreResult};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{approval_request, team, user};
use forecourt_db::repo::approvals::{self, ApprovalFilter, PENDING};
use forecourt_db::repo::tenant;
use forecourt_domain::ids::ApprovalRequestId;
use forecourt_domain::permission::{Permission, Scope};
use forecourt_domain::work::ApprovalStatus;
use uuid::Uuid;

/// The users who may decide a request of `requester` needing `permission` (never the requester).
pub async fn approvers<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    permission: Permission,
    requester: Uuid,
) -> CoreResult<Vec<user::Model>> {
    let users = approvals::active_users(conn, actor.scope()).await?;
    let requester_team = users
        .iter()
        .find(|u| u.id == requester)
        .and_then(|u| u.team_id);
    let mut found = Vec::new();
    for candidate in users {
        if candidate.id == requester {
            continue;
        }
        let grants = role_grants(conn, actor.scope(), &candidate.role_key)
            .await?
            .unwrap_or_default();
        let reaches = match grants.scope(permission) {
            Some(Scope::Dealer | Scope::Group) => true,
            Some(Scope::Team) => requester_team.is_some() && candidate.team_id == requester_team,
            _ => false,
        };
        if reaches {
            found.push(candidate);
        }
    }
    Ok(found)
}

/// Who manages a user: their team's leader, else whoever may decide approvals for them.
pub async fn managers<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    owner: &user::Model,
) -> CoreResult<Vec<Uuid>> {
    if let Some(team_id) = owner.team_id
        && let Some(team) = tenant::find::<team::Entity, _>(conn, actor.scope(), team_id).await?
        && let Some(leader) = team.leader_id.filter(|l| *l != owner.id)
    {
        return Ok(vec![leader]);
    }
    Ok(approvers(conn, actor, Permission::ApprovalDecide, owner.id)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect())
}

async fn requester_team<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    requester: Uuid,
) -> CoreResult<Option<Uuid>> {
    Ok(
        tenant::find::<user::Entity, _>(conn, actor.scope(), requester)
            .await?
            .and_then(|u| u.team_id),
    )
}

/// Whether the actor may decide this request (its permission, reaching the requester, not
/// their own).
pub async fn can_decide<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    kind: &ApprovalType,
    request: &approval_request::Model,
) -> CoreResult<bool> {
    if request.requester_id == actor.user_id().uuid() {
        return Ok(false);
    }
    Ok(match actor.grants().scope(kind.permission) {
        Some(Scope::Dealer | Scope::Group) => true,
        Some(Scope::Team) => {
            let team = requester_team(conn, actor, request.requester_id).await?;
            team.is_some() && team == actor.team_id().map(|t| t.uuid())
        }
        _ => false,
    })
}

/// The request, if the actor may see it: their own, one they may decide, or one of a requester
/// within their approval:read scope.
pub async fn request_for<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: ApprovalRequestId,
) -> CoreResult<approval_request::Model> {
    let found = crate::access::find_in_dealer::<approval_request::Entity, _>(
        conn,
        actor,
        id.uuid(),
        "approval",
    )
    .await?;
    let read = actor.require(Permission::ApprovalRead)?;
    if found.requester_id == actor.user_id().uuid() {
        return Ok(found);
    }
    if let Some(kind) = approval_type(&found.kind)
        && actor.can(kind.permission)
        && can_decide(conn, actor, kind, &found).await?
    {
        return Ok(found);
    }
    let visible = match read {
        Scope::Dealer | Scope::Group => true,
        Scope::Team => {
            let team = requester_team(conn, actor, found.requester_id).await?;
            team.is_some() && team == actor.team_id().map(|t| t.uuid())
        }
        Scope::Own => false,
    };
    if visible {
        Ok(found)
    } else {
        Err(CoreError::not_found("approval"))
    }
}

/// The kinds the actor may decide.
fn decidable_kinds(actor: &Actor) -> Vec<String> {
    approval_types()
        .filter(|t| actor.can(t.permission))
        .map(|t| t.kind.to_owned())
        .collect()
}

/// Pending requests the actor may decide. (Team-scoped deciders: requests of their team.)
pub fn waiting_filter(actor: &Actor) -> ApprovalFilter {
    let kinds = decidable_kinds(actor);
    let team_only = approval_types()
        .filter(|t| actor.can(t.permission))
        .all(|t| actor.grants().scope(t.permission) == Some(Scope::Team));
    ApprovalFilter {
        status: Some(PENDING.to_owned()),
        kinds_in: Some(kinds),
        not_requested_by: Some(actor.user_id().uuid()),
        requester_in: (team_only && !decidable_kinds(actor).is_empty()).then(|| {
            forecourt_db::repo::users::team_members_query(
                actor.scope(),
                actor.team_id().map(|t| t.uuid()),
            )
        }),
        ..ApprovalFilter::default()
    }
}

/// The rows a list shows.
pub fn filter_for(actor: &Actor, read: Scope, query: &ApprovalQuery) -> ApprovalFilter {
    let me = actor.user_id().uuid();
    let mut filter = match query.r#box.unwrap_or(ApprovalBox::All) {
        ApprovalBox::Mine => ApprovalFilter {
            requester_id: Some(me),
            ..ApprovalFilter::default()
        },
        ApprovalBox::Waiting => waiting_filter(actor),
        ApprovalBox::All => match read {
            Scope::Dealer | Scope::Group => ApprovalFilter::default(),
            Scope::Team => ApprovalFilter {
                requester_in: Some(forecourt_db::repo::users::team_members_query(
                    actor.scope(),
                    actor.team_id().map(|t| t.uuid()),
                )),
                or_requested_by: Some(me),
                ..ApprovalFilter::default()
            },
            Scope::Own => {
                let mut waiting = waiting_filter(actor);
                waiting.status = None;
                waiting.or_requested_by = Some(me);
                waiting
            }
        },
    };
    if let Some(status) = query.status {
        filter.status = Some(status.as_str().to_owned());
    } else if filter.status.is_none() {
        filter.status = None;
    }
    if let Some(kind) = &query.kind {
        filter.kind = Some(kind.clone());
    }
    let _ = ApprovalStatus::Pending;
    filter
}
