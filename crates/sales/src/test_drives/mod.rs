//! Test drives: the dealer's test-drive cars, bookings on a calendar (the database refuses two
//! bookings of one car at once), the driving licence captured (encrypted, shown masked) and
//! the feedback after the drive, which can regrade the lead. Every booking is also an activity
//! on its consultant's calendar and My work, kept in step with the booking.

use crate::Sales;
mod bookings;
mod calendar_entry;
mod cars;
mod feedback;
mod types;

pub use types::*;

/// The longest a drive may be booked for.
const MAX_DRIVE: Duration = Duration::hours(4);

use crate::catalog_names::CatalogNames;
use crate::people::{people, person};
use crate::receptions::ReceptionCustomer;
use chrono::{DateTime, Duration, Utc};
use forecourt_db::entities::{lead, test_drive_booking, test_drive_car};
use forecourt_db::repo::test_drives::{self, BookingFilter};
use forecourt_db::repo::{customers, tenant};
use forecourt_db::{ConnectionTrait, DbError};
use forecourt_domain::id_number::IdNumber;
use forecourt_domain::ids::{CustomerId, LeadId, TestDriveBookingId, TestDriveCarId, UserId};
use forecourt_domain::masking::mask_keep_last;
use forecourt_domain::permission::Permission;
use forecourt_domain::sales::BookingStatus;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::access::{held_record_for, holder_reached};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde_json::{Value, json};
use std::collections::HashMap;
use uuid::Uuid;

fn car_view(catalog: &CatalogNames, c: &test_drive_car::Model) -> TestDriveCarView {
    TestDriveCarView {
        id: TestDriveCarId::from_uuid(c.id),
        name: c.name.clone(),
        label: car_label(catalog, c),
        car: catalog.car(c.series_id, c.model_id, None),
        vin: c.vin.clone(),
        plate: c.plate.clone(),
        colour: c.colour.clone(),
        active: c.active,
        notes: c.notes.clone(),
        version: c.version,
    }
}

/// How people see a test-drive car named: its catalog car (series, and model when known)
/// beside what staff call it — `大众 途观L · 白色试驾车` — unless the staff's name already
/// says the series and no model is known.
pub fn car_label(catalog: &CatalogNames, car: &test_drive_car::Model) -> String {
    let Some(named) = catalog.car(car.series_id, car.model_id, None) else {
        return car.name.clone();
    };
    let series_word = catalog
        .car(car.series_id, None, None)
        .and_then(|s| s.name.split(' ').next_back().map(str::to_owned))
        .unwrap_or_default();
    if car.model_id.is_none() && !series_word.is_empty() && car.name.contains(&series_word) {
        car.name.clone()
    } else {
        format!("{} · {}", named.name, car.name)
    }
}

/// Views of bookings for one caller.
async fn booking_views<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    found: &[test_drive_booking::Model],
) -> CoreResult<Vec<BookingView>> {
    let cars: HashMap<Uuid, test_drive_car::Model> = test_drives::cars(conn, actor.scope())
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let catalog = CatalogNames::load(conn, actor).await?;
    let names = people(conn, actor, found.iter().filter_map(|b| b.consultant_id)).await?;
    let mut ids: Vec<Uuid> = found.iter().map(|b| b.customer_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let customers = customers::find_many(conn, actor.scope(), &ids).await?;
    Ok(found
        .iter()
        .map(|b| {
            let consultant = b.consultant_id.and_then(|c| names.get(&c));
            let visible = holder_reached(actor, &[Permission::TestDriveRead], consultant);
            let car = cars.get(&b.car_id);
            BookingView {
                id: TestDriveBookingId::from_uuid(b.id),
                car: BookingCar {
                    id: TestDriveCarId::from_uuid(b.car_id),
                    name: car.map(|c| c.name.clone()).unwrap_or_default(),
                    label: car.map(|c| car_label(&catalog, c)).unwrap_or_default(),
                    plate: car.and_then(|c| c.plate.clone()),
                },
                starts_at: b.starts_at,
                ends_at: b.ends_at,
                status: b.status.parse().unwrap_or(BookingStatus::Booked),
                busy_only: !visible,
                customer: visible.then(|| ReceptionCustomer {
                    id: CustomerId::from_uuid(b.customer_id),
                    name: customers
                        .iter()
                        .find(|c| c.id == b.customer_id)
                        .map(|c| c.name.clone())
                        .unwrap_or_default(),
                }),
                lead_id: visible
                    .then_some(b.lead_id)
                    .flatten()
                    .map(LeadId::from_uuid),
                consultant: person(&names, b.consultant_id),
                licence: visible
                    .then(|| {
                        b.licence_last4
                            .as_deref()
                            .map(|l| mask_keep_last(&format!("{:0>18}", l), 4))
                    })
                    .flatten(),
                feedback: (visible && b.feedback_rating.is_some()).then(|| FeedbackView {
                    rating: b.feedback_rating.unwrap_or_default(),
                    liked: b.feedback_liked.clone(),
                    concerns: b.feedback_concerns.clone(),
                    grade: b.feedback_grade.as_deref().and_then(|g| g.parse().ok()),
                }),
                notes: visible.then(|| b.notes.clone()).flatten(),
                version: b.version,
            }
        })
        .collect())
}

/// A lead's test drives, newest first.
pub async fn bookings_of_lead<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    lead_id: Uuid,
) -> CoreResult<Vec<BookingView>> {
    let lead = tenant::find::<lead::Entity, _>(conn, actor.scope(), lead_id).await?;
    let Some(lead) = lead else {
        return Ok(Vec::new());
    };
    let found: Vec<_> = test_drives::of_customer(conn, actor.scope(), lead.customer_id)
        .await?
        .into_iter()
        .filter(|b| b.lead_id == Some(lead_id))
        .collect();
    booking_views(conn, actor, &found).await
}

