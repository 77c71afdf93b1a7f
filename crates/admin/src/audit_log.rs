//! Reading the audit log.

use super::audit_names::{self, AuditRef};
use crate::Admin;
use chrono::{DateTime, Utc};
use forecourt_db::entities::audit_event;
use forecourt_db::repo::audit::{self, AuditFilter};
use forecourt_domain::ids::{AuditEventId, UserId};
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use forecourt_kernel::paging::{Paged, page_or_bad_cursor, page_request};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// One audit event as the reader sees it: keys (action, type, fields, values) for the app to
/// word, and the records it names resolved to names the reader may see.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AuditEventView {
    /// The event's id (UUIDv7).
    pub id: AuditEventId,
    /// UTC; the app shows it in the dealer's time zone.
    pub occurred_at: DateTime<Utc>,
    /// `user`, `api_token` or `system`.
    pub actor_kind: String,
    /// The user who acted (for an API token, the user it acts for); `null` for the system.
    pub actor_id: Option<UserId>,
    /// Their name, for display.
    pub actor_name: String,
    /// `entity.verb`, e.g. `user.created`, `user.password_reset`.
    pub action: String,
    /// The record's type (`user`, `customer`, `lead` …).
    pub entity_type: String,
    /// The record's id, if the event is about one.
    pub entity_id: Option<Uuid>,
    /// The record by name (absent when it no longer exists or has no name).
    pub entity: Option<AuditRef>,
    /// The record was of a named type and no longer exists (`entity` is then absent).
    pub entity_gone: bool,
    /// `{field: {"before": ..., "after": ...}}`; sensitive values are masked.
    #[schema(value_type = Object)]
    pub changes: serde_json::Value,
    /// The records that ids in `changes` point at (stages, owners, models …), by id.
    pub refs: BTreeMap<String, AuditRef>,
    /// The id of the HTTP request that caused it, to match the server's logs.
    pub request_id: Option<String>,
}

impl AuditEventView {
    fn of(m: audit_event::Model, names: &audit_names::PageNames) -> Self {
        Self {
            entity: names.entity(&m),
            entity_gone: names.gone(&m),
            refs: names.refs(&m),
            id: AuditEventId::from_uuid(m.id),
            occurred_at: m.occurred_at,
            actor_kind: m.actor_kind,
            actor_id: m.actor_id.map(UserId::from_uuid),
            actor_name: m.actor_name,
            action: m.action,
            entity_type: m.entity_type,
            entity_id: m.entity_id,
            changes: m.changes,
            request_id: m.request_id,
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only events of this record type (`customer`, `lead` …).
    pub entity_type: Option<String>,
    /// Only events of this record.
    pub entity_id: Option<Uuid>,
    /// Only events caused by this user.
    pub actor_id: Option<UserId>,
    /// Only events with this action (`lead.assigned`).
    pub action: Option<String>,
    /// Events at or after this instant (RFC 3339).
    pub from: Option<DateTime<Utc>>,
    /// Events before this instant (RFC 3339).
    pub to: Option<DateTime<Utc>>,
    #[param(schema_with = forecourt_domain::schema::page_limit::<{ forecourt_domain::paging::MAX_PAGE_SIZE }>)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

impl Admin<'_> {
    /// Audit events, newest first. Own scope shows the events one caused; team scope, those of
    /// one's team. The records each event names come with their names (masked as the reader may
    /// see them), looked up for the whole page at once.
    pub async fn list_audit_events(
        &self,
        actor: &Actor,
        query: AuditQuery,
    ) -> CoreResult<Paged<AuditEventView>> {
        let reach = actor.reach(Permission::AuditRead)?;
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let filter = AuditFilter {
            entity_type: query.entity_type,
            entity_id: query.entity_id,
            actor_id: query.actor_id.map(UserId::uuid),
            action: query.action,
            from: query.from,
            to: query.to,
        };
        let conn = self.db().conn();
        let rows =
            page_or_bad_cursor(audit::list(conn, actor.scope(), reach, &filter, &page).await?)?;
        let names = audit_names::resolve(conn, actor, &rows.items).await?;
        Ok(Paged::from_page(rows, |m| AuditEventView::of(m, &names)))
    }
}
