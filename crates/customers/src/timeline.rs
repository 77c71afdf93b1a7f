//! The customer timeline, read back newest first for the 360° page. Modules write it through
//! the kernel's [`forecourt_kernel::timeline::record`].

use super::access::customer_for;
use crate::Customers;
use chrono::{DateTime, Utc};
use forecourt_db::repo::timeline;
use forecourt_domain::ids::{CustomerEventId, CustomerId};
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use forecourt_kernel::paging::{Paged, page_or_bad_cursor, page_request};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TimelineEntry {
    /// The entry's id (UUIDv7); newer entries have larger ids.
    pub id: CustomerEventId,
    /// When it happened (UTC, RFC 3339).
    pub occurred_at: DateTime<Utc>,
    /// `customer.created`, `customer.updated`, `customer.merged`, `customer.imported`,
    /// `consent.changed`, `owner.changed`, `vehicle.added`, `vehicle.transferred_in`,
    /// `vehicle.transferred_out`, `mileage.recorded`, and those of later modules.
    pub kind: String,
    /// The details, which depend on `kind`.
    #[schema(value_type = Object)]
    pub data: Value,
    /// The kind of record it is about (e.g. `vehicle`), if any.
    pub ref_type: Option<String>,
    /// That record's id.
    pub ref_id: Option<Uuid>,
    /// Who did it (a user's name, or the system).
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

impl Customers<'_> {
    /// The customer's history, newest first and paged, optionally only entries of one kind. Needs
    /// `customer.read` reaching the customer's owner; another dealer's customer is 404, a merged
    /// one 410 `merged`.
    pub async fn customer_timeline(
        &self,
        actor: &Actor,
        id: CustomerId,
        query: TimelineQuery,
    ) -> CoreResult<Paged<TimelineEntry>> {
        let conn = self.db().conn();
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
