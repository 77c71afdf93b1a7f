//! The figures of the sales reports, counted per consultant in one grouped query each (the
//! caller keeps the consultants its reader may see).

use super::tenant::TenantEntity;
use crate::entities::{lead, lead_grade_change, opportunity, reception, test_drive_booking};
use crate::{DbResult, DealerScope};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Select};
use uuid::Uuid;

/// Rows counted per consultant (`None`: nobody's).
pub type PerOwner = Vec<(Option<Uuid>, i64)>;

async fn count_per<E, C>(
    conn: &C,
    select: Select<E>,
    by: E::Column,
    id: E::Column,
) -> DbResult<PerOwner>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    Ok(select
        .select_only()
        .column(by)
        .column_as(Expr::expr(Func::count(Expr::col(id))), "n")
        .group_by(by)
        .into_tuple()
        .all(conn)
        .await?)
}

/// Leads counted per owner and a key of theirs (source, loss reason).
async fn count_per_owner_and<C: ConnectionTrait>(
    conn: &C,
    select: Select<lead::Entity>,
    key: lead::Column,
) -> DbResult<Vec<(Option<Uuid>, Option<String>, i64)>> {
    Ok(select
        .select_only()
        .column(lead::Column::OwnerId)
        .column(key)
        .column_as(Expr::expr(Func::count(Expr::col(lead::Column::Id))), "n")
        .group_by(lead::Column::OwnerId)
        .group_by(key)
        .into_tuple()
        .all(conn)
        .await?)
}

/// Leads created in `[from, to)`, per owner and source.
pub async fn new_leads<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> DbResult<Vec<(Option<Uuid>, Option<String>, i64)>> {
    count_per_owner_and(
        conn,
        lead::Entity::scoped(scope)
            .filter(lead::Column::CreatedAt.gte(from))
            .filter(lead::Column::CreatedAt.lt(to)),
        lead::Column::SourceKey,
    )
    .await
}

/// Showroom visits that arrived in `[from, to)`, per receiving consultant.
pub async fn visits<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> DbResult<PerOwner> {
    let select = reception::Entity::scoped(scope)
        .filter(reception::Column::ArrivedAt.gte(from))
        .filter(reception::Column::ArrivedAt.lt(to));
    count_per(
        conn,
        select,
        reception::Column::ConsultantId,
        reception::Column::Id,
    )
    .await
}

/// Test drives done that started in `[from, to)`, per consultant.
pub async fn test_drives<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> DbResult<PerOwner> {
    let select = test_drive_booking::Entity::scoped(scope)
        .filter(test_drive_booking::Column::Status.eq("done"))
        .filter(test_drive_booking::Column::StartsAt.gte(from))
        .filter(test_drive_booking::Column::StartsAt.lt(to));
    count_per(
        conn,
        select,
        test_drive_booking::Column::ConsultantId,
        test_drive_booking::Column::Id,
    )
    .await
}

/// Grade changes in `[from, to)`: `(owner, from, to, count)`.
pub async fn grade_changes<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> DbResult<Vec<(Option<Uuid>, Option<String>, String, i64)>> {
    Ok(lead_grade_change::Entity::scoped(scope)
        .filter(lead_grade_change::Column::OccurredAt.gte(from))
        .filter(lead_grade_change::Column::OccurredAt.lt(to))
        .select_only()
        .column(lead_grade_change::Column::OwnerId)
        .column(lead_grade_change::Column::FromGrade)
        .column(lead_grade_change::Column::ToGrade)
        .column_as(
            Expr::expr(Func::count(Expr::col(lead_grade_change::Column::Id))),
            "n",
        )
        .group_by(lead_grade_change::Column::OwnerId)
        .group_by(lead_grade_change::Column::FromGrade)
        .group_by(lead_grade_change::Column::ToGrade)
        .into_tuple()
        .all(conn)
        .await?)
}

/// The leads lost in `[from, to)` and still lost.
fn lost_in(scope: &DealerScope, from: DateTime<Utc>, to: DateTime<Utc>) -> Select<lead::Entity> {
    lead::Entity::scoped(scope)
        .filter(lead::Column::Status.eq("lost"))
        .filter(lead::Column::LostAt.gte(from))
        .filter(lead::Column::LostAt.lt(to))
}

/// Leads lost in `[from, to)` (and still lost), per owner.
pub async fn lost<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> DbResult<PerOwner> {
    count_per(
        conn,
        lost_in(scope, from, to),
        lead::Column::OwnerId,
        lead::Column::Id,
    )
    .await
}

/// Lost leads of `[from, to)` per reason, for the lost-reason analysis.
pub async fn lost_reasons<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> DbResult<Vec<(Option<Uuid>, Option<String>, i64)>> {
    count_per_owner_and(conn, lost_in(scope, from, to), lead::Column::LostReasonKey).await
}

/// Open leads whose follow-up was due before `now`, per owner.
pub async fn overdue_follow_ups<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    now: DateTime<Utc>,
) -> DbResult<PerOwner> {
    let select = lead::Entity::scoped(scope)
        .filter(lead::Column::Status.eq("open"))
        .filter(lead::Column::NextFollowUpAt.lt(now));
    count_per(conn, select, lead::Column::OwnerId, lead::Column::Id).await
}

/// Opportunities delivered (won) in `[from, to)`, per owner.
pub async fn deliveries<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> DbResult<PerOwner> {
    let select = opportunity::Entity::scoped(scope)
        .filter(opportunity::Column::Status.eq("won"))
        .filter(opportunity::Column::ClosedAt.gte(from))
        .filter(opportunity::Column::ClosedAt.lt(to));
    count_per(
        conn,
        select,
        opportunity::Column::OwnerId,
        opportunity::Column::Id,
    )
    .await
}
