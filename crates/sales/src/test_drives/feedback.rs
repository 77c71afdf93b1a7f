//! How the drive went: the feedback, the licence if not captured yet, and the lead's grade.

use crate::Sales;
use crate::leads::write::{Origin, record_grade, regrade, reschedule};
use crate::settings::effective;
use forecourt_db::entities::{lead, test_drive_booking, test_drive_car};
use forecourt_db::repo::tenant;
use forecourt_domain::ids::TestDriveBookingId;
use forecourt_domain::sales::{BookingStatus, Grade, LeadStatus};
use forecourt_domain::username::REMARK_MAX;
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::json;

use super::calendar_entry;
use super::*;
use crate::leads::access::may_work;

impl Sales<'_> {
    /// Records how the drive went; the lead's grade may change with it.
    pub async fn test_drive_feedback(
        &self,
        actor: &Actor,
        id: TestDriveBookingId,
        input: DriveFeedback,
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
                "feedback is given once, on a booked test drive",
            ));
        }
        let now = self.now();
        let mut errors = FieldErrors::new();
        if !(1..=MAX_RATING).contains(&input.rating) {
            errors.push(
                FieldError::new(
                    "rating",
                    "out_of_range",
                    format!("must be from 1 to {MAX_RATING}"),
                )
                .with_param("max", MAX_RATING),
            );
        }
        if input.grade.is_some_and(|g| !Grade::JUDGED.contains(&g)) {
            errors.push(FieldError::new(
                "grade",
                "invalid_value",
                "must be H, A, B or C",
            ));
        }
        let liked = errors
            .check(parse_optional_text(
                "liked",
                input.liked.as_deref(),
                REMARK_MAX,
            ))
            .flatten();
        let concerns = errors
            .check(parse_optional_text(
                "concerns",
                input.concerns.as_deref(),
                REMARK_MAX,
            ))
            .flatten();
        let licence = self.licence(
            &mut errors,
            "licence_number",
            input.licence_number.as_deref(),
            actor,
        );
        if before.licence_cipher.is_none()
            && licence.is_none()
            && !errors.fields().any(|f| f == "licence_number")
        {
            errors.push(FieldError::new(
                "licence_number",
                "required",
                "record the driver's licence before the drive is done",
            ));
        }
        if before.starts_at > now {
            errors.push(FieldError::new(
                "rating",
                "not_started",
                "the drive has not started yet",
            ));
        }
        errors.finish()?;
        let mut after = before.clone();
        after.status = BookingStatus::Done.as_str().to_owned();
        after.completed_at = Some(now);
        after.feedback_rating = Some(input.rating);
        after.feedback_liked = liked;
        after.feedback_concerns = concerns;
        after.feedback_grade = input.grade.map(|g| g.as_str().to_owned());
        if let Some((cipher, last4)) = licence {
            after.licence_cipher = Some(cipher);
            after.licence_last4 = Some(last4);
        }
        let entry = AuditEntry::updated(&before, &after).with_action("test_drive.done");
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
        calendar_entry::done(&*tx, actor, saved.id, None, now).await?;
        // The drive is a contact: the lead's grade and schedule follow — when the one giving
        // the feedback may work the lead. A colleague's lead records the contact and keeps its
        // grade and schedule (its consultant sees the drive and its feedback on the lead).
        if let Some(lead_id) = saved.lead_id
            && let Some(lead_before) =
                tenant::find::<lead::Entity, _>(&*tx, actor.scope(), lead_id).await?
            && lead_before.status == LeadStatus::Open.as_str()
        {
            let worked = may_work(&*tx, actor, lead_before.owner_id).await?;
            let settings = effective(&*tx, actor).await?;
            let mut lead_after = lead_before.clone();
            let change = input
                .grade
                .filter(|_| worked)
                .and_then(|g| regrade(actor, &mut lead_after, g, Origin::TestDrive, now));
            lead_after.last_contact_at = Some(
                saved
                    .starts_at
                    .max(lead_before.last_contact_at.unwrap_or(saved.starts_at)),
            );
            if worked {
                reschedule(&mut lead_after, &settings, actor, now);
            }
            let lead_saved = tenant::update::<lead::Entity, _>(
                &*tx,
                actor.scope(),
                lead_before.id,
                lead_after,
                lead_before.version,
                now,
            )
            .await
            .map_err(|e| CoreError::from_db("lead", e))?;
            record_grade(&*tx, actor, change).await?;
            audit::record(
                &*tx,
                actor,
                AuditEntry::updated(&lead_before, &lead_saved),
                now,
            )
            .await?;
        }
        let car =
            tenant::find::<test_drive_car::Entity, _>(&*tx, actor.scope(), saved.car_id).await?;
        timeline::record(
            &*tx,
            actor,
            vec![TimelineEvent::new(
                saved.customer_id,
                "test_drive.done",
                json!({"car": car.map(|c| c.name), "rating": input.rating, "grade": saved.feedback_grade, "concerns": saved.feedback_concerns}),
            )
            .about("test_drive", saved.id)],
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
