//! Planning, changing, completing and cancelling activities, and the hooks other modules use
//! inside their own transactions.

use super::access::{activity_for, reaches_owner, view, views};
use super::types::{ActivityPatch, ActivityView, CancelActivity, CompleteActivity, NewActivity};
use crate::app::App;
use crate::approvals::{ApprovalInput, ApprovalType, EffectCtx, EffectFuture, create_request};
use crate::audit::{self, AuditEntry};
use crate::auth::{Actor, ActorKind};
use crate::customers::access::customer_for;
use crate::customers::timeline::{self, TimelineEvent};
use crate::error::{CoreError, CoreResult};
use crate::jobs::{self, NewJob};
use chrono::{DateTime, Duration, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{activity, user};
use forecourt_db::repo::{activities, tenant};
use forecourt_domain::ids::{ActivityId, CustomerId, DealerId, UserId};
use forecourt_domain::permission::Permission;
use forecourt_domain::username::{parse_name, parse_optional_text};
use forecourt_domain::work::{ActivityKind, ActivityStatus, MessageChannel};
use forecourt_domain::{FieldError, FieldErrors};
use serde_json::{Value, json};
use uuid::Uuid;

pub const REMINDER_JOB: &str = "activity.reminder";

/// A validated activity, ready to save: what modules hand to [`create_activity_in`].
#[derive(Clone, Debug)]
pub struct ActivityDraft {
    pub kind: ActivityKind,
    pub subject: String,
    pub notes: Option<String>,
    pub customer_id: Option<CustomerId>,
    pub reference: Option<(String, Uuid)>,
    pub owner_id: UserId,
    pub participant_ids: Vec<UserId>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub due_at: Option<DateTime<Utc>>,
    pub remind_minutes_before: Option<i32>,
    pub customer_reminder_channel: Option<MessageChannel>,
    pub cancel_needs_approval: bool,
    /// Refuse generic completion: the module closes it with [`close_activity_in`].
    pub completion_locked: bool,
}

impl ActivityDraft {
    /// A task due at `due_at`, owned by `owner`.
    pub fn task(subject: impl Into<String>, owner: UserId, due_at: DateTime<Utc>) -> Self {
        Self {
            kind: ActivityKind::Task,
            subject: subject.into(),
            notes: None,
            customer_id: None,
            reference: None,
            owner_id: owner,
            participant_ids: Vec::new(),
            starts_at: None,
            ends_at: None,
            due_at: Some(due_at),
            remind_minutes_before: None,
            customer_reminder_channel: None,
            cancel_needs_approval: false,
            completion_locked: false,
        }
    }
}

fn deadline(
    starts: Option<DateTime<Utc>>,
    ends: Option<DateTime<Utc>>,
    due: Option<DateTime<Utc>>,
) -> Option<DateTime<Utc>> {
    due.or(ends).or(starts)
}

/// When a reminder fires for an activity: its start (or due time) less the lead time.
fn reminder_key(a: &activity::Model) -> Option<(String, DateTime<Utc>)> {
    let minutes = a.remind_minutes_before?;
    let at = a.starts_at.or(a.due_at)?;
    Some((
        format!("{}:{}", a.id, at.timestamp()),
        at - Duration::minutes(i64::from(minutes)),
    ))
}

async fn schedule_reminder<C: ConnectionTrait>(
    conn: &C,
    a: &activity::Model,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if a.status != ActivityStatus::Planned.as_str() {
        return Ok(());
    }
    // Nothing to remind of once the time has come (the overdue alarm takes over).
    if a.starts_at.or(a.due_at).is_none_or(|start| start <= now) {
        return Ok(());
    }
    if let Some((key, at)) = reminder_key(a) {
        let start = a.starts_at.or(a.due_at).map(|t| t.timestamp());
        jobs::enqueue(
            conn,
            NewJob::new(
                Some(DealerId::from_uuid(a.dealer_id)),
                REMINDER_JOB,
                json!({"activity_id": a.id, "start": start}),
            )
            .at(at.max(now))
            .key(key),
            now,
        )
        .await?;
    }
    Ok(())
}

async fn unschedule_reminder<C: ConnectionTrait>(
    conn: &C,
    a: &activity::Model,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if let Some((key, _)) = reminder_key(a) {
        jobs::cancel_keyed(
            conn,
            Some(DealerId::from_uuid(a.dealer_id)),
            REMINDER_JOB,
            &key,
            now,
        )
        .await?;
    }
    Ok(())
}

fn timeline_data(a: &activity::Model) -> Value {
    json!({
        "kind": a.kind, "subject": a.subject, "status": a.status, "outcome": a.outcome,
        "starts_at": a.starts_at, "due_at": a.due_at,
    })
}

async fn on_timeline<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    a: &activity::Model,
    event: &'static str,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if let Some(customer) = a.customer_id {
        timeline::record(
            conn,
            actor,
            vec![TimelineEvent::new(customer, event, timeline_data(a)).about("activity", a.id)],
            now,
        )
        .await?;
    }
    Ok(())
}

