//! Planning, changing and completing activities through the API.

use super::access::{activity_for, view, views};
use super::hooks::*;
use super::types::{ActivityPatch, ActivityView, CompleteActivity, NewActivity};
use crate::Work;
use chrono::{DateTime, Duration, Utc};
use forecourt_customers::access::customer_for;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{activity, user};
use forecourt_db::repo::{activities, tenant};
use forecourt_domain::ids::{ActivityId, UserId};
use forecourt_domain::permission::Permission;
use forecourt_domain::username::{LONG_NOTE_MAX, REASON_MAX, SHORT_NAME_MAX};
use forecourt_domain::username::{parse_name, parse_optional_text};
use forecourt_domain::work::{ActivityKind, ActivityStatus};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::access::holder_reached;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde_json::json;
use uuid::Uuid;

struct Times {
    starts_at: Option<DateTime<Utc>>,
    ends_at: Option<DateTime<Utc>>,
    due_at: Option<DateTime<Utc>>,
}

fn check_times(errors: &mut FieldErrors, kind: ActivityKind, t: &Times) {
    match (t.starts_at, t.ends_at) {
        (Some(s), Some(e)) if e <= s => errors.push(FieldError::new(
            "ends_at",
            "before_start",
            "must be after starts_at",
        )),
        (Some(_), None) => errors.push(FieldError::required("ends_at")),
        (None, Some(_)) => errors.push(FieldError::required("starts_at")),
        (Some(s), Some(e)) if e - s > Duration::days(7) => errors.push(FieldError::new(
            "ends_at",
            "too_long",
            "must be within 7 days of starts_at",
        )),
        _ => {}
    }
    if kind.is_timed() && t.starts_at.is_none() && t.due_at.is_none() {
        errors.push(FieldError::required("starts_at"));
    }
}

fn check_remind(errors: &mut FieldErrors, minutes: Option<i32>) {
    if minutes.is_some_and(|m| !(0..=10_080).contains(&m)) {
        errors.push(
            FieldError::new(
                "remind_minutes_before",
                "out_of_range",
                "must be 0 to 10080",
            )
            .with_param("max", 10_080),
        );
    }
}

/// The overlapping activities of the owner and participants, as a 409 unless allowed.
async fn check_overlap<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    people: &[Uuid],
    t: &Times,
    except: Option<Uuid>,
    allow: bool,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let (Some(start), Some(end)) = (t.starts_at, t.ends_at) else {
        return Ok(());
    };
    if allow {
        return Ok(());
    }
    let found = activities::overlapping(conn, actor.scope(), people, start, end, except).await?;
    if found.is_empty() {
        return Ok(());
    }
    let conflicts = views(conn, actor, found, now).await?;
    Err(CoreError::ScheduleConflict {
        conflicts: serde_json::to_value(conflicts).unwrap_or_default(),
    })
}

async fn owner_in_reach<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    owner: UserId,
    field: &str,
) -> CoreResult<user::Model> {
    let found = tenant::find::<user::Entity, _>(conn, actor.scope(), owner.uuid()).await?;
    match found {
        Some(user) if user.status == "active" => {
            if holder_reached(actor, &[Permission::ActivityWrite], Some(&user)) {
                Ok(user)
            } else {
                Err(CoreError::invalid(FieldError::new(
                    field,
                    "out_of_scope",
                    "is not someone whose activities you plan",
                )))
            }
        }
        _ => Err(CoreError::invalid(FieldError::new(
            field,
            "not_found",
            "is not an active user of the dealer",
        ))),
    }
}

