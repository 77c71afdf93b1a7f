//! What the service manager's report reads: appointments by day and status, repair orders
//! opened and picked up in a period, their lines' amounts by order and payer, the due days cars
//! reached and the repair orders that brought them back, renewals by status. Grouped in SQL
//! where the grouping is by column; rows of the period otherwise (a day in the dealer's time
//! zone is computed in Rust) — one query per kind, never per row.

use crate::entities::{
    renewal, repair_order, repair_order_labour, repair_order_part, service_appointment,
    service_due_notice,
};
use crate::repo::tenant::TenantEntity;
use crate::{DbResult, DealerScope};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

/// Appointments per day and status between two days: `(day, status, advisor, count)`.
pub async fn appointments_by_day<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: NaiveDate,
    to: NaiveDate,
) -> DbResult<Vec<(NaiveDate, String, Option<Uuid>, i64)>> {
    use service_appointment::Column as A;
    Ok(service_appointment::Entity::scoped(scope)
        .filter(A::OnDate.gte(from))
        .filter(A::OnDate.lte(to))
        .select_only()
        .column(A::OnDate)
        .column(A::Status)
        .column(A::AdvisorId)
        .column_as(A::Id.count(), "n")
        .group_by(A::OnDate)
        .group_by(A::Status)
        .group_by(A::AdvisorId)
        .into_tuple()
        .all(conn)
        .await?)
}

/// Repair orders opened in `[from, to)`, or picked up in it: `(id, advisor, opened_at,
/// picked_up_at)`.
pub async fn repair_orders_in<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> DbResult<Vec<(Uuid, Uuid, DateTime<Utc>, Option<DateTime<Utc>>)>> {
    use repair_order::Column as R;
    let opened = sea_orm::Condition::all()
        .add(R::OpenedAt.gte(from))
        .add(R::OpenedAt.lt(to));
    let picked = sea_orm::Condition::all()
        .add(R::PickedUpAt.gte(from))
        .add(R::PickedUpAt.lt(to));
    Ok(repair_order::Entity::scoped(scope)
        .filter(sea_orm::Condition::any().add(opened).add(picked))
        .filter(R::Status.ne("cancelled"))
        .select_only()
        .column(R::Id)
        .column(R::AdvisorId)
        .column(R::OpenedAt)
        .column(R::PickedUpAt)
        .into_tuple()
        .all(conn)
        .await?)
}

/// The lines of these repair orders summed by order and payer: `(order, payer, labour fen,
/// parts fen, labour hours × 100)`.
pub async fn amounts_by_order<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    order_ids: &[Uuid],
) -> DbResult<Vec<(Uuid, String, i64, i64, i64)>> {
    let mut out = Vec::new();
    for chunk in order_ids.chunks(500) {
        use repair_order_labour::Column as L;
        let labour: Vec<(Uuid, String, i64, i64)> = repair_order_labour::Entity::scoped(scope)
            .filter(L::RepairOrderId.is_in(chunk.iter().copied()))
            .select_only()
            .column(L::RepairOrderId)
            .column(L::Payer)
            .column_as(L::AmountFen.sum(), "amount")
            .column_as(L::HoursCenti.sum(), "hours")
            .group_by(L::RepairOrderId)
            .group_by(L::Payer)
            .into_tuple()
            .all(conn)
            .await?;
        out.extend(labour.into_iter().map(|(o, p, a, h)| (o, p, a, 0, h)));
        use repair_order_part::Column as P;
        let parts: Vec<(Uuid, String, i64)> = repair_order_part::Entity::scoped(scope)
            .filter(P::RepairOrderId.is_in(chunk.iter().copied()))
            .select_only()
            .column(P::RepairOrderId)
            .column(P::Payer)
            .column_as(P::AmountFen.sum(), "amount")
            .group_by(P::RepairOrderId)
            .group_by(P::Payer)
            .into_tuple()
            .all(conn)
            .await?;
        out.extend(parts.into_iter().map(|(o, p, a)| (o, p, 0, a, 0)));
    }
    Ok(out)
}

/// The due days cars reached between two days: `(car, due day)`.
pub async fn due_notices<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: NaiveDate,
    to: NaiveDate,
) -> DbResult<Vec<(Uuid, NaiveDate)>> {
    use service_due_notice::Column as N;
    Ok(service_due_notice::Entity::scoped(scope)
        .filter(N::DueOn.gte(from))
        .filter(N::DueOn.lte(to))
        .select_only()
        .column(N::VehicleId)
        .column(N::DueOn)
        .into_tuple()
        .all(conn)
        .await?)
}

/// When these cars' repair orders were opened in `[from, to)`: `(car, opened_at)`.
pub async fn visits_of<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    vehicle_ids: &[Uuid],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> DbResult<Vec<(Uuid, DateTime<Utc>)>> {
    use repair_order::Column as R;
    let mut out = Vec::new();
    for chunk in vehicle_ids.chunks(500) {
        let rows: Vec<(Uuid, DateTime<Utc>)> = repair_order::Entity::scoped(scope)
            .filter(R::VehicleId.is_in(chunk.iter().copied()))
            .filter(R::OpenedAt.gte(from))
            .filter(R::OpenedAt.lt(to))
            .filter(R::Status.ne("cancelled"))
            .select_only()
            .column(R::VehicleId)
            .column(R::OpenedAt)
            .into_tuple()
            .all(conn)
            .await?;
        out.extend(rows);
    }
    Ok(out)
}

/// Renewals falling due between two days, by status: `(status, count)`.
pub async fn renewals_by_status<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: NaiveDate,
    to: NaiveDate,
) -> DbResult<Vec<(String, i64)>> {
    use renewal::Column as N;
    Ok(renewal::Entity::scoped(scope)
        .filter(N::DueOn.gte(from))
        .filter(N::DueOn.lte(to))
        .select_only()
        .column(N::Status)
        .column_as(N::Id.count(), "n")
        .group_by(N::Status)
        .into_tuple()
        .all(conn)
        .await?)
}