fn audit_fields(a: &activity::Model) -> AuditEntry {
    let mut entry = AuditEntry::action("activity", "created", Some(a.id));
    for (field, value) in [
        ("kind", json!(a.kind)),
        ("subject", json!(a.subject)),
        ("owner_id", json!(a.owner_id)),
        ("customer_id", json!(a.customer_id)),
        ("starts_at", json!(a.starts_at)),
        ("due_at", json!(a.due_at)),
    ] {
        if !value.is_null() {
            entry = entry.change(field, Value::Null, value);
        }
    }
    entry
}

/// Saves an activity in the caller's transaction: its participants, its reminder job, its
/// timeline entry and audit row. No permission or overlap check: the calling module has made
/// its own.
pub async fn create_activity_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    draft: ActivityDraft,
    now: DateTime<Utc>,
) -> CoreResult<activity::Model> {
    let model = activity::Model {
        id: Uuid::now_v7(),
        dealer_id: actor.dealer_id().uuid(),
        kind: draft.kind.as_str().to_owned(),
        subject: draft.subject,
        notes: draft.notes,
        outcome: None,
        customer_id: draft.customer_id.map(CustomerId::uuid),
        ref_type: draft.reference.as_ref().map(|(t, _)| t.clone()),
        ref_id: draft.reference.as_ref().map(|(_, id)| *id),
        owner_id: draft.owner_id.uuid(),
        created_by: (actor.kind() != ActorKind::System).then(|| actor.user_id().uuid()),
        starts_at: draft.starts_at,
        ends_at: draft.ends_at,
        due_at: draft.due_at,
        deadline_at: deadline(draft.starts_at, draft.ends_at, draft.due_at),
        status: ActivityStatus::Planned.as_str().to_owned(),
        completed_at: None,
        cancelled_at: None,
        remind_minutes_before: draft.remind_minutes_before,
        customer_reminder_channel: draft
            .customer_reminder_channel
            .map(|c| c.as_str().to_owned()),
        cancel_needs_approval: draft.cancel_needs_approval,
        completion_locked: draft.completion_locked,
        pending_approval_id: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    let saved =
        tenant::insert::<activity::Entity, _>(conn, actor.scope(), model.dealer_id, model).await?;
    let mut participants: Vec<Uuid> = draft
        .participant_ids
        .iter()
        .map(|u| u.uuid())
        .filter(|u| *u != saved.owner_id)
        .collect();
    participants.sort_unstable();
    participants.dedup();
    activities::set_participants(conn, actor.scope(), saved.id, &participants).await?;
    schedule_reminder(conn, &saved, now).await?;
    audit::record(conn, actor, audit_fields(&saved), now).await?;
    on_timeline(conn, actor, &saved, "activity.planned", now).await?;
    Ok(saved)
}

/// Closes an activity as done in the caller's transaction, lock or not: the module's own
/// action (logging the follow-up of a pushed task).
pub async fn close_activity_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: ActivityId,
    outcome: Option<String>,
    now: DateTime<Utc>,
) -> CoreResult<Option<activity::Model>> {
    let Some(before) = tenant::find::<activity::Entity, _>(conn, actor.scope(), id.uuid()).await?
    else {
        return Ok(None);
    };
    if before.status != ActivityStatus::Planned.as_str() {
        return Ok(Some(before));
    }
    finish(conn, actor, before, ActivityStatus::Done, outcome, now)
        .await
        .map(Some)
}

