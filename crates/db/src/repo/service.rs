//! After-sales' service side: the workshop's settings, maintenance plans, each car's next
//! service due, and the appointments that fill the workshop's days.

use crate::entities::{
    maintenance_plan, repair_order, service_appointment, service_due, service_setting, vehicle,
};
use crate::pagination::{BadCursor, CursorKey, Keyset, Page, PageRequest, SortDirection};
use crate::repo::tenant::TenantEntity;
use crate::{DbError, DbResult, DealerScope};
use chrono::NaiveDate;
use sea_orm::sea_query::OnConflict;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::HashMap;
use uuid::Uuid;

/// The dealer's service settings, if saved.
pub async fn settings<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Option<service_setting::Model>> {
    Ok(service_setting::Entity::scoped(scope).one(conn).await?)
}

/// The dealer's maintenance plans.
pub async fn plans<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<maintenance_plan::Model>> {
    Ok(maintenance_plan::Entity::scoped(scope).all(conn).await?)
}

/// The dealer's cars that have an owner, by id after `after`, at most `limit`.
pub async fn owned_vehicles_after<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    after: Option<Uuid>,
    limit: u64,
) -> DbResult<Vec<vehicle::Model>> {
    let mut select = vehicle::Entity::scoped(scope)
        .filter(vehicle::Column::OwnerCustomerId.is_not_null())
        .order_by_asc(vehicle::Column::Id)
        .limit(limit);
    if let Some(after) = after {
        select = select.filter(vehicle::Column::Id.gt(after));
    }
    Ok(select.all(conn).await?)
}

/// Each car's latest maintenance: its most recently picked-up repair order marked
/// `maintenance`.
pub async fn last_maintenance<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    vehicle_ids: &[Uuid],
) -> DbResult<Vec<repair_order::Model>> {
    if vehicle_ids.is_empty() {
        return Ok(Vec::new());
    }
    let all = repair_order::Entity::scoped(scope)
        .filter(repair_order::Column::VehicleId.is_in(vehicle_ids.iter().copied()))
        .filter(repair_order::Column::Maintenance.eq(true))
        .filter(repair_order::Column::Status.eq("picked_up"))
        .all(conn)
        .await?;
    let mut latest: HashMap<Uuid, repair_order::Model> = HashMap::new();
    for ro in all {
        match latest.get(&ro.vehicle_id) {
            Some(kept) if kept.picked_up_at >= ro.picked_up_at => {}
            _ => {
                latest.insert(ro.vehicle_id, ro);
            }
        }
    }
    Ok(latest.into_values().collect())
}

