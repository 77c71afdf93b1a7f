//! Customer care: the dealer's care settings and calendar days, complaint SLA targets, the
//! complaint list (keyset, within the reader's reach), the open complaints the escalation scan
//! reads, and a complaint's steps, pauses and escalations.

use crate::entities::{
    care_calendar_day, care_setting, complaint, complaint_escalation, complaint_event,
    complaint_pause, complaint_sla_target,
};
use crate::repo::Reach;
use crate::repo::tenant::TenantEntity;
use crate::{DbResult, DealerScope};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

/// The dealer's care settings, if saved.
pub async fn settings<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Option<care_setting::Model>> {
    Ok(care_setting::Entity::scoped(scope).one(conn).await?)
}

/// The dealer's holidays and worked days off from `from` on (every one when `None`), by day.
pub async fn calendar_days<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: Option<NaiveDate>,
) -> DbResult<Vec<care_calendar_day::Model>> {
    let mut select = care_calendar_day::Entity::scoped(scope);
    if let Some(from) = from {
        select = select.filter(care_calendar_day::Column::Day.gte(from));
    }
    Ok(select
        .order_by_asc(care_calendar_day::Column::Day)
        .all(conn)
        .await?)
}

/// Removes the dealer's calendar day entries on the given days.
pub async fn delete_calendar_days<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    days: &[NaiveDate],
) -> DbResult<u64> {
    if days.is_empty() {
        return Ok(0);
    }
    Ok(care_calendar_day::Entity::delete_many()
        .filter(care_calendar_day::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(care_calendar_day::Column::Day.is_in(days.iter().copied()))
        .exec(conn)
        .await?
        .rows_affected)
}

/// The dealer's SLA targets.
pub async fn targets<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<complaint_sla_target::Model>> {
    Ok(complaint_sla_target::Entity::scoped(scope)
        .order_by_asc(complaint_sla_target::Column::Severity)
        .order_by_asc(complaint_sla_target::Column::Source)
        .all(conn)
        .await?)
}

/// What a complaint list is narrowed to.
#[derive(Clone, Debug, Default)]
pub struct ComplaintFilter {
    /// Only these statuses (every one when empty).
    pub statuses: Vec<String>,
    pub handler_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub severity: Option<String>,
    /// Only complaints with a breach on record.
    pub breached: bool,
}

/// The complaints within `reach` (own: those one handles or entered; team: those the team
/// handles), newest first, after the `(entered_at, id)` of the previous page, at most `limit`.
pub async fn complaints<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &ComplaintFilter,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: u64,
) -> DbResult<Vec<complaint::Model>> {
    use complaint::Column as C;
    let mut select = complaint::Entity::scoped(scope);
    select = match reach {
        Reach::Dealer => select,
        Reach::Own { user_id }
        | Reach::Team {
            team_id: None,
            user_id,
        } => select.filter(
            Condition::any()
                .add(C::HandlerId.eq(user_id))
                .add(C::EnteredBy.eq(user_id)),
        ),
        Reach::Team {
            team_id: Some(team_id),
            user_id,
        } => select.filter(
            Condition::any()
                .add(C::HandlerId.in_subquery(super::team_members(scope, team_id)))
                .add(C::EnteredBy.eq(user_id)),
        ),
    };
    if !filter.statuses.is_empty() {
        select = select.filter(C::Status.is_in(filter.statuses.iter().cloned()));
    }
    if let Some(handler) = filter.handler_id {
        select = select.filter(C::HandlerId.eq(handler));
    }
    if let Some(customer) = filter.customer_id {
        select = select.filter(C::CustomerId.eq(customer));
    }
    if let Some(severity) = &filter.severity {
        select = select.filter(C::Severity.eq(severity.clone()));
    }
    if filter.breached {
        select = select.filter(
            Condition::any()
                .add(C::FirstResponseBreached.eq(true))
                .add(C::ResolutionBreached.eq(true)),
        );
    }
    if let Some((at, id)) = after {
        select = select.filter(
            Condition::any()
                .add(C::EnteredAt.lt(at))
                .add(Condition::all().add(C::EnteredAt.eq(at)).add(C::Id.lt(id))),
        );
    }
    Ok(select
        .order_by_desc(C::EnteredAt)
        .order_by_desc(C::Id)
        .limit(limit)
        .all(conn)
        .await?)
}

