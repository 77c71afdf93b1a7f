//! Service appointments (预约): a car booked into a workshop day. A day's capacity is bays ×
//! working minutes, and each advisor takes at most their daily minutes; a job's standard time
//! decides whether it fits, and a day without room is 409 `capacity_full` naming the next day
//! with room (`book.rs`). Booking, moving, cancelling and no-shows (`manage.rs`), the days'
//! capacity (`capacity.rs`) and the customer's reminder the day before (`reminder.rs`).

mod book;
pub mod capacity;
mod manage;
pub mod reminder;
mod types;

pub use types::*;

use crate::AfterSales;
use crate::views::Named;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{service_appointment, user};
use forecourt_db::repo::service::{self, AppointmentFilter};
use forecourt_db::repo::tenant;
use forecourt_domain::ids::{CustomerId, UserId, VehicleId};
use forecourt_domain::permission::Permission;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use forecourt_kernel::paging::{Paged, page_or_bad_cursor, page_request};
use std::collections::HashMap;
use uuid::Uuid;

/// The customer timeline kinds of appointments.
pub const BOOKED_KIND: &str = "service.appointment_booked";
pub const CANCELLED_KIND: &str = "service.appointment_cancelled";
pub const NO_SHOW_KIND: &str = "service.no_show";

/// Views of appointment rows (cars, customers and advisors fetched once for all).
pub(crate) async fn views<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    rows: &[service_appointment::Model],
) -> CoreResult<Vec<AppointmentView>> {
    let vehicle_ids: Vec<Uuid> = rows.iter().map(|a| a.vehicle_id).collect();
    let customer_ids: Vec<Uuid> = rows.iter().map(|a| a.customer_id).collect();
    let named = Named::load(conn, actor, &vehicle_ids, &customer_ids).await?;
    let advisor_ids: Vec<Uuid> = rows.iter().filter_map(|a| a.advisor_id).collect();
    let advisors: HashMap<Uuid, String> =
        tenant::find_many::<user::Entity, _>(conn, actor.scope(), &advisor_ids)
            .await?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect();
    Ok(rows
        .iter()
        .map(|a| AppointmentView {
            id: a.id,
            vehicle_id: VehicleId::from_uuid(a.vehicle_id),
            car: named.cars.get(&a.vehicle_id).cloned(),
            customer_id: CustomerId::from_uuid(a.customer_id),
            customer: named.customers.get(&a.customer_id).cloned(),
            advisor_id: a.advisor_id.map(UserId::from_uuid),
            advisor_name: a.advisor_id.and_then(|id| advisors.get(&id).cloned()),
            on_date: a.on_date,
            arrives_at: a.arrives_at,
            job_minutes: a.job_minutes,
            job: a.job.clone(),
            source: AppointmentSource::parse(&a.source).unwrap_or(AppointmentSource::Phone),
            status: AppointmentStatus::parse(&a.status).unwrap_or(AppointmentStatus::Booked),
            repair_order_id: a.repair_order_id,
            notes: a.notes.clone(),
            created_at: a.created_at,
            version: a.version,
        })
        .collect())
}

impl AfterSales<'_> {
    /// The dealer's appointments by day, filtered by period, status (comma-separated), advisor,
    /// car or customer; keyset-paged. Needs `service:read`.
    pub async fn list_appointments(
        &self,
        actor: &Actor,
        query: AppointmentQuery,
    ) -> CoreResult<Paged<AppointmentView>> {
        actor.require(Permission::ServiceRead)?;
        let mut errors = FieldErrors::new();
        let mut statuses = Vec::new();
        for key in query
            .status
            .as_deref()
            .unwrap_or("")
            .split(',')
            .map(str::trim)
        {
            if key.is_empty() {
                continue;
            }
            match AppointmentStatus::parse(key) {
                Some(s) => statuses.push(s.as_str().to_owned()),
                None => errors.push(FieldError::new(
                    "status",
                    "invalid_value",
                    "lists booked, arrived, no_show or cancelled",
                )),
            }
        }
        errors.finish()?;
        let filter = AppointmentFilter {
            from: query.from,
            to: query.to,
            statuses,
            advisor_id: query.advisor_id.map(UserId::uuid),
            vehicle_id: query.vehicle_id.map(VehicleId::uuid),
            customer_id: query.customer_id.map(CustomerId::uuid),
        };
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let conn = self.db().conn();
        let rows = page_or_bad_cursor(
            service::appointment_page(conn, actor.scope(), &filter, &page).await?,
        )?;
        let items = views(conn, actor, &rows.items).await?;
        Ok(Paged {
            items,
            next_cursor: rows.next_cursor.map(|c| c.encode()),
        })
    }

    /// One appointment. Needs `service:read`; another dealer's is 404.
    pub async fn get_appointment(&self, actor: &Actor, id: Uuid) -> CoreResult<AppointmentView> {
        let conn = self.db().conn();
        let found = forecourt_kernel::access::find_in_dealer::<service_appointment::Entity, _>(
            conn,
            actor,
            id,
            "service_appointment",
        )
        .await?;
        actor.require(Permission::ServiceRead)?;
        Ok(views(conn, actor, &[found]).await?.remove(0))
    }
}