/// Cancels an activity in the caller's transaction without asking anyone: the module's own
/// action when the task has no reason to exist any more (a lead lost, won or handed over).
pub async fn withdraw_activity_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: ActivityId,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if let Some(before) =
        tenant::find::<activity::Entity, _>(conn, actor.scope(), id.uuid()).await?
        && before.status == ActivityStatus::Planned.as_str()
    {
        finish(conn, actor, before, ActivityStatus::Cancelled, None, now).await?;
    }
    Ok(())
}

/// Gives a planned activity to another owner in the caller's transaction (its record changed
/// hands); audited.
pub async fn reassign_activity_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: ActivityId,
    owner: UserId,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let Some(before) = tenant::find::<activity::Entity, _>(conn, actor.scope(), id.uuid()).await?
    else {
        return Ok(());
    };
    if before.status != ActivityStatus::Planned.as_str() || before.owner_id == owner.uuid() {
        return Ok(());
    }
    let mut after = before.clone();
    after.owner_id = owner.uuid();
    tenant::update::<activity::Entity, _>(
        conn,
        actor.scope(),
        before.id,
        after,
        before.version,
        now,
    )
    .await
    .map_err(|e| CoreError::from_db("activity", e))?;
    audit::record(
        conn,
        actor,
        AuditEntry::action("activity", "reassigned", Some(before.id)).change(
            "owner_id",
            before.owner_id.to_string(),
            owner.to_string(),
        ),
        now,
    )
    .await
}

async fn finish<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    before: activity::Model,
    status: ActivityStatus,
    outcome: Option<String>,
    now: DateTime<Utc>,
) -> CoreResult<activity::Model> {
    let mut after = before.clone();
    after.status = status.as_str().to_owned();
    after.pending_approval_id = None;
    match status {
        ActivityStatus::Done => {
            after.completed_at = Some(now);
            after.outcome = outcome.or(after.outcome);
        }
        _ => after.cancelled_at = Some(now),
    }
    let saved = tenant::update::<activity::Entity, _>(
        conn,
        actor.scope(),
        before.id,
        after,
        before.version,
        now,
    )
    .await
    .map_err(|e| CoreError::from_db("activity", e))?;
    unschedule_reminder(conn, &saved, now).await?;
    let verb = if status == ActivityStatus::Done {
        "completed"
    } else {
        "cancelled"
    };
    audit::record(
        conn,
        actor,
        AuditEntry::action("activity", verb, Some(saved.id))
            .change("status", before.status.clone(), saved.status.clone())
            .change("outcome", before.outcome.clone(), saved.outcome.clone()),
        now,
    )
    .await?;
    let event = if status == ActivityStatus::Done {
        "activity.done"
    } else {
        "activity.cancelled"
    };
    on_timeline(conn, actor, &saved, event, now).await?;
    Ok(saved)
}

/// Cancelling a pushed task waits for this approval.
pub static CANCEL_APPROVAL: ApprovalType = ApprovalType {
    kind: "activity.cancel",
    permission: Permission::ApprovalDecide,
    generic: false,
    on_approve: Some(approve_cancel),
    on_reject: Some(reject_cancel),
};

