//! The test-drive fleet and bookings.

use super::tenant::TenantEntity;
use crate::entities::{test_drive_booking, test_drive_car};
use crate::{DbResult, DealerScope};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

/// Statuses of bookings that hold their car.
pub const HOLDING: [&str; 2] = ["booked", "done"];

pub async fn cars<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<test_drive_car::Model>> {
    Ok(test_drive_car::Entity::scoped(scope)
        .order_by_desc(test_drive_car::Column::Active)
        .order_by_asc(test_drive_car::Column::Name)
        .all(conn)
        .await?)
}

#[derive(Clone, Debug, Default)]
pub struct BookingFilter {
    pub car_id: Option<Uuid>,
    pub consultant_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub lead_id: Option<Uuid>,
}

/// Bookings overlapping `[from, to)`, in time order (at most `limit`).
pub async fn bookings_between<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    filter: &BookingFilter,
    limit: u64,
) -> DbResult<Vec<test_drive_booking::Model>> {
    let mut select = test_drive_booking::Entity::scoped(scope)
        .filter(test_drive_booking::Column::StartsAt.lt(to))
        .filter(test_drive_booking::Column::EndsAt.gt(from));
    if let Some(car) = filter.car_id {
        select = select.filter(test_drive_booking::Column::CarId.eq(car));
    }
    if let Some(consultant) = filter.consultant_id {
        select = select.filter(test_drive_booking::Column::ConsultantId.eq(consultant));
    }
    if let Some(customer) = filter.customer_id {
        select = select.filter(test_drive_booking::Column::CustomerId.eq(customer));
    }
    if let Some(lead) = filter.lead_id {
        select = select.filter(test_drive_booking::Column::LeadId.eq(lead));
    }
    Ok(select
        .order_by_asc(test_drive_booking::Column::StartsAt)
        .order_by_asc(test_drive_booking::Column::Id)
        .limit(limit)
        .all(conn)
        .await?)
}

/// Bookings of a car that hold it and overlap `[from, to)` (other than `except`).
pub async fn clashes<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    car_id: Uuid,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    except: Option<Uuid>,
) -> DbResult<Vec<test_drive_booking::Model>> {
    let mut select = test_drive_booking::Entity::scoped(scope)
        .filter(test_drive_booking::Column::CarId.eq(car_id))
        .filter(test_drive_booking::Column::Status.is_in(HOLDING))
        .filter(test_drive_booking::Column::StartsAt.lt(to))
        .filter(test_drive_booking::Column::EndsAt.gt(from));
    if let Some(id) = except {
        select = select.filter(test_drive_booking::Column::Id.ne(id));
    }
    Ok(select.all(conn).await?)
}

/// A lead's or customer's bookings, newest first.
pub async fn of_customer<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    customer_id: Uuid,
) -> DbResult<Vec<test_drive_booking::Model>> {
    Ok(test_drive_booking::Entity::scoped(scope)
        .filter(test_drive_booking::Column::CustomerId.eq(customer_id))
        .order_by_desc(test_drive_booking::Column::StartsAt)
        .all(conn)
        .await?)
}
