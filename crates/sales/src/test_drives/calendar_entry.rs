//! A test drive on its consultant's calendar: an activity (kind `test_drive`, linked to the
//! booking) that the booking keeps in step — planned when booked, moved with it, cancelled with
//! it, done when the feedback is given. Calendar, My work, overlap warnings and the iCalendar
//! feed all show it because it is an activity like any other. Only the booking changes it:
//! completing, cancelling or moving it from the calendar is refused (`completion_locked`), so
//! the two never disagree.

use crate::texts::test_drive_activity;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::test_drive_booking;
use forecourt_db::repo::activities as activity_repo;
use forecourt_domain::ids::{ActivityId, CustomerId, UserId};
use forecourt_domain::work::ActivityKind;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use forecourt_work::{self as activities, ActivityDraft};
use uuid::Uuid;

/// The link of a booking's activity.
pub(super) const REF_TYPE: &str = "test_drive";

/// Plans the booking's activity.
pub(super) async fn plan<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    booking: &test_drive_booking::Model,
    car_name: &str,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let Some(consultant) = booking.consultant_id else {
        return Ok(());
    };
    let mut draft = ActivityDraft::worded(
        test_drive_activity(car_name),
        actor.locale(),
        UserId::from_uuid(consultant),
        booking.ends_at,
    );
    draft.kind = ActivityKind::TestDrive;
    draft.due_at = None;
    draft.starts_at = Some(booking.starts_at);
    draft.ends_at = Some(booking.ends_at);
    draft.customer_id = Some(CustomerId::from_uuid(booking.customer_id));
    draft.reference = Some((REF_TYPE.to_owned(), booking.id));
    draft.completion_locked = true;
    activities::create_activity_in(conn, actor, draft, now).await?;
    Ok(())
}

/// The booking's planned activity, if any.
async fn planned<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    booking: Uuid,
) -> CoreResult<Option<ActivityId>> {
    Ok(
        activity_repo::planned_about(conn, actor.scope(), REF_TYPE, booking)
            .await?
            .map(|a| ActivityId::from_uuid(a.id)),
    )
}

/// Moves the activity with the booking.
pub(super) async fn moved<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    booking: &test_drive_booking::Model,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if let Some(id) = planned(conn, actor, booking.id).await? {
        activities::reschedule_activity_in(
            conn,
            actor,
            id,
            booking.starts_at,
            booking.ends_at,
            now,
        )
        .await?;
    }
    Ok(())
}

/// Cancels the activity with the booking (called off or a no-show).
pub(super) async fn cancelled<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    booking: Uuid,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if let Some(id) = planned(conn, actor, booking).await? {
        activities::withdraw_activity_in(conn, actor, id, now).await?;
    }
    Ok(())
}

/// Closes the activity as done: the drive took place.
pub(super) async fn done<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    booking: Uuid,
    outcome: Option<String>,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if let Some(id) = planned(conn, actor, booking).await? {
        activities::close_activity_in(conn, actor, id, outcome, now).await?;
    }
    Ok(())
}