fn approve_cancel(ctx: EffectCtx<'_>) -> EffectFuture<'_> {
    Box::pin(async move {
        let Some(id) = ctx.request.ref_id else {
            return Ok(());
        };
        if let Some(before) =
            tenant::find::<activity::Entity, _>(ctx.conn, ctx.decider.scope(), id).await?
            && before.status == ActivityStatus::Planned.as_str()
        {
            finish(
                ctx.conn,
                ctx.decider,
                before,
                ActivityStatus::Cancelled,
                None,
                ctx.now,
            )
            .await?;
        }
        Ok(())
    })
}

fn reject_cancel(ctx: EffectCtx<'_>) -> EffectFuture<'_> {
    Box::pin(async move {
        let Some(id) = ctx.request.ref_id else {
            return Ok(());
        };
        if let Some(before) =
            tenant::find::<activity::Entity, _>(ctx.conn, ctx.decider.scope(), id).await?
            && before.pending_approval_id == Some(ctx.request.id)
        {
            let mut after = before.clone();
            after.pending_approval_id = None;
            tenant::update::<activity::Entity, _>(
                ctx.conn,
                ctx.decider.scope(),
                before.id,
                after,
                before.version,
                ctx.now,
            )
            .await
            .map_err(|e| CoreError::from_db("activity", e))?;
        }
        Ok(())
    })
}

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
            if reaches_owner(actor, Permission::ActivityWrite, Some(&user)) {
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

impl App {
    pub async fn create_activity(
        &self,
        actor: &Actor,
        input: NewActivity,
    ) -> CoreResult<ActivityView> {
        actor.require(Permission::ActivityWrite)?;
        let mut errors = FieldErrors::new();
        let subject = errors.check(parse_name("subject", &input.subject, 200));
        let notes = errors
            .check(parse_optional_text("notes", input.notes.as_deref(), 4000))
            .flatten();
        let ref_type = errors
            .check(parse_optional_text(
                "ref_type",
                input.ref_type.as_deref(),
                32,
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
        let tx = self.db.begin().await?;
        let owner = owner_in_reach(
            &*tx,
            actor,
            input.owner_id.unwrap_or(actor.user_id()),
            "owner_id",
        )
        .await?;
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
        let tx = self.db.begin().await?;
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
        let kind = ActivityKind::parse(&before.kind).unwrap_or(ActivityKind::Task);
        let mut errors = FieldErrors::new();
        let mut after = before.clone();
        if let Some(subject) = &patch.subject {
            after.subject = errors
                .check(parse_name("subject", subject, 200))
                .unwrap_or_default();
        }
        if let Some(notes) = &patch.notes {
            after.notes = errors
                .check(parse_optional_text("notes", notes.as_deref(), 4000))
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
        let tx = self.db.begin().await?;
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
        let outcome = parse_optional_text("outcome", input.outcome.as_deref(), 4000)?;
        let now = self.now();
        let saved = finish(&*tx, actor, before, ActivityStatus::Done, outcome, now).await?;
        let view = view(&*tx, actor, saved, now).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Cancels an activity; a pushed task (`cancel_needs_approval`) asks for the manager's
    /// approval instead and stays due until it is approved.
    pub async fn cancel_activity(
        &self,
        actor: &Actor,
        id: ActivityId,
        input: CancelActivity,
    ) -> CoreResult<ActivityView> {
        let tx = self.db.begin().await?;
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
        let reason = parse_optional_text("reason", input.reason.as_deref(), 1000)?;
        let now = self.now();
        let saved = if before.cancel_needs_approval {
            if before.pending_approval_id.is_some() {
                return Err(CoreError::invalid_state(
                    "a cancellation is already waiting for approval",
                ));
            }
            let request = create_request(
                &*tx,
                actor,
                ApprovalInput {
                    kind: CANCEL_APPROVAL.kind,
                    title: before.subject.clone(),
                    reference: Some(("activity".to_owned(), before.id)),
                    payload: json!({"reason": reason}),
                },
                now,
            )
            .await?;
            let mut after = before.clone();
            after.pending_approval_id = Some(request.id);
            tenant::update::<activity::Entity, _>(
                &*tx,
                actor.scope(),
                before.id,
                after,
                before.version,
                now,
            )
            .await
            .map_err(|e| CoreError::from_db("activity", e))?
        } else {
            let mut cancelled =
                finish(&*tx, actor, before, ActivityStatus::Cancelled, None, now).await?;
            if let Some(reason) = reason {
                cancelled.outcome = Some(reason);
            }
            cancelled
        };
        let view = view(&*tx, actor, saved, now).await?;
        tx.commit().await?;
        Ok(view)
    }
}