fn check_times(
    errors: &mut FieldErrors,
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
    now: DateTime<Utc>,
) {
    if ends <= starts {
        errors.push(FieldError::new(
            "ends_at",
            "before_start",
            "must be after the start",
        ));
    } else if ends - starts > MAX_DRIVE {
        errors.push(
            FieldError::new("ends_at", "too_long", "a test drive is at most 4 hours")
                .with_param("max", 4),
        );
    }
    if starts < now - Duration::days(30) {
        errors.push(FieldError::new(
            "starts_at",
            "too_early",
            "must be within the last 30 days",
        ));
    }
    if starts > now + Duration::days(180) {
        errors.push(FieldError::new(
            "starts_at",
            "too_late",
            "must be within the next 180 days",
        ));
    }
}

fn conflicts_json(clashes: &[test_drive_booking::Model]) -> Value {
    json!(
        clashes
            .iter()
            .map(|c| json!({"id": c.id, "starts_at": c.starts_at, "ends_at": c.ends_at}))
            .collect::<Vec<_>>()
    )
}

impl Sales<'_> {
    fn licence(
        &self,
        errors: &mut FieldErrors,
        field: &str,
        value: Option<&str>,
        actor: &Actor,
    ) -> Option<(String, String)> {
        let value = value.map(str::trim).filter(|v| !v.is_empty())?;
        let id = errors.check(IdNumber::parse(field, value, self.today(actor)))?;
        Some((self.pii().encrypt(id.as_str()), id.last4().to_owned()))
    }

    /// Turns the database's refusal of an overlapping booking into a conflict naming the
    /// bookings in the way (another request took the slot first).
    async fn overlap(
        &self,
        actor: &Actor,
        err: DbError,
        car: Uuid,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        except: Option<Uuid>,
    ) -> CoreError {
        match err {
            DbError::ExclusionViolation(_) => {
                let clashes =
                    test_drives::clashes(self.db().conn(), actor.scope(), car, from, to, except)
                        .await
                        .unwrap_or_default();
                CoreError::ScheduleConflict {
                    conflicts: conflicts_json(&clashes),
                }
            }
            other => CoreError::from_db("test_drive", other),
        }
    }

    /// Bookings in a period, in time order: the caller's in full, the others as busy time.
    pub async fn test_drive_calendar(
        &self,
        actor: &Actor,
        query: BookingQuery,
    ) -> CoreResult<Vec<BookingView>> {
        actor.require(Permission::TestDriveRead)?;
        if query.to <= query.from || query.to - query.from > Duration::days(62) {
            return Err(CoreError::invalid(FieldError::new(
                "to",
                "out_of_range",
                "must be after `from`, at most 62 days later",
            )));
        }
        let conn = self.db().conn();
        let filter = BookingFilter {
            car_id: query.car_id.map(TestDriveCarId::uuid),
            consultant_id: query.consultant_id.map(UserId::uuid),
            customer_id: query.customer_id.map(CustomerId::uuid),
            lead_id: None,
        };
        let found =
            test_drives::bookings_between(conn, actor.scope(), query.from, query.to, &filter, 2000)
                .await?;
        let mut views = booking_views(conn, actor, &found).await?;
        // Busy time of cancelled bookings tells nobody anything.
        views.retain(|v| !v.busy_only || v.status.holds_car());
        if query.customer_id.is_some() {
            views.retain(|v| !v.busy_only);
        }
        Ok(views)
    }

    /// Loads a booking for a change by the caller: it must be the dealer's and its consultant
    /// within the caller's `test_drive.book` reach, else 404 (or 403 without the permission).
    pub async fn booking_for<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        id: TestDriveBookingId,
    ) -> CoreResult<test_drive_booking::Model> {
        held_record_for::<test_drive_booking::Entity, _>(
            conn,
            actor,
            id.uuid(),
            "test_drive",
            Permission::TestDriveRead,
            Permission::TestDriveBook,
            |b| b.consultant_id,
        )
        .await
    }
}
