//! Booking, moving and cancelling a test drive.

use crate::Sales;
use forecourt_customers::access::customer_for;
use forecourt_db::entities::{lead, test_drive_booking, test_drive_car, user};
use forecourt_db::repo::test_drives::{self};
use forecourt_db::repo::{leads, tenant};
use forecourt_domain::ids::TestDriveBookingId;
use forecourt_domain::permission::Permission;
use forecourt_domain::sales::BookingStatus;
use forecourt_domain::username::REMARK_MAX;
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::access::holder_reached;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::{Actor, ActorKind};
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::json;
use uuid::Uuid;

use super::calendar_entry;
use super::*;

impl Sales<'_> {
    /// Books a test-drive car for a customer, accompanied by the caller or a consultant within
    /// their reach; the lead defaults to the customer's open lead. Needs `test_drive.book`; a car
    /// already booked at that time is 409 `schedule_conflict`, an inactive car or a customer the
    /// caller cannot see a 422 field error.
    pub async fn book_test_drive(
        &self,
        actor: &Actor,
        input: NewBooking,
    ) -> CoreResult<BookingView> {
        actor.require(Permission::TestDriveBook)?;
        let now = self.now();
        let tx = self.db().begin().await?;
        let mut errors = FieldErrors::new();
        let car =
            tenant::find::<test_drive_car::Entity, _>(&*tx, actor.scope(), input.car_id.uuid())
                .await?
                .filter(|c| c.active);
        if car.is_none() {
            errors.push(FieldError::new(
                "car_id",
                "unknown_car",
                "is not an active test-drive car",
            ));
        }
        let customer =
            match customer_for(&*tx, actor, input.customer_id, Permission::CustomerRead).await {
                Ok(c) => Some(c),
                Err(CoreError::NotFound { .. }) => {
                    errors.push(FieldError::new(
                        "customer_id",
                        "unknown_customer",
                        "is not a customer you can see",
                    ));
                    None
                }
                Err(other) => return Err(other),
            };
        let consultant_id = input.consultant_id.unwrap_or(actor.user_id());
        let consultant = tenant::find::<user::Entity, _>(&*tx, actor.scope(), consultant_id.uuid())
            .await?
            .filter(|u| u.status == "active");
        match &consultant {
            None => errors.push(FieldError::new(
                "consultant_id",
                "unknown_user",
                "is not an active user of this dealer",
            )),
            Some(c) if !holder_reached(actor, &[Permission::TestDriveBook], Some(c)) => {
                return Err(CoreError::Forbidden {
                    permission: Permission::TestDriveBook,
                });
            }
            Some(_) => {}
        }
        check_times(&mut errors, input.starts_at, input.ends_at, now);
        let licence = self.licence(
            &mut errors,
            "licence_number",
            input.licence_number.as_deref(),
            actor,
        );
        let notes = errors
            .check(parse_optional_text(
                "notes",
                input.notes.as_deref(),
                REMARK_MAX,
            ))
            .flatten();
        let lead_id = match (&customer, input.lead_id) {
            (Some(c), Some(id)) => {
                let lead = tenant::find::<lead::Entity, _>(&*tx, actor.scope(), id.uuid()).await?;
                if lead.as_ref().is_none_or(|l| l.customer_id != c.id) {
                    errors.push(FieldError::new(
                        "lead_id",
                        "unknown_lead",
                        "is not a lead of this customer",
                    ));
                }
                Some(id.uuid())
            }
            (Some(c), None) => leads::open_of_customer(&*tx, actor.scope(), c.id)
                .await?
                .first()
                .map(|l| l.id),
            (None, _) => None,
        };
        errors.finish()?;
        let (car, customer) = match (car, customer) {
            (Some(car), Some(customer)) => (car, customer),
            _ => return Err(CoreError::not_found("test_drive_car")),
        };
        let clashes = test_drives::clashes(
            &*tx,
            actor.scope(),
            car.id,
            input.starts_at,
            input.ends_at,
            None,
        )
        .await?;
        if !clashes.is_empty() {
            return Err(CoreError::ScheduleConflict {
                conflicts: conflicts_json(&clashes),
            });
        }
        let model = test_drive_booking::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            car_id: car.id,
            customer_id: customer.id,
            lead_id,
            consultant_id: Some(consultant_id.uuid()),
            starts_at: input.starts_at,
            ends_at: input.ends_at,
            status: BookingStatus::Booked.as_str().to_owned(),
            licence_cipher: licence.as_ref().map(|(c, _)| c.clone()),
            licence_last4: licence.map(|(_, l)| l),
            feedback_rating: None,
            feedback_liked: None,
            feedback_concerns: None,
            feedback_grade: None,
            notes,
            completed_at: None,
            cancelled_at: None,
            created_by: (actor.kind() != ActorKind::System).then(|| actor.user_id().uuid()),
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let created = match tenant::insert::<test_drive_booking::Entity, _>(
            &*tx,
            actor.scope(),
            model.dealer_id,
            model,
        )
        .await
        {
            Ok(created) => created,
            Err(err) => {
                drop(tx);
                return Err(self
                    .overlap(actor, err, car.id, input.starts_at, input.ends_at, None)
                    .await);
            }
        };
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        let catalog = CatalogNames::load(&*tx, actor).await?;
        calendar_entry::plan(&*tx, actor, &created, &car_label(&catalog, &car), now).await?;
        timeline::record(
            &*tx,
            actor,
            vec![TimelineEvent::new(
                customer.id,
                "test_drive.booked",
                json!({"car": car.name, "starts_at": created.starts_at, "ends_at": created.ends_at}),
            )
            .about("test_drive", created.id)],
            now,
        )
        .await?;
        let view = booking_views(&*tx, actor, std::slice::from_ref(&created))
            .await?
            .pop()
            .ok_or(CoreError::not_found("test_drive"))?;
        tx.commit().await?;
        Ok(view)
    }

    /// Moves a booked test drive to another time or car. A stale `version` is 409
    /// `version_conflict`, a drive no longer booked 409 `invalid_state`, a clash with another
    /// booking of the car 409 `schedule_conflict`.
    pub async fn reschedule_test_drive(
        &self,
        actor: &Actor,
        id: TestDriveBookingId,
        patch: BookingPatch,
    ) -> CoreResult<BookingView> {
        let tx = self.db().begin().await?;
        let before = self.booking_for(&*tx, actor, id).await?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict {
                entity: "test_drive",
            });
        }
        if before.status != BookingStatus::Booked.as_str() {
            return Err(CoreError::invalid_state(
                "only a booked test drive can be moved",
            ));
        }
        let now = self.now();
        let mut errors = FieldErrors::new();
        let mut after = before.clone();
        if let Some(car) = patch.car_id {
            match tenant::find::<test_drive_car::Entity, _>(&*tx, actor.scope(), car.uuid())
                .await?
                .filter(|c| c.active)
            {
                Some(c) => after.car_id = c.id,
                None => errors.push(FieldError::new(
                    "car_id",
                    "unknown_car",
                    "is not an active test-drive car",
                )),
            }
        }
        after.starts_at = patch.starts_at.unwrap_or(before.starts_at);
        after.ends_at = patch.ends_at.unwrap_or(before.ends_at);
        check_times(&mut errors, after.starts_at, after.ends_at, now);
        if let Some(notes) = &patch.notes {
            after.notes = errors
                .check(parse_optional_text("notes", Some(notes), REMARK_MAX))
                .flatten();
        }
        errors.finish()?;
        let clashes = test_drives::clashes(
            &*tx,
            actor.scope(),
            after.car_id,
            after.starts_at,
            after.ends_at,
            Some(before.id),
        )
        .await?;
        if !clashes.is_empty() {
            return Err(CoreError::ScheduleConflict {
                conflicts: conflicts_json(&clashes),
            });
        }
        let entry = AuditEntry::updated(&before, &after);
        let (car, from, to) = (after.car_id, after.starts_at, after.ends_at);
        let saved = match tenant::update::<test_drive_booking::Entity, _>(
            &*tx,
            actor.scope(),
            before.id,
            after,
            before.version,
            now,
        )
        .await
        {
            Ok(saved) => saved,
            Err(err) => {
                drop(tx);
                return Err(self
                    .overlap(actor, err, car, from, to, Some(before.id))
                    .await);
            }
        };
        audit::record(&*tx, actor, entry, now).await?;
        calendar_entry::moved(&*tx, actor, &saved, now).await?;
        let view = booking_views(&*tx, actor, std::slice::from_ref(&saved))
            .await?
            .pop()
            .ok_or(CoreError::not_found("test_drive"))?;
        tx.commit().await?;
        Ok(view)
    }

    /// Cancels a booked test drive, or records that the customer did not come (`no_show`). A stale
    /// `version` is 409 `version_conflict`, a drive no longer booked 409 `invalid_state`.
    pub async fn cancel_test_drive(
        &self,
        actor: &Actor,
        id: TestDriveBookingId,
        input: BookingCancel,
    ) -> CoreResult<BookingView> {
        let tx = self.db().begin().await?;
        let before = self.booking_for(&*tx, actor, id).await?;
        if before.version != input.version {
            return Err(CoreError::VersionConflict {
                entity: "test_drive",
            });
        }
        if before.status != BookingStatus::Booked.as_str() {
            return Err(CoreError::invalid_state(
                "only a booked test drive can be cancelled",
            ));
        }
        let now = self.now();
        let mut after = before.clone();
        after.status = if input.no_show {
            BookingStatus::NoShow
        } else {
            BookingStatus::Cancelled
        }
        .as_str()
        .to_owned();
        after.cancelled_at = Some(now);
        let entry = AuditEntry::updated(&before, &after);
        let saved = audit::save::<test_drive_booking::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            |e| CoreError::from_db("test_drive", e),
        )
        .await?;
        calendar_entry::cancelled(&*tx, actor, saved.id, now).await?;
        timeline::record(
            &*tx,
            actor,
            vec![
                TimelineEvent::new(
                    saved.customer_id,
                    "test_drive.cancelled",
                    json!({"no_show": input.no_show}),
                )
                .about("test_drive", saved.id),
            ],
            now,
        )
        .await?;
        let view = booking_views(&*tx, actor, std::slice::from_ref(&saved))
            .await?
            .pop()
            .ok_or(CoreError::not_found("test_drive"))?;
        tx.commit().await?;
        Ok(view)
    }
}