/// Writes cars' due rows: a car's row is replaced (its `reminded_for` kept, so a reminder
/// already sent for the same due day is not sent again).
pub async fn upsert_dues<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    rows: Vec<service_due::Model>,
) -> DbResult<()> {
    if rows.iter().any(|r| r.dealer_id != scope.dealer_id().uuid()) {
        return Err(DbError::Other(sea_orm::DbErr::Custom(
            "a due row of another dealer".into(),
        )));
    }
    use service_due::Column as C;
    for chunk in rows.chunks(200) {
        service_due::Entity::insert_many(
            chunk
                .iter()
                .cloned()
                .map(IntoActiveModel::into_active_model),
        )
        .on_conflict(
            OnConflict::columns([C::DealerId, C::VehicleId])
                .update_columns([
                    C::CustomerId,
                    C::PlanId,
                    C::LastServiceOn,
                    C::LastServiceKm,
                    C::DueOn,
                    C::DueKm,
                    C::DueBy,
                    C::FirstService,
                    C::MetresPerDay,
                    C::RateEstimated,
                    C::ComputedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    }
    Ok(())
}

/// Removes the due rows of these cars.
pub async fn delete_dues<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    vehicle_ids: &[Uuid],
) -> DbResult<()> {
    if vehicle_ids.is_empty() {
        return Ok(());
    }
    service_due::Entity::delete_many()
        .filter(service_due::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(service_due::Column::VehicleId.is_in(vehicle_ids.iter().copied()))
        .exec(conn)
        .await?;
    Ok(())
}

/// A car's due row.
pub async fn due_of<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    vehicle_id: Uuid,
) -> DbResult<Option<service_due::Model>> {
    Ok(service_due::Entity::scoped(scope)
        .filter(service_due::Column::VehicleId.eq(vehicle_id))
        .one(conn)
        .await?)
}

const SOONEST_DUE: Keyset<service_due::Column> = Keyset {
    name: "due_on",
    column: service_due::Column::DueOn,
    id_column: service_due::Column::Id,
    direction: SortDirection::Asc,
};

/// A page of due rows falling between `from` (if any) and `to`, soonest first.
pub async fn due_page<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: Option<NaiveDate>,
    to: NaiveDate,
    page: &PageRequest,
) -> DbResult<Result<Page<service_due::Model>, BadCursor>> {
    let mut select = service_due::Entity::scoped(scope).filter(service_due::Column::DueOn.lte(to));
    if let Some(from) = from {
        select = select.filter(service_due::Column::DueOn.gte(from));
    }
    let select = match SOONEST_DUE.apply(select, page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(
        SOONEST_DUE.finish(rows, page, |r| (CursorKey::Date(r.due_on), r.id))
    ))
}

/// Due rows whose reminder has not gone out for their due day, due on or before `by`, with an
/// owner, soonest first, at most `limit`.
pub async fn dues_to_remind<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    by: NaiveDate,
    limit: u64,
) -> DbResult<Vec<service_due::Model>> {
    Ok(service_due::Entity::scoped(scope)
        .filter(service_due::Column::DueOn.lte(by))
        .filter(service_due::Column::CustomerId.is_not_null())
        .filter(
            sea_orm::Condition::any()
                .add(service_due::Column::RemindedFor.is_null())
                .add(
                    Expr::col(service_due::Column::RemindedFor)
                        .ne(Expr::col(service_due::Column::DueOn)),
                ),
        )
        .order_by_asc(service_due::Column::DueOn)
        .order_by_asc(service_due::Column::Id)
        .limit(limit)
        .all(conn)
        .await?)
}

/// Marks a due row reminded for `due_on` — only if it still falls due that day and was not
/// reminded for it; whether this call marked it (a second node's finds it done).
pub async fn mark_reminded<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    id: Uuid,
    due_on: NaiveDate,
) -> DbResult<bool> {
    let result = service_due::Entity::update_many()
        .col_expr(service_due::Column::RemindedFor, Expr::val(due_on))
        .filter(service_due::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(service_due::Column::Id.eq(id))
        .filter(service_due::Column::DueOn.eq(due_on))
        .filter(
            sea_orm::Condition::any()
                .add(service_due::Column::RemindedFor.is_null())
                .add(service_due::Column::RemindedFor.ne(due_on)),
        )
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// The statuses of an appointment that hold workshop capacity.
pub const HOLDING: [&str; 2] = ["booked", "arrived"];

/// The next booked appointment of each car, from `from` on.
pub async fn booked_for_vehicles<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    vehicle_ids: &[Uuid],
    from: NaiveDate,
) -> DbResult<Vec<service_appointment::Model>> {
    if vehicle_ids.is_empty() {
        return Ok(Vec::new());
    }
    let all = service_appointment::Entity::scoped(scope)
        .filter(service_appointment::Column::VehicleId.is_in(vehicle_ids.iter().copied()))
        .filter(service_appointment::Column::Status.eq("booked"))
        .filter(service_appointment::Column::OnDate.gte(from))
        .order_by_asc(service_appointment::Column::OnDate)
        .all(conn)
        .await?;
    let mut first: HashMap<Uuid, service_appointment::Model> = HashMap::new();
    for a in all {
        first.entry(a.vehicle_id).or_insert(a);
    }
    Ok(first.into_values().collect())
}

/// Minutes booked per day between `from` and `to`: `(day, whole workshop, with advisor)`,
/// leaving out the appointment `except` (one being moved).
pub async fn booked_minutes<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: NaiveDate,
    to: NaiveDate,
    advisor: Option<Uuid>,
    except: Option<Uuid>,
) -> DbResult<Vec<(NaiveDate, i64, i64)>> {
    use service_appointment::Column as A;
    let mut select = service_appointment::Entity::scoped(scope)
        .filter(A::OnDate.gte(from))
        .filter(A::OnDate.lte(to))
        .filter(A::Status.is_in(HOLDING));
    if let Some(except) = except {
        select = select.filter(A::Id.ne(except));
    }
    let rows: Vec<(NaiveDate, Option<Uuid>, i64)> = select
        .select_only()
        .column(A::OnDate)
        .column(A::AdvisorId)
        .column_as(A::JobMinutes.sum(), "minutes")
        .group_by(A::OnDate)
        .group_by(A::AdvisorId)
        .into_tuple()
        .all(conn)
        .await?;
    let mut days: std::collections::BTreeMap<NaiveDate, (i64, i64)> = Default::default();
    for (day, who, minutes) in rows {
        let entry = days.entry(day).or_default();
        entry.0 += minutes;
        if advisor.is_some() && who == advisor {
            entry.1 += minutes;
        }
    }
    Ok(days.into_iter().map(|(d, (w, a))| (d, w, a)).collect())
}

