//! Repair orders (工单) with their labour and parts lines, technicians' clock-ons, the parts
//! price list, and the warranty lines of picked-up orders.

use super::tenant::TenantEntity;
use super::{like_contains, like_starts_with};
use crate::entities::{
    parts_price, repair_order, repair_order_labour, repair_order_part, service_appointment,
    technician_clock,
};
use crate::pagination::{BadCursor, CursorKey, Keyset, Page, PageRequest, SortDirection};
use crate::{DbResult, DealerScope};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

/// What the repair-order list is filtered by.
#[derive(Clone, Debug, Default)]
pub struct RepairOrderFilter {
    pub statuses: Vec<String>,
    pub advisor_id: Option<Uuid>,
    pub vehicle_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    /// The order's number, whole or its beginning (`RO2026`), or its end (the last digits).
    pub q: Option<String>,
}

const NEWEST_FIRST: Keyset<repair_order::Column> = Keyset {
    name: "-opened_at",
    column: repair_order::Column::OpenedAt,
    id_column: repair_order::Column::Id,
    direction: SortDirection::Desc,
};

fn filtered(
    scope: &DealerScope,
    filter: &RepairOrderFilter,
) -> sea_orm::Select<repair_order::Entity> {
    let mut select = repair_order::Entity::scoped(scope);
    if !filter.statuses.is_empty() {
        select = select.filter(repair_order::Column::Status.is_in(filter.statuses.iter().cloned()));
    }
    if let Some(advisor) = filter.advisor_id {
        select = select.filter(repair_order::Column::AdvisorId.eq(advisor));
    }
    if let Some(vehicle) = filter.vehicle_id {
        select = select.filter(repair_order::Column::VehicleId.eq(vehicle));
    }
    if let Some(customer) = filter.customer_id {
        select = select.filter(repair_order::Column::CustomerId.eq(customer));
    }
    if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let q = q.to_uppercase();
        select = select.filter(
            Condition::any()
                .add(
                    repair_order::Column::Number
                        .like(LikeExpr::new(like_starts_with(&q)).escape('\\')),
                )
                .add(
                    repair_order::Column::Number
                        .like(LikeExpr::new(super::like_ends_with(&q)).escape('\\')),
                ),
        );
    }
    select
}

/// A page of the dealer's repair orders, newest first.
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    filter: &RepairOrderFilter,
    page: &PageRequest,
) -> DbResult<Result<Page<repair_order::Model>, BadCursor>> {
    let select = match NEWEST_FIRST.apply(filtered(scope, filter), page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(NEWEST_FIRST.finish(rows, page, |o| {
        (CursorKey::Time(o.opened_at), o.id)
    })))
}

/// A car's repair orders, newest first (at most `limit`).
pub async fn of_vehicle<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    vehicle_id: Uuid,
    limit: u64,
) -> DbResult<Vec<repair_order::Model>> {
    Ok(repair_order::Entity::scoped(scope)
        .filter(repair_order::Column::VehicleId.eq(vehicle_id))
        .order_by_desc(repair_order::Column::OpenedAt)
        .order_by_desc(repair_order::Column::Id)
        .limit(limit)
        .all(conn)
        .await?)
}

/// The labour lines of these orders, oldest first.
pub async fn labour_of<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    order_ids: &[Uuid],
) -> DbResult<Vec<repair_order_labour::Model>> {
    if order_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(repair_order_labour::Entity::scoped(scope)
        .filter(repair_order_labour::Column::RepairOrderId.is_in(order_ids.iter().copied()))
        .order_by_asc(repair_order_labour::Column::CreatedAt)
        .order_by_asc(repair_order_labour::Column::Id)
        .all(conn)
        .await?)
}

/// The parts lines of these orders, oldest first.
pub async fn parts_of<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    order_ids: &[Uuid],
) -> DbResult<Vec<repair_order_part::Model>> {
    if order_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(repair_order_part::Entity::scoped(scope)
        .filter(repair_order_part::Column::RepairOrderId.is_in(order_ids.iter().copied()))
        .order_by_asc(repair_order_part::Column::CreatedAt)
        .order_by_asc(repair_order_part::Column::Id)
        .all(conn)
        .await?)
}

