//! Booking an appointment and moving it to another day: every field checked, then the day's
//! capacity under its lock, in one write transaction with the audit row, the customer's
//! timeline and the reminder the day before.

use super::capacity::check_fits;
use super::reminder::schedule_reminder;
use super::types::{
    BOOK_AHEAD_DAYS, JOB_MAX, JOB_MINUTES, MoveAppointment, NOTES_MAX, NewAppointment,
};
use super::{AppointmentView, BOOKED_KIND, views};
use crate::AfterSales;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{service_appointment, user, vehicle};
use forecourt_db::repo::tenant;
use forecourt_domain::ids::UserId;
use forecourt_domain::permission::Permission;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::json;
use uuid::Uuid;

/// Checks a day, arrival time, length and advisor; collects the errors.
#[allow(clippy::too_many_arguments)]
async fn check_booking<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    errors: &mut FieldErrors,
    today: NaiveDate,
    on_date: NaiveDate,
    arrives_at: Option<DateTime<Utc>>,
    job_minutes: i32,
    advisor: Option<UserId>,
) -> CoreResult<()> {
    if on_date < today {
        errors.push(FieldError::new(
            "on_date",
            "must_not_be_past",
            "cannot be in the past",
        ));
    } else if on_date > today + Duration::days(BOOK_AHEAD_DAYS) {
        errors.push(FieldError::new(
            "on_date",
            "out_of_range",
            "at most a year ahead",
        ));
    }
    if let Some(at) = arrives_at
        && actor.time_zone().local_date(at) != on_date
    {
        errors.push(FieldError::new(
            "arrives_at",
            "out_of_range",
            "must fall on the appointment's day",
        ));
    }
    if !JOB_MINUTES.contains(&job_minutes) {
        errors.push(FieldError::new(
            "job_minutes",
            "out_of_range",
            "must be 15–1440 minutes",
        ));
    }
    if let Some(id) = advisor {
        let found = tenant::find::<user::Entity, _>(conn, actor.scope(), id.uuid()).await?;
        if found.is_none_or(|u| u.status != "active") {
            errors.push(FieldError::new(
                "advisor_id",
                "unknown_user",
                "is not an active user of the dealer",
            ));
        }
    }
    Ok(())
}

fn text(
    errors: &mut FieldErrors,
    field: &str,
    value: Option<&str>,
    max: usize,
    required: bool,
) -> Option<String> {
    let value = value.map(str::trim).filter(|v| !v.is_empty());
    match value {
        None if required => {
            errors.push(FieldError::required(field));
            None
        }
        Some(v) if v.chars().count() > max => {
            errors.push(FieldError::new(
                field,
                "too_long",
                format!("at most {max} characters"),
            ));
            None
        }
        other => other.map(str::to_owned),
    }
}

fn conflict(e: forecourt_db::DbError) -> CoreError {
    CoreError::from_db("service_appointment", e)
}

