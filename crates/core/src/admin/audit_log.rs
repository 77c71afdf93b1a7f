//! Reading the audit log.

use crate::app::App;
use crate::auth::Actor;
use crate::error::CoreResult;
use crate::paging::{Paged, page_or_bad_cursor, page_request};
use chrono::{DateTime, Utc};
use forecourt_db::entities::audit_event;
use forecourt_db::repo::audit::{self, AuditFilter};
use forecourt_domain::ids::{AuditEventId, UserId};
use forecourt_domain::permission::Permission;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AuditEventView {
    pub id: AuditEventId,
    pub occurred_at: DateTime<Utc>,
    /// `user`, `api_token` or `system`.
    pub actor_kind: String,
    pub actor_id: Option<UserId>,
    pub actor_name: String,
    /// `entity.verb`, e.g. `user.created`, `user.password_reset`.
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<Uuid>,
    /// `{field: {"before": ..., "after": ...}}`; sensitive values are masked.
    #[schema(value_type = Object)]
    pub changes: serde_json::Value,
    pub request_id: Option<String>,
}

impl From<audit_event::Model> for AuditEventView {
    fn from(m: audit_event::Model) -> Self {
        Self {
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
    pub entity_type: Option<String>,
    pub entity_id: Option<Uuid>,
    pub actor_id: Option<UserId>,
    pub action: Option<String>,
    /// Events at or after this instant (RFC 3339).
    pub from: Option<DateTime<Utc>>,
    /// Events before this instant (RFC 3339).
    pub to: Option<DateTime<Utc>>,
    #[param(schema_with = forecourt_domain::schema::page_limit::<{ forecourt_domain::paging::MAX_PAGE_SIZE }>)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

impl App {
    /// Audit events, newest first. Own scope shows the events one caused; team scope, those of
    /// one's team.
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
        let rows = audit::list(self.db.conn(), actor.scope(), reach, &filter, &page).await?;
        Ok(Paged::from_page(
            page_or_bad_cursor(rows)?,
            AuditEventView::from,
        ))
    }
}