/// The dealer's complaints not yet closed (what the escalation scan and the SLA board read).
pub async fn open_complaints<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<complaint::Model>> {
    Ok(complaint::Entity::scoped(scope)
        .filter(complaint::Column::Status.ne("closed"))
        .order_by_asc(complaint::Column::EnteredAt)
        .all(conn)
        .await?)
}

/// The pauses of the given complaints, earliest first.
pub async fn pauses_of<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    complaint_ids: &[Uuid],
) -> DbResult<Vec<complaint_pause::Model>> {
    if complaint_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(complaint_pause::Entity::scoped(scope)
        .filter(complaint_pause::Column::ComplaintId.is_in(complaint_ids.iter().copied()))
        .order_by_asc(complaint_pause::Column::StartedAt)
        .all(conn)
        .await?)
}

/// The escalations fired for the given complaints, in order.
pub async fn escalations_of<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    complaint_ids: &[Uuid],
) -> DbResult<Vec<complaint_escalation::Model>> {
    if complaint_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(complaint_escalation::Entity::scoped(scope)
        .filter(complaint_escalation::Column::ComplaintId.is_in(complaint_ids.iter().copied()))
        .order_by_asc(complaint_escalation::Column::FiredAt)
        .all(conn)
        .await?)
}

/// A complaint's steps, in order.
pub async fn events_of<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    complaint_id: Uuid,
) -> DbResult<Vec<complaint_event::Model>> {
    Ok(complaint_event::Entity::scoped(scope)
        .filter(complaint_event::Column::ComplaintId.eq(complaint_id))
        .order_by_asc(complaint_event::Column::At)
        .order_by_asc(complaint_event::Column::Id)
        .all(conn)
        .await?)
}

/// Records an escalation step unless it is already on record (the unique index on complaint,
/// clock, step and cycle decides, also between two nodes); true when this call recorded it.
pub async fn insert_escalation_if_new<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    row: complaint_escalation::Model,
) -> DbResult<bool> {
    use sea_orm::IntoActiveModel;
    use sea_orm::sea_query::OnConflict;
    if row.dealer_id != scope.dealer_id().uuid() {
        return Err(crate::DbError::Other(sea_orm::DbErr::Custom(
            "an escalation of another dealer".into(),
        )));
    }
    let inserted = complaint_escalation::Entity::insert(row.into_active_model())
        .on_conflict(
            OnConflict::columns([
                complaint_escalation::Column::DealerId,
                complaint_escalation::Column::ComplaintId,
                complaint_escalation::Column::Clock,
                complaint_escalation::Column::Step,
                complaint_escalation::Column::Cycle,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(inserted == 1)
}

/// Puts a breach of one clock on record (`first_response` or `resolution`), without touching
/// the complaint's version: a breach found by the scan never makes a handler's edit stale.
pub async fn mark_breached<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    complaint_id: Uuid,
    first_response: bool,
) -> DbResult<()> {
    use sea_orm::sea_query::Expr;
    let column = if first_response {
        complaint::Column::FirstResponseBreached
    } else {
        complaint::Column::ResolutionBreached
    };
    complaint::Entity::update_many()
        .col_expr(column, Expr::value(true))
        .filter(complaint::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(complaint::Column::Id.eq(complaint_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// Ends an open pause of a complaint.
pub async fn end_pause<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    pause_id: Uuid,
    at: DateTime<Utc>,
) -> DbResult<()> {
    use sea_orm::sea_query::Expr;
    complaint_pause::Entity::update_many()
        .col_expr(complaint_pause::Column::EndedAt, Expr::value(at))
        .filter(complaint_pause::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(complaint_pause::Column::Id.eq(pause_id))
        .filter(complaint_pause::Column::EndedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}
