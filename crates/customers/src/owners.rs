//! Giving customers to another consultant: the owner column, an audit event and a timeline
//! entry per customer. Used by bulk assignment and by sales when a lead changes hands.

use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::customer;
use forecourt_db::repo::{customers, users};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use forecourt_kernel::timeline::TimelineEvent;
use serde_json::json;
use uuid::Uuid;

/// Moves the customers (those not already with `new_owner`) to `new_owner`, auditing each.
/// Returns how many changed and the timeline entries for the caller to record.
pub async fn change_owner<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    found: &[&customer::Model],
    new_owner: Option<Uuid>,
    now: DateTime<Utc>,
) -> CoreResult<(u64, Vec<TimelineEvent>)> {
    let scope = actor.scope();
    let moving: Vec<&customer::Model> = found
        .iter()
        .copied()
        .filter(|c| c.owner_id != new_owner)
        .collect();
    let moving_ids: Vec<Uuid> = moving.iter().map(|c| c.id).collect();
    let changed = customers::set_owner(conn, scope, &moving_ids, new_owner, now).await?;
    let named: Vec<Uuid> = moving
        .iter()
        .filter_map(|c| c.owner_id)
        .chain(new_owner)
        .collect();
    let people = users::find_many(conn, scope, &named).await?;
    let name_of = |id: Option<Uuid>| {
        id.and_then(|id| people.iter().find(|u| u.id == id))
            .map(|u| u.display_name.clone())
    };
    let mut events = Vec::with_capacity(moving.len());
    for c in moving {
        let entry = AuditEntry::action("customer", "owner_changed", Some(c.id)).change(
            "owner_id",
            c.owner_id.map(|o| o.to_string()),
            new_owner.map(|o| o.to_string()),
        );
        audit::record(conn, actor, entry, now).await?;
        events.push(TimelineEvent::new(
            c.id,
            "owner.changed",
            json!({"from": name_of(c.owner_id), "to": name_of(new_owner)}),
        ));
    }
    Ok((changed, events))
}
