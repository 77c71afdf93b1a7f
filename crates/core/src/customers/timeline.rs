//! The customer timeline: the extension point every module writes to.
//!
//! A module that does something to or for a customer (registers a car, logs a visit, books a
//! test drive, opens a repair order) appends an entry with [`record`] in the transaction of its
//! change. The 360° page reads them back newest first. `kind` is `area.event`
//! (`vehicle.added`); `data` holds what the UI needs to render the entry in any language.

use super::access::customer_for;
use crate::app::App;
use crate::auth::{Actor, ActorKind};
use crate::error::CoreResult;
use crate::paging::{Paged, page_or_bad_cursor, page_request};
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::customer_event;
use forecourt_db::repo::timeline;
use forecourt_domain::ids::{CustomerEventId, CustomerId};
use forecourt_domain::permission::Permission;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
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

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TimelineEntry {
    pub id: CustomerEventId,
    pub occurred_at: DateTime<Utc>,
    /// `customer.created`, `customer.updated`, `customer.merged`, `customer.imported`,
    /// `consent.changed`, `owner.changed`, `vehicle.added`, `vehicle.transferred_in`,
    /// `vehicle.transferred_out`, `mileage.recorded`, and those of later modules.
    pub kind: String,
    #[schema(value_type = Object)]
    pub data: Value,
    pub ref_type: Option<String>,
    pub ref_id: Option<Uuid>,
    pub actor_name: String,
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TimelineQuery {
    /// Only entries whose kind starts with this (`vehicle.`).
    pub kind: Option<String>,
    #[param(schema_with = forecourt_domain::schema::page_limit::<{ forecourt_domain::paging::MAX_PAGE_SIZE }>)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

impl App {
    pub async fn customer_timeline(
        &self,
        actor: &Actor,
        id: CustomerId,
        query: TimelineQuery,
    ) -> CoreResult<Paged<TimelineEntry>> {
        let conn = self.db.conn();
        let customer = customer_for(conn, actor, id, Permission::CustomerRead).await?;
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let rows = timeline::of_customer(
            conn,
            actor.scope(),
            customer.id,
            query.kind.as_deref(),
            &page,
        )
        .await?;
        Ok(Paged::from_page(page_or_bad_cursor(rows)?, |e| {
            TimelineEntry {
                id: CustomerEventId::from_uuid(e.id),
                occurred_at: e.occurred_at,
                kind: e.kind,
                data: e.data,
                ref_type: e.ref_type,
                ref_id: e.ref_id,
                actor_name: e.actor_name,
            }
        }))
    }
}
