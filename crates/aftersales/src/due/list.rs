//! The due list advisors work from: cars whose next service falls in a period (overdue ones
//! included), soonest first, with the car, its owner, why it is due, the driving rate, whether
//! the reminder went out and any appointment already booked.

use crate::AfterSales;
use crate::views::{CarView, Named};
use chrono::{Duration, NaiveDate};
use forecourt_customers::CustomerRow;
use forecourt_db::entities::service_due;
use forecourt_db::repo::service;
use forecourt_domain::FieldError;
use forecourt_domain::aftersales::due::DueBy;
use forecourt_domain::ids::VehicleId;
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::paging::{Paged, page_or_bad_cursor, page_request};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// How far ahead the list looks by default, in days.
pub const DEFAULT_AHEAD_DAYS: i64 = 30;
/// The longest period the list may span, in days.
pub const MAX_SPAN_DAYS: i64 = 3_660;

/// The due list's filters.
#[derive(Clone, Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ServiceDueQuery {
    /// Due on or after this day (default: any day, overdue included).
    pub from: Option<NaiveDate>,
    /// Due on or before this day (default: 30 days from today).
    pub to: Option<NaiveDate>,
    /// Rows per page (1–200, default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    #[param(max_length = 500)]
    pub cursor: Option<String>,
}

/// An appointment already booked for the car.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BookedView {
    pub appointment_id: Uuid,
    pub on_date: NaiveDate,
}

/// A car's next service.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ServiceDueView {
    pub vehicle_id: VehicleId,
    pub car: Option<CarView>,
    /// The owner.
    pub customer: Option<CustomerRow>,
    /// The day it falls due.
    pub due_on: NaiveDate,
    /// Days from today (negative: overdue).
    pub days_left: i64,
    /// The reading at which it is due by distance, km.
    pub due_km: i32,
    /// Which limit comes first.
    pub due_by: DueBy,
    /// The first service (首保).
    pub first_service: bool,
    /// The driving rate used, metres per day.
    pub metres_per_day: i64,
    /// The rate is the dealer's fallback: the car has fewer than two readings.
    pub rate_estimated: bool,
    /// The last maintenance (day and km), if any.
    pub last_service_on: Option<NaiveDate>,
    pub last_service_km: Option<i32>,
    /// The reminder for this due day went out.
    pub reminded: bool,
    /// The next appointment booked for the car, if any.
    pub booked: Option<BookedView>,
}

fn due_view(
    row: &service_due::Model,
    named: &Named,
    booked: &HashMap<Uuid, BookedView>,
    today: NaiveDate,
) -> ServiceDueView {
    ServiceDueView {
        vehicle_id: VehicleId::from_uuid(row.vehicle_id),
        car: named.cars.get(&row.vehicle_id).cloned(),
        customer: row
            .customer_id
            .and_then(|c| named.customers.get(&c).cloned()),
        due_on: row.due_on,
        days_left: (row.due_on - today).num_days(),
        due_km: row.due_km,
        due_by: if row.due_by == "distance" {
            DueBy::Distance
        } else {
            DueBy::Time
        },
        first_service: row.first_service,
        metres_per_day: row.metres_per_day,
        rate_estimated: row.rate_estimated,
        last_service_on: row.last_service_on,
        last_service_km: row.last_service_km,
        reminded: row.reminded_for == Some(row.due_on),
        booked: booked.get(&row.vehicle_id).cloned(),
    }
}

impl AfterSales<'_> {
    async fn due_views<C: forecourt_db::ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        rows: &[service_due::Model],
    ) -> CoreResult<Vec<ServiceDueView>> {
        let today = self.today(actor);
        let vehicle_ids: Vec<Uuid> = rows.iter().map(|r| r.vehicle_id).collect();
        let customer_ids: Vec<Uuid> = rows.iter().filter_map(|r| r.customer_id).collect();
        let named = Named::load(conn, actor, &vehicle_ids, &customer_ids).await?;
        let booked = service::booked_for_vehicles(conn, actor.scope(), &vehicle_ids, today)
            .await?
            .into_iter()
            .map(|a| {
                (
                    a.vehicle_id,
                    BookedView {
                        appointment_id: a.id,
                        on_date: a.on_date,
                    },
                )
            })
            .collect();
        Ok(rows
            .iter()
            .map(|r| due_view(r, &named, &booked, today))
            .collect())
    }

    /// The cars due for service in a period (default: up to 30 days from today, overdue
    /// included), soonest first; keyset-paged. Needs `service:read`.
    pub async fn service_dues(
        &self,
        actor: &Actor,
        query: ServiceDueQuery,
    ) -> CoreResult<Paged<ServiceDueView>> {
        actor.require(Permission::ServiceRead)?;
        let today = self.today(actor);
        let to = query
            .to
            .unwrap_or(today + Duration::days(DEFAULT_AHEAD_DAYS));
        if let Some(from) = query.from
            && (to < from || (to - from).num_days() > MAX_SPAN_DAYS)
        {
            return Err(CoreError::invalid(FieldError::new(
                "to",
                "out_of_range",
                "must be on or after from, at most ten years later",
            )));
        }
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let conn = self.db().conn();
        let rows = page_or_bad_cursor(
            service::due_page(conn, actor.scope(), query.from, to, &page).await?,
        )?;
        let views = self.due_views(conn, actor, &rows.items).await?;
        Ok(Paged {
            items: views,
            next_cursor: rows.next_cursor.map(|c| c.encode()),
        })
    }

    /// One car's next service (none when nothing dates it). Needs `service:read`; a car of
    /// another dealer is 404.
    pub async fn vehicle_service_due(
        &self,
        actor: &Actor,
        vehicle_id: VehicleId,
    ) -> CoreResult<Option<ServiceDueView>> {
        let conn = self.db().conn();
        forecourt_kernel::access::find_in_dealer::<forecourt_db::entities::vehicle::Entity, _>(
            conn,
            actor,
            vehicle_id.uuid(),
            "vehicle",
        )
        .await?;
        actor.require(Permission::ServiceRead)?;
        let row = service::due_of(conn, actor.scope(), vehicle_id.uuid()).await?;
        let views = self.due_views(conn, actor, row.as_slice()).await?;
        Ok(views.into_iter().next())
    }

    /// Recomputes one car's next service now (after correcting its readings or plan). Needs
    /// `service:write`; a car of another dealer is 404.
    pub async fn refresh_vehicle_service_due(
        &self,
        actor: &Actor,
        vehicle_id: VehicleId,
    ) -> CoreResult<Option<ServiceDueView>> {
        let tx = self.db().begin().await?;
        forecourt_kernel::access::find_in_dealer::<forecourt_db::entities::vehicle::Entity, _>(
            &*tx,
            actor,
            vehicle_id.uuid(),
            "vehicle",
        )
        .await?;
        actor.require(Permission::ServiceWrite)?;
        let row = super::refresh_vehicle_in(&*tx, actor, vehicle_id.uuid(), self.now()).await?;
        let views = self.due_views(&*tx, actor, row.as_slice()).await?;
        tx.commit().await?;
        Ok(views.into_iter().next())
    }
}
