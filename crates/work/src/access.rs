//! Who may see and change which activity, and how activities are shown.

use super::types::{ActivityView, PersonRef};
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{activity, user};
use forecourt_db::repo::{activities, customers, tenant, users};
use forecourt_domain::ids::{ActivityId, ApprovalRequestId, CustomerId, UserId};
use forecourt_domain::permission::Permission;
use forecourt_domain::work::{ActivityKind, ActivityStatus, MessageChannel, is_overdue};
use forecourt_kernel::access::{find_in_dealer, holder_reached};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use std::collections::HashMap;
use uuid::Uuid;

/// The activity, if the actor may act on it with `permission`: another dealer's is 404, then
/// the permission (403), then the scope by owner (participants may read) (404).
pub async fn activity_for<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: ActivityId,
    permission: Permission,
) -> CoreResult<activity::Model> {
    let found = find_in_dealer::<activity::Entity, _>(conn, actor, id.uuid(), "activity").await?;
    actor.require(permission)?;
    let owner = tenant::find::<user::Entity, _>(conn, actor.scope(), found.owner_id).await?;
    let mut allowed = holder_reached(actor, &[permission], owner.as_ref());
    if !allowed && permission == Permission::ActivityRead {
        let participants = activities::participants(conn, actor.scope(), &[found.id]).await?;
        allowed = participants
            .iter()
            .any(|p| p.user_id == actor.user_id().uuid());
    }
    if !allowed {
        return Err(CoreError::not_found("activity"));
    }
    Ok(found)
}

pub async fn views<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    rows: Vec<activity::Model>,
    now: DateTime<Utc>,
) -> CoreResult<Vec<ActivityView>> {
    let ids: Vec<Uuid> = rows.iter().map(|a| a.id).collect();
    let participants = activities::participants(conn, actor.scope(), &ids).await?;
    let mut people: Vec<Uuid> = rows
        .iter()
        .map(|a| a.owner_id)
        .chain(participants.iter().map(|p| p.user_id))
        .collect();
    people.sort_unstable();
    people.dedup();
    let people: HashMap<Uuid, String> = users::find_many(conn, actor.scope(), &people)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    let mut customer_ids: Vec<Uuid> = rows.iter().filter_map(|a| a.customer_id).collect();
    customer_ids.sort_unstable();
    customer_ids.dedup();
    let names: HashMap<Uuid, String> = customers::find_many(conn, actor.scope(), &customer_ids)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let person = |id: Uuid| PersonRef {
        id: UserId::from_uuid(id),
        display_name: people.get(&id).cloned().unwrap_or_default(),
    };
    Ok(rows
        .into_iter()
        .map(|a| {
            let status = ActivityStatus::parse(&a.status).unwrap_or(ActivityStatus::Planned);
            ActivityView {
                id: ActivityId::from_uuid(a.id),
                kind: ActivityKind::parse(&a.kind).unwrap_or(ActivityKind::Task),
                overdue: is_overdue(status, a.deadline_at, now),
                participants: participants
                    .iter()
                    .filter(|p| p.activity_id == a.id)
                    .map(|p| person(p.user_id))
                    .collect(),
                owner: person(a.owner_id),
                customer_name: a.customer_id.and_then(|c| names.get(&c).cloned()),
                customer_id: a.customer_id.map(CustomerId::from_uuid),
                subject: forecourt_kernel::texts::stored(
                    a.subject_text.as_ref(),
                    &a.subject,
                    actor.locale(),
                ),
                notes: a.notes,
                outcome: a.outcome,
                ref_type: a.ref_type,
                ref_id: a.ref_id,
                starts_at: a.starts_at,
                ends_at: a.ends_at,
                due_at: a.due_at,
                status,
                remind_minutes_before: a.remind_minutes_before,
                customer_reminder_channel: a
                    .customer_reminder_channel
                    .as_deref()
                    .and_then(MessageChannel::parse),
                cancel_needs_approval: a.cancel_needs_approval,
                completion_locked: a.completion_locked,
                pending_approval_id: a.pending_approval_id.map(ApprovalRequestId::from_uuid),
                completed_at: a.completed_at,
                cancelled_at: a.cancelled_at,
                created_at: a.created_at,
                version: a.version,
            }
        })
        .collect())
}

pub async fn view<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    row: activity::Model,
    now: DateTime<Utc>,
) -> CoreResult<ActivityView> {
    Ok(views(conn, actor, vec![row], now)
        .await?
        .pop()
        .expect("one view per row"))
}