/// Marks a booked appointment as arrived with its repair order — only if it is still booked
/// and has none; whether it was marked. The unique index over the appointment on repair
/// orders refuses a second order for it.
pub async fn arrive_appointment<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    appointment_id: Uuid,
    repair_order_id: Uuid,
    now: DateTime<Utc>,
) -> DbResult<bool> {
    let result = service_appointment::Entity::update_many()
        .col_expr(service_appointment::Column::Status, Expr::val("arrived"))
        .col_expr(
            service_appointment::Column::RepairOrderId,
            Expr::val(repair_order_id),
        )
        .col_expr(service_appointment::Column::UpdatedAt, Expr::val(now))
        .col_expr(
            service_appointment::Column::Version,
            Expr::col(service_appointment::Column::Version).add(1),
        )
        .filter(service_appointment::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(service_appointment::Column::Id.eq(appointment_id))
        .filter(service_appointment::Column::Status.eq("booked"))
        .filter(service_appointment::Column::RepairOrderId.is_null())
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// The open clock of a technician, if any.
pub async fn open_clock_of_technician<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    technician_id: Uuid,
) -> DbResult<Option<technician_clock::Model>> {
    Ok(technician_clock::Entity::scoped(scope)
        .filter(technician_clock::Column::TechnicianId.eq(technician_id))
        .filter(technician_clock::Column::EndedAt.is_null())
        .one(conn)
        .await?)
}

/// The open clocks on an order (all its lines), oldest first.
pub async fn open_clocks_of_order<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    repair_order_id: Uuid,
) -> DbResult<Vec<technician_clock::Model>> {
    Ok(technician_clock::Entity::scoped(scope)
        .filter(technician_clock::Column::RepairOrderId.eq(repair_order_id))
        .filter(technician_clock::Column::EndedAt.is_null())
        .order_by_asc(technician_clock::Column::StartedAt)
        .all(conn)
        .await?)
}

/// Every clock of these orders, oldest first.
pub async fn clocks_of<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    order_ids: &[Uuid],
) -> DbResult<Vec<technician_clock::Model>> {
    if order_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(technician_clock::Entity::scoped(scope)
        .filter(technician_clock::Column::RepairOrderId.is_in(order_ids.iter().copied()))
        .order_by_asc(technician_clock::Column::StartedAt)
        .order_by_asc(technician_clock::Column::Id)
        .all(conn)
        .await?)
}

/// Starts a clock. The partial unique index `ux_technician_clocks_open` refuses a second open
/// clock of the same technician ([`crate::DbError::UniqueViolation`]).
pub async fn insert_clock<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    clock: technician_clock::Model,
) -> DbResult<()> {
    super::batched_insert::<technician_clock::Entity, _>(conn, scope, vec![clock]).await
}

/// Ends a technician's open clock on a labour line; whether one was open.
pub async fn end_clock<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    labour_id: Uuid,
    technician_id: Uuid,
    now: DateTime<Utc>,
) -> DbResult<bool> {
    let result = technician_clock::Entity::update_many()
        .col_expr(technician_clock::Column::EndedAt, Expr::val(now))
        .filter(technician_clock::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(technician_clock::Column::LabourId.eq(labour_id))
        .filter(technician_clock::Column::TechnicianId.eq(technician_id))
        .filter(technician_clock::Column::EndedAt.is_null())
        .exec(conn)
        .await?;
    Ok(result.rows_affected > 0)
}

/// Picked-up orders of a period (`from` ≤ picked up < `to`), oldest first.
pub async fn picked_up_between<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> DbResult<Vec<repair_order::Model>> {
    Ok(repair_order::Entity::scoped(scope)
        .filter(repair_order::Column::Status.eq("picked_up"))
        .filter(repair_order::Column::PickedUpAt.gte(from))
        .filter(repair_order::Column::PickedUpAt.lt(to))
        .order_by_asc(repair_order::Column::PickedUpAt)
        .order_by_asc(repair_order::Column::Id)
        .all(conn)
        .await?)
}

/// What the parts price list is filtered by: a part number's beginning, or words of its name.
const PARTS_BY_NUMBER: Keyset<parts_price::Column> = Keyset {
    name: "part_no",
    column: parts_price::Column::PartNo,
    id_column: parts_price::Column::Id,
    direction: SortDirection::Asc,
};

/// A page of the price list by part number, filtered by `q` (the number's beginning or part
/// of the name).
pub async fn list_parts<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    q: Option<&str>,
    page: &PageRequest,
) -> DbResult<Result<Page<parts_price::Model>, BadCursor>> {
    let mut select = parts_price::Entity::scoped(scope);
    if let Some(q) = q.map(str::trim).filter(|q| !q.is_empty()) {
        select = select.filter(
            Condition::any()
                .add(
                    parts_price::Column::PartNo
                        .like(LikeExpr::new(like_starts_with(&q.to_uppercase())).escape('\\')),
                )
                .add(parts_price::Column::Name.like(LikeExpr::new(like_contains(q)).escape('\\'))),
        );
    }
    let select = match PARTS_BY_NUMBER.apply(select, page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(PARTS_BY_NUMBER.finish(rows, page, |p| {
        (CursorKey::Text(p.part_no.clone()), p.id)
    })))
}

/// The parts with these numbers.
pub async fn parts_by_numbers<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    part_nos: &[String],
) -> DbResult<Vec<parts_price::Model>> {
    if part_nos.is_empty() {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    // A few hundred numbers per statement keep SQLite under its parameter limit.
    for chunk in part_nos.chunks(500) {
        found.extend(
            parts_price::Entity::scoped(scope)
                .filter(parts_price::Column::PartNo.is_in(chunk.iter().cloned()))
                .all(conn)
                .await?,
        );
    }
    Ok(found)
}
