//! The customer timeline's write side: the extension point every module writes to.
//!
//! A module that does something to or for a customer (registers a car, logs a visit, books a
//! test drive, opens a repair order) appends an entry with [`record`] in the transaction of its
//! change; the customers module's 360° page reads them back newest first. `kind` is
//! `area.event` (`vehicle.added`), declared by the module in
//! [`Module::timeline_kinds`](crate::module::Module::timeline_kinds); `data` holds what the UI
//! needs to render the entry in any language.

use crate::auth::{Actor, ActorKind};
use crate::error::CoreResult;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::customer_event;
use forecourt_db::repo::timeline;
use serde_json::Value;
use uuid::Uuid;

/// An entry about to be written.
#[derive(Clone, Debug)]
pub struct TimelineEvent {
    pub customer_id: Uuid,
    pub kind: &'static str,
    pub data: Value,
    /// The record the entry is about (`vehicle`, id), for a link.
    pub reference: Option<(&'static str, Uuid)>,
}

impl TimelineEvent {
    pub fn new(customer_id: Uuid, kind: &'static str, data: Value) -> Self {
        Self {
            customer_id,
            kind,
            data,
            reference: None,
        }
    }

    pub fn about(mut self, ref_type: &'static str, ref_id: Uuid) -> Self {
        self.reference = Some((ref_type, ref_id));
        self
    }
}

/// Appends entries, attributed to the actor, at `at`.
pub async fn record<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    events: Vec<TimelineEvent>,
    at: DateTime<Utc>,
) -> CoreResult<()> {
    let actor_id = (actor.kind() != ActorKind::System).then(|| actor.user_id().uuid());
    let rows = events
        .into_iter()
        .map(|e| customer_event::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            customer_id: e.customer_id,
            occurred_at: at,
            kind: e.kind.to_owned(),
            data: e.data,
            ref_type: e.reference.map(|(t, _)| t.to_owned()),
            ref_id: e.reference.map(|(_, id)| id),
            actor_id,
            actor_name: actor.name().chars().take(64).collect(),
        })
        .collect();
    timeline::append(conn, actor.scope(), rows).await?;
    Ok(())
}