impl AfterSales<'_> {
    /// Books a car into a day. The car must be the dealer's and have an owner (422 on
    /// `vehicle_id`); the day today or later and a working day (422 on `on_date`); the job
    /// must fit what is left of the day and of the advisor's cap — else 409 `capacity_full`
    /// with the minutes left and the next day it fits. Needs `service:write`.
    pub async fn book_appointment(
        &self,
        actor: &Actor,
        input: NewAppointment,
    ) -> CoreResult<AppointmentView> {
        actor.require(Permission::ServiceWrite)?;
        let now = self.now();
        let today = self.today(actor);
        let tx = self.db().begin().await?;
        let mut errors = FieldErrors::new();
        let car = tenant::find::<vehicle::Entity, _>(&*tx, actor.scope(), input.vehicle_id.uuid())
            .await?;
        let owner = match &car {
            None => {
                errors.push(FieldError::new(
                    "vehicle_id",
                    "unknown_vehicle",
                    "is not a car of the dealer",
                ));
                None
            }
            Some(car) if car.owner_customer_id.is_none() => {
                errors.push(FieldError::new(
                    "vehicle_id",
                    "no_owner",
                    "the car has no owner",
                ));
                None
            }
            Some(car) => car.owner_customer_id,
        };
        check_booking(
            &*tx,
            actor,
            &mut errors,
            today,
            input.on_date,
            input.arrives_at,
            input.job_minutes,
            input.advisor_id,
        )
        .await?;
        let job = text(&mut errors, "job", Some(&input.job), JOB_MAX, true);
        let notes = text(
            &mut errors,
            "notes",
            input.notes.as_deref(),
            NOTES_MAX,
            false,
        );
        errors.finish()?;
        let (Some(car), Some(customer_id), Some(job)) = (car, owner, job) else {
            return Err(CoreError::invalid(FieldError::required("vehicle_id")));
        };
        let advisor = input.advisor_id.map(UserId::uuid);
        check_fits(
            &*tx,
            actor,
            input.on_date,
            input.job_minutes,
            advisor,
            None,
            now,
        )
        .await?;
        let model = service_appointment::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            customer_id,
            vehicle_id: car.id,
            advisor_id: advisor,
            on_date: input.on_date,
            arrives_at: input.arrives_at,
            job_minutes: input.job_minutes,
            job,
            source: input.source.as_str().to_owned(),
            status: "booked".to_owned(),
            repair_order_id: None,
            notes,
            created_by: actor.user_id().uuid(),
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let saved = tenant::insert::<service_appointment::Entity, _>(
            &*tx,
            actor.scope(),
            model.dealer_id,
            model,
        )
        .await
        .map_err(conflict)?;
        audit::record(&*tx, actor, AuditEntry::created(&saved), now).await?;
        let data = json!({"appointment_id": saved.id, "vehicle_id": car.id, "plate": car.plate, "on_date": saved.on_date, "job": saved.job});
        timeline::record(
            &*tx,
            actor,
            vec![TimelineEvent::new(customer_id, BOOKED_KIND, data).about("vehicle", car.id)],
            now,
        )
        .await?;
        schedule_reminder(&*tx, actor, &saved, now).await?;
        let view = views(&*tx, actor, std::slice::from_ref(&saved))
            .await?
            .remove(0);
        tx.commit().await?;
        Ok(view)
    }

    /// Moves a booked appointment to another day (and, if given, another length or advisor),
    /// checked against that day's capacity without itself. Needs `service:write`; only a
    /// `booked` appointment moves (409 `invalid_state`); a stale `version` is 409.
    pub async fn move_appointment(
        &self,
        actor: &Actor,
        id: Uuid,
        input: MoveAppointment,
    ) -> CoreResult<AppointmentView> {
        let now = self.now();
        let today = self.today(actor);
        let tx = self.db().begin().await?;
        let before = forecourt_kernel::access::find_in_dealer::<service_appointment::Entity, _>(
            &*tx,
            actor,
            id,
            "service_appointment",
        )
        .await?;
        actor.require(Permission::ServiceWrite)?;
        if before.status != "booked" {
            return Err(CoreError::invalid_state(
                "only a booked appointment can be moved",
            ));
        }
        if before.version != input.version {
            return Err(CoreError::VersionConflict {
                entity: "service_appointment",
            });
        }
        let job_minutes = input.job_minutes.unwrap_or(before.job_minutes);
        let advisor = input
            .advisor_id
            .or(before.advisor_id.map(UserId::from_uuid));
        let mut errors = FieldErrors::new();
        check_booking(
            &*tx,
            actor,
            &mut errors,
            today,
            input.on_date,
            input.arrives_at,
            job_minutes,
            input.advisor_id,
        )
        .await?;
        errors.finish()?;
        let advisor = advisor.map(UserId::uuid);
        check_fits(
            &*tx,
            actor,
            input.on_date,
            job_minutes,
            advisor,
            Some(id),
            now,
        )
        .await?;
        let mut after = before.clone();
        after.on_date = input.on_date;
        after.arrives_at = input.arrives_at;
        after.job_minutes = job_minutes;
        after.advisor_id = advisor;
        let entry = AuditEntry::updated(&before, &after);
        let saved = audit::save::<service_appointment::Entity, _>(
            &*tx, actor, &before, after, entry, now, conflict,
        )
        .await?;
        schedule_reminder(&*tx, actor, &saved, now).await?;
        let view = views(&*tx, actor, std::slice::from_ref(&saved))
            .await?
            .remove(0);
        tx.commit().await?;
        Ok(view)
    }
}
