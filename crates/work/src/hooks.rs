//! What other modules use inside their own transactions: planning an activity
//! ([`create_activity_in`]), closing, withdrawing, moving and handing it over — with its
//! reminder job, audit row and timeline entry.

use chrono::{DateTime, Duration, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::activity;
use forecourt_db::repo::{activities, tenant};
use forecourt_domain::ids::{ActivityId, CustomerId, DealerId, UserId};
use forecourt_domain::locale::Locale;
use forecourt_domain::text::Text;
use forecourt_domain::work::{ActivityKind, ActivityStatus, MessageChannel};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::{Actor, ActorKind};
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::jobs::{self, NewJob};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::{Value, json};
use uuid::Uuid;

pub const REMINDER_JOB: &str = "activity.reminder";

/// A validated activity, ready to save: what modules hand to [`create_activity_in`].
#[derive(Clone, Debug)]
pub struct ActivityDraft {
    pub kind: ActivityKind,
    pub subject: String,
    /// A subject the system wrote: each reader sees it in their language ([`Self::worded`]).
    pub subject_text: Option<Text>,
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
    /// Refuse generic completion: the module closes it with [`close_activity_in`]. Without
    /// `cancel_needs_approval` the module also owns its time and its cancellation (a test
    /// drive moves and is called off with its booking): see [`module_owned`].
    pub completion_locked: bool,
}

/// Whether only the module that planned an activity may move, complete or cancel it (it
/// mirrors one of the module's records, such as a test-drive booking).
pub fn module_owned(a: &activity::Model) -> bool {
    a.completion_locked && !a.cancel_needs_approval
}

/// The 409 of a change that belongs to the activity's own record.
pub(super) fn owned_by_record(a: &activity::Model) -> CoreError {
    CoreError::invalid_state(format!(
        "this activity follows its {}: change the {} itself",
        a.ref_type.as_deref().unwrap_or("record"),
        a.ref_type.as_deref().unwrap_or("record"),
    ))
}

impl ActivityDraft {
    /// A task due at `due_at`, owned by `owner`.
    pub fn task(subject: impl Into<String>, owner: UserId, due_at: DateTime<Utc>) -> Self {
        Self {
            kind: ActivityKind::Task,
            subject: subject.into(),
            subject_text: None,
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

impl ActivityDraft {
    /// A task whose subject the system writes: kept as the text, and in `locale`'s words
    /// for search and the audit log.
    pub fn worded(text: Text, locale: Locale, owner: UserId, due_at: DateTime<Utc>) -> Self {
        let mut draft = Self::task(
            forecourt_kernel::texts::render(&text, locale),
            owner,
            due_at,
        );
        draft.subject_text = Some(text);
        draft
    }
}

pub(super) fn deadline(
    starts: Option<DateTime<Utc>>,
    ends: Option<DateTime<Utc>>,
    due: Option<DateTime<Utc>>,
) -> Option<DateTime<Utc>> {
    due.or(ends).or(starts)
}

/// When a reminder fires for an activity: its start (or due time) less the lead time.
pub(super) fn reminder_key(a: &activity::Model) -> Option<(String, DateTime<Utc>)> {
    let minutes = a.remind_minutes_before?;
    let at = a.starts_at.or(a.due_at)?;
    Some((
        format!("{}:{}", a.id, at.timestamp()),
        at - Duration::minutes(i64::from(minutes)),
    ))
}

pub(super) async fn schedule_reminder<C: ConnectionTrait>(
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

pub(super) async fn unschedule_reminder<C: ConnectionTrait>(
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

pub(super) async fn on_timeline<C: ConnectionTrait>(
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
        subject_text: draft.subject_text.as_ref().map(Text::to_value),
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

/// Moves a planned activity in the caller's transaction (its module's record moved): the
/// times, the reminder, the audit row and the timeline follow.
pub async fn reschedule_activity_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: ActivityId,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let Some(before) = tenant::find::<activity::Entity, _>(conn, actor.scope(), id.uuid()).await?
    else {
        return Ok(());
    };
    if before.status != ActivityStatus::Planned.as_str()
        || (before.starts_at, before.ends_at) == (Some(starts_at), Some(ends_at))
    {
        return Ok(());
    }
    let mut after = before.clone();
    after.starts_at = Some(starts_at);
    after.ends_at = Some(ends_at);
    after.deadline_at = deadline(after.starts_at, after.ends_at, after.due_at);
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
    if reminder_key(&before) != reminder_key(&saved) {
        unschedule_reminder(conn, &before, now).await?;
        schedule_reminder(conn, &saved, now).await?;
    }
    audit::record(
        conn,
        actor,
        AuditEntry::action("activity", "updated", Some(saved.id))
            .change("starts_at", json!(before.starts_at), json!(saved.starts_at))
            .change("ends_at", json!(before.ends_at), json!(saved.ends_at)),
        now,
    )
    .await?;
    on_timeline(conn, actor, &saved, "activity.rescheduled", now).await
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

pub(super) async fn finish<C: ConnectionTrait>(
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