/// The appointments list's filters.
#[derive(Clone, Debug, Default)]
pub struct AppointmentFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub statuses: Vec<String>,
    pub advisor_id: Option<Uuid>,
    pub vehicle_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
}

const BY_DAY: Keyset<service_appointment::Column> = Keyset {
    name: "on_date",
    column: service_appointment::Column::OnDate,
    id_column: service_appointment::Column::Id,
    direction: SortDirection::Asc,
};

/// A page of appointments, by day.
pub async fn appointment_page<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    filter: &AppointmentFilter,
    page: &PageRequest,
) -> DbResult<Result<Page<service_appointment::Model>, BadCursor>> {
    use service_appointment::Column as A;
    let mut select = service_appointment::Entity::scoped(scope);
    if let Some(from) = filter.from {
        select = select.filter(A::OnDate.gte(from));
    }
    if let Some(to) = filter.to {
        select = select.filter(A::OnDate.lte(to));
    }
    if !filter.statuses.is_empty() {
        select = select.filter(A::Status.is_in(filter.statuses.iter().cloned()));
    }
    if let Some(id) = filter.advisor_id {
        select = select.filter(A::AdvisorId.eq(id));
    }
    if let Some(id) = filter.vehicle_id {
        select = select.filter(A::VehicleId.eq(id));
    }
    if let Some(id) = filter.customer_id {
        select = select.filter(A::CustomerId.eq(id));
    }
    let select = match BY_DAY.apply(select, page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(BY_DAY.finish(rows, page, |a| {
        (CursorKey::Date(a.on_date), a.id)
    })))
}

/// Each car's latest repair order (any status).
pub async fn last_repair_orders<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    vehicle_ids: &[Uuid],
) -> DbResult<Vec<repair_order::Model>> {
    if vehicle_ids.is_empty() {
        return Ok(Vec::new());
    }
    let all = repair_order::Entity::scoped(scope)
        .filter(repair_order::Column::VehicleId.is_in(vehicle_ids.iter().copied()))
        .order_by_desc(repair_order::Column::OpenedAt)
        .all(conn)
        .await?;
    let mut latest: HashMap<Uuid, repair_order::Model> = HashMap::new();
    for ro in all {
        latest.entry(ro.vehicle_id).or_insert(ro);
    }
    Ok(latest.into_values().collect())
}
