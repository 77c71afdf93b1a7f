//! The audit log: append-only, read newest first.

use super::Reach;
use super::tenant::TenantEntity;
use crate::entities::{audit_event, user};
use crate::pagination::{BadCursor, CursorKey, Keyset, Page, PageRequest, SortDirection};
use crate::{DbResult, DealerScope};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter};
use uuid::Uuid;

/// Appends events. Called inside the transaction of the change they record.
pub async fn insert_many<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    mut models: Vec<audit_event::Model>,
) -> DbResult<()> {
    for model in &mut models {
        model.dealer_id = scope.dealer_id().uuid();
    }
    super::batched_insert::<audit_event::Entity, _>(conn, scope, models).await
}

#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    pub entity_type: Option<String>,
    pub entity_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub action: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

pub async fn list<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &AuditFilter,
    page: &PageRequest,
) -> DbResult<Result<Page<audit_event::Model>, BadCursor>> {
    let mut select = audit_event::Entity::scoped(scope);
    select = match reach {
        Reach::Dealer => select,
        Reach::Own { user_id }
        | Reach::Team {
            team_id: None,
            user_id,
        } => select.filter(audit_event::Column::ActorId.eq(user_id)),
        Reach::Team {
            team_id: Some(team_id),
            ..
        } => select.filter(
            audit_event::Column::ActorId.in_subquery(
                Query::select()
                    .column(user::Column::Id)
                    .from(user::Entity)
                    .and_where(user::Column::DealerId.eq(scope.dealer_id().uuid()))
                    .and_where(user::Column::TeamId.eq(team_id))
                    .take(),
            ),
        ),
    };
    if let Some(entity_type) = &filter.entity_type {
        select = select.filter(audit_event::Column::EntityType.eq(entity_type.as_str()));
    }
    if let Some(entity_id) = filter.entity_id {
        select = select.filter(audit_event::Column::EntityId.eq(entity_id));
    }
    if let Some(actor_id) = filter.actor_id {
        select = select.filter(audit_event::Column::ActorId.eq(actor_id));
    }
    if let Some(action) = &filter.action {
        select = select.filter(audit_event::Column::Action.eq(action.as_str()));
    }
    if let Some(from) = filter.from {
        select = select.filter(audit_event::Column::OccurredAt.gte(from));
    }
    if let Some(to) = filter.to {
        select = select.filter(audit_event::Column::OccurredAt.lt(to));
    }
    let keyset = Keyset {
        name: "-occurred_at",
        column: audit_event::Column::OccurredAt,
        id_column: audit_event::Column::Id,
        direction: SortDirection::Desc,
    };
    let select = match keyset.apply(select, page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(keyset.finish(rows, page, |e| {
        (CursorKey::Time(e.occurred_at), e.id)
    })))
}