impl Work<'_> {
    /// Plans an activity, owned by the caller unless `owner_id` names someone within their reach. A
    /// time that overlaps another activity of the owner or a participant is 409 `schedule_conflict`
    /// unless `allow_overlap`; needs `activity.write`.
    pub async fn create_activity(
        &self,
        actor: &Actor,
        input: NewActivity,
    ) -> CoreResult<ActivityView> {
        actor.require(Permission::ActivityWrite)?;
        let mut errors = FieldErrors::new();
        let subject = errors.check(parse_name("subject", &input.subject, REASON_MAX));
        let notes = errors
            .check(parse_optional_text(
                "notes",
                input.notes.as_deref(),
                LONG_NOTE_MAX,
            ))
            .flatten();
        let ref_type = errors
            .check(parse_optional_text(
                "ref_type",
                input.ref_type.as_deref(),
                SHORT_NAME_MAX,
            ))
            .flatten();
        if ref_type.is_some() != input.ref_id.is_some() {
            errors.push(FieldError::new(
                "ref_id",
                "required",
                "ref_type and ref_id go together",
            ));
        }
        let times = Times {
            starts_at: input.starts_at,
            ends_at: input.ends_at,
            due_at: input.due_at,
        };
        check_times(&mut errors, input.kind, &times);
        check_remind(&mut errors, input.remind_minutes_before);
        if input.customer_reminder_channel.is_some() && input.customer_id.is_none() {
            errors.push(FieldError::new(
                "customer_reminder_channel",
                "customer_required",
                "needs a customer",
            ));
        }
        errors.finish()?;
        let tx = self.db().begin().await?;
        let owner = owner_in_reach(
            &*tx,
            actor,
            input.owner_id.unwrap_or(actor.user_id()),
            "owner_id",
        )
        .await?;
        if let (Some(ref_type), Some(ref_id)) = (ref_type.as_deref(), input.ref_id) {
            forecourt_kernel::records::check_visible(self, &tx, actor, ref_type, ref_id).await?;
        }
        if let Some(customer) = input.customer_id {
            customer_for(&*tx, actor, customer, Permission::CustomerRead)
                .await
                .map_err(|e| match e {
                    CoreError::NotFound { .. }
                    | CoreError::Merged { .. }
                    | CoreError::Forbidden { .. } => CoreError::invalid(FieldError::new(
                        "customer_id",
                        "not_found",
                        "no such customer",
                    )),
                    other => other,
                })?;
        }
        for (i, p) in input.participant_ids.iter().enumerate() {
            let found = tenant::find::<user::Entity, _>(&*tx, actor.scope(), p.uuid()).await?;
            if found.is_none() {
                return Err(CoreError::invalid(FieldError::new(
                    format!("participant_ids.{i}"),
                    "not_found",
                    "no such user",
                )));
            }
        }
        let now = self.now();
        let mut people: Vec<Uuid> = vec![owner.id];
        people.extend(input.participant_ids.iter().map(|u| u.uuid()));
        check_overlap(&*tx, actor, &people, &times, None, input.allow_overlap, now).await?;
        let saved = create_activity_in(
            &*tx,
            actor,
            ActivityDraft {
                kind: input.kind,
                subject: subject.unwrap_or_default(),
                subject_text: None,
                notes,
                customer_id: input.customer_id,
                reference: ref_type.zip(input.ref_id),
                owner_id: UserId::from_uuid(owner.id),
                participant_ids: input.participant_ids,
                starts_at: input.starts_at,
                ends_at: input.ends_at,
                due_at: input.due_at,
                remind_minutes_before: input.remind_minutes_before,
                customer_reminder_channel: input.customer_reminder_channel,
                cancel_needs_approval: input.cancel_needs_approval,
                completion_locked: false,
            },
            now,
        )
        .await?;
        let view = view(&*tx, actor, saved, now).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Edits and reschedules (moving its reminder); an overlap is 409 `schedule_conflict`
    /// unless `allow_overlap`.
    pub async fn update_activity(
        &self,
        actor: &Actor,
        id: ActivityId,
        patch: ActivityPatch,
    ) -> CoreResult<ActivityView> {
        let tx = self.db().begin().await?;
        let before = activity_for(&*tx, actor, id, Permission::ActivityWrite).await?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict { entity: "activity" });
        }
        if before.status != ActivityStatus::Planned.as_str() {
            return Err(CoreError::invalid_state(format!(
                "a {} activity cannot be changed",
                before.status
            )));
        }
        if module_owned(&before) {
            return Err(owned_by_record(&before));
        }
        let kind = ActivityKind::parse(&before.kind).unwrap_or(ActivityKind::Task);
        let mut errors = FieldErrors::new();
        let mut after = before.clone();
        if let Some(subject) = &patch.subject {
            after.subject = errors
                .check(parse_name("subject", subject, REASON_MAX))
                .unwrap_or_default();
        }
        if let Some(notes) = &patch.notes {
            after.notes = errors
                .check(parse_optional_text(
                    "notes",
                    notes.as_deref(),
                    LONG_NOTE_MAX,
                ))
                .flatten();
        }
        if let Some(minutes) = patch.remind_minutes_before {
            check_remind(&mut errors, minutes);
            after.remind_minutes_before = minutes;
        }
        after.starts_at = patch.starts_at.or(before.starts_at);
        after.ends_at = patch.ends_at.or(before.ends_at);
        after.due_at = patch.due_at.or(before.due_at);
        let times = Times {
            starts_at: after.starts_at,
            ends_at: after.ends_at,
            due_at: after.due_at,
        };
        check_times(&mut errors, kind, &times);
        errors.finish()?;
        if let Some(owner) = patch.owner_id {
            after.owner_id = owner_in_reach(&*tx, actor, owner, "owner_id").await?.id;
        }
        after.deadline_at = deadline(after.starts_at, after.ends_at, after.due_at);
        let now = self.now();
        let moved = after.starts_at != before.starts_at
            || after.ends_at != before.ends_at
            || after.owner_id != before.owner_id;
        if moved {
            let mut people = vec![after.owner_id];
            people.extend(patch.participant_ids.iter().flatten().map(|u| u.uuid()));
            check_overlap(
                &*tx,
                actor,
                &people,
                &times,
                Some(before.id),
                patch.allow_overlap,
                now,
            )
            .await?;
        }
        let saved = tenant::update::<activity::Entity, _>(
            &*tx,
            actor.scope(),
            before.id,
            after,
            before.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("activity", e))?;
        if let Some(participants) = &patch.participant_ids {
            let ids: Vec<Uuid> = participants
                .iter()
                .map(|u| u.uuid())
                .filter(|u| *u != saved.owner_id)
                .collect();
            activities::set_participants(&*tx, actor.scope(), saved.id, &ids).await?;
        }
        if reminder_key(&before) != reminder_key(&saved) {
            unschedule_reminder(&*tx, &before, now).await?;
            schedule_reminder(&*tx, &saved, now).await?;
        }
        let mut entry = AuditEntry::action("activity", "updated", Some(saved.id));
        for (field, b, a) in [
            ("subject", json!(before.subject), json!(saved.subject)),
            ("owner_id", json!(before.owner_id), json!(saved.owner_id)),
            ("starts_at", json!(before.starts_at), json!(saved.starts_at)),
            ("ends_at", json!(before.ends_at), json!(saved.ends_at)),
            ("due_at", json!(before.due_at), json!(saved.due_at)),
        ] {
            if b != a {
                entry = entry.change(field, b, a);
            }
        }
        audit::record(&*tx, actor, entry, now).await?;
        if moved {
            on_timeline(&*tx, actor, &saved, "activity.rescheduled", now).await?;
        }
        let view = view(&*tx, actor, saved, now).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Marks an activity done. A completion-locked one (a pushed follow-up) is 409
    /// `invalid_state`: its module's own action closes it.
    pub async fn complete_activity(
        &self,
        actor: &Actor,
        id: ActivityId,
        input: CompleteActivity,
    ) -> CoreResult<ActivityView> {
        let tx = self.db().begin().await?;
        let before = activity_for(&*tx, actor, id, Permission::ActivityWrite).await?;
        if before.version != input.version {
            return Err(CoreError::VersionConflict { entity: "activity" });
        }
        if before.status != ActivityStatus::Planned.as_str() {
            return Err(CoreError::invalid_state(format!(
                "the activity is already {}",
                before.status
            )));
        }
        if before.completion_locked {
            return Err(CoreError::invalid_state(format!(
                "this task is closed by its {} itself (log the follow-up there), not here",
                before.ref_type.as_deref().unwrap_or("record")
            )));
        }
        let outcome = parse_optional_text("outcome", input.outcome.as_deref(), LONG_NOTE_MAX)?;
        let now = self.now();
        let saved = finish(&*tx, actor, before, ActivityStatus::Done, outcome, now).await?;
        let view = view(&*tx, actor, saved, now).await?;
        tx.commit().await?;
        Ok(view)
    }
}
