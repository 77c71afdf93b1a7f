//! What the activity API takes and returns.

use chrono::{DateTime, Utc};
use forecourt_domain::ids::{ActivityId, ApprovalRequestId, CustomerId, TeamId, UserId};
use forecourt_domain::work::{ActivityKind, ActivityStatus, MessageChannel};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewActivity {
    /// What kind of activity: a call, task, visit, meeting, appointment or test drive.
    pub kind: ActivityKind,
    /// A short title shown in lists and calendars; required, at most 200 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::REASON_MAX }>)]
    pub subject: String,
    /// Free-text notes; at most 4000 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::LONG_NOTE_MAX }>)]
    pub notes: Option<String>,
    /// The customer the activity is about, if any.
    pub customer_id: Option<CustomerId>,
    /// A link to another record: `customer`, `vehicle`, `lead`, `opportunity` or
    /// `test_drive`, with `ref_id`. The record must be one the caller can see.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::SHORT_NAME_MAX }>)]
    pub ref_type: Option<String>,
    /// The linked record's id (with `ref_type`).
    pub ref_id: Option<Uuid>,
    /// Default: the caller.
    pub owner_id: Option<UserId>,
    /// Colleagues taking part besides the owner (active users of the dealer); the activity shows on
    /// their calendars too.
    #[serde(default)]
    pub participant_ids: Vec<UserId>,
    /// Visits, meetings, test drives and appointments take a start and an end...
    pub starts_at: Option<DateTime<Utc>>,
    /// When it ends (UTC, RFC 3339); with `starts_at`.
    pub ends_at: Option<DateTime<Utc>>,
    /// ...calls and tasks a due time.
    pub due_at: Option<DateTime<Utc>>,
    /// Remind the owner this many minutes before the start (or due time).
    pub remind_minutes_before: Option<i32>,
    /// Also remind the customer by this channel (only with their consent).
    pub customer_reminder_channel: Option<MessageChannel>,
    /// A pushed task: cancelling it needs a manager's approval.
    #[serde(default)]
    pub cancel_needs_approval: bool,
    /// Save even though the time overlaps another activity of the same person.
    #[serde(default)]
    pub allow_overlap: bool,
}

/// A change. Absent fields stay; times given reschedule.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct ActivityPatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// A new title; at most 200 characters. Absent keeps it.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::REASON_MAX }>)]
    pub subject: Option<String>,
    /// New notes, at most 4000 characters. Absent keeps them; `null` clears them.
    #[serde(default, deserialize_with = "forecourt_domain::patch::double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::LONG_NOTE_MAX }>)]
    pub notes: Option<Option<String>>,
    /// Hand the activity to another user (who must be within the caller's reach). Absent keeps the
    /// owner.
    pub owner_id: Option<UserId>,
    /// Replaces the whole list of colleagues taking part. Absent keeps it.
    pub participant_ids: Option<Vec<UserId>>,
    /// A new start (UTC, RFC 3339). Absent keeps it.
    pub starts_at: Option<DateTime<Utc>>,
    /// A new end (UTC, RFC 3339). Absent keeps it.
    pub ends_at: Option<DateTime<Utc>>,
    /// A new due time for a call or task (UTC, RFC 3339). Absent keeps it.
    pub due_at: Option<DateTime<Utc>>,
    /// Minutes before the start (or due time) to remind the owner. Absent keeps the reminder;
    /// `null` removes it.
    #[serde(default, deserialize_with = "forecourt_domain::patch::double_option")]
    #[schema(value_type = Option<i32>)]
    pub remind_minutes_before: Option<Option<i32>>,
    /// Save even though the new time overlaps another activity of the same person (otherwise 409
    /// `schedule_conflict`).
    #[serde(default)]
    pub allow_overlap: bool,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct CompleteActivity {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// What came of it ("customer will come on Saturday").
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::LONG_NOTE_MAX }>)]
    pub outcome: Option<String>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct CancelActivity {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// Why it is cancelled; at most 1000 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::COMMENT_MAX }>)]
    pub reason: Option<String>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PersonRef {
    /// The user's id.
    pub id: UserId,
    /// The user's name as shown in the app.
    pub display_name: String,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ActivityView {
    /// The activity's id (UUIDv7).
    pub id: ActivityId,
    /// What kind of activity it is.
    pub kind: ActivityKind,
    /// Its title.
    pub subject: String,
    /// Free-text notes, if any.
    pub notes: Option<String>,
    /// What came of it, written when it was completed.
    pub outcome: Option<String>,
    /// The customer it is about, if any.
    pub customer_id: Option<CustomerId>,
    /// That customer's name, for display.
    pub customer_name: Option<String>,
    /// The kind of record it is linked to (`customer`, `vehicle`, `lead`, `opportunity` or
    /// `test_drive`), if any.
    pub ref_type: Option<String>,
    /// The linked record's id (with `ref_type`).
    pub ref_id: Option<Uuid>,
    /// The user responsible for it.
    pub owner: PersonRef,
    /// Colleagues taking part besides the owner.
    pub participants: Vec<PersonRef>,
    /// When it starts (UTC, RFC 3339), for timed kinds.
    pub starts_at: Option<DateTime<Utc>>,
    /// When it ends (UTC, RFC 3339), for timed kinds.
    pub ends_at: Option<DateTime<Utc>>,
    /// When it is due (UTC, RFC 3339), for calls and tasks.
    pub due_at: Option<DateTime<Utc>>,
    /// `planned`, `done` or `cancelled`.
    pub status: ActivityStatus,
    /// Planned and past its due time (or end).
    pub overdue: bool,
    /// Minutes before the start (or due time) the owner is reminded; `null`: no reminder.
    pub remind_minutes_before: Option<i32>,
    /// The channel the customer is reminded by, if any.
    pub customer_reminder_channel: Option<MessageChannel>,
    /// A pushed task: cancelling it needs a manager's approval.
    pub cancel_needs_approval: bool,
    /// Closed only by its module's own action (a pushed follow-up: by logging it).
    pub completion_locked: bool,
    /// A cancellation waiting for approval.
    pub pending_approval_id: Option<ApprovalRequestId>,
    /// When it was completed (UTC, RFC 3339).
    pub completed_at: Option<DateTime<Utc>>,
    /// When it was cancelled (UTC, RFC 3339).
    pub cancelled_at: Option<DateTime<Utc>>,
    /// When it was created (UTC, RFC 3339).
    pub created_at: DateTime<Utc>,
    /// Its version; send it back with a change.
    pub version: i64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActivitySortKey {
    /// Newest first (default).
    #[default]
    Created,
    /// Soonest due first.
    Due,
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActivityQuery {
    pub owner_id: Option<UserId>,
    pub team_id: Option<TeamId>,
    pub customer_id: Option<CustomerId>,
    pub ref_type: Option<String>,
    pub ref_id: Option<Uuid>,
    pub kind: Option<ActivityKind>,
    pub status: Option<ActivityStatus>,
    /// Only overdue (true) or only not overdue (false).
    pub overdue: Option<bool>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    #[param(inline)]
    pub sort: Option<ActivitySortKey>,
    #[param(schema_with = forecourt_domain::schema::page_limit::<{ forecourt_domain::paging::MAX_PAGE_SIZE }>)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Clone, Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CalendarQuery {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// One person's calendar (default: the caller's).
    pub user_id: Option<UserId>,
    /// A team's calendar.
    pub team_id: Option<TeamId>,
}

/// Two activities of one person at overlapping times.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Conflict {
    /// The person whose schedule has the overlap.
    pub user_id: UserId,
    /// The two overlapping activities.
    pub activity_ids: [ActivityId; 2],
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CalendarView {
    /// The start of the period shown (UTC, RFC 3339), inclusive.
    pub from: DateTime<Utc>,
    /// The end of the period shown (UTC, RFC 3339), exclusive.
    pub to: DateTime<Utc>,
    /// The activities in the period.
    pub items: Vec<ActivityView>,
    /// The pairs of planned activities that overlap on one person's schedule.
    pub conflicts: Vec<Conflict>,
}

/// Whether the caller has a calendar feed. Its URL is not shown again (only its hash is kept);
/// the dates tell the user it is in use.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CalendarFeedStatus {
    /// Whether the caller has a feed in use.
    pub active: bool,
    /// When the feed was created (UTC, RFC 3339); `null` without a feed.
    pub created_at: Option<DateTime<Utc>>,
    /// When a calendar last fetched it (recorded at most every five minutes).
    pub last_used_at: Option<DateTime<Utc>>,
}

/// A created or rotated feed: the token is shown this once.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CalendarFeed {
    /// The feed's path, e.g. `/ical/<token>.ics`; prefix the server's address.
    pub path: String,
    /// The secret token in the path; anyone with it can read the calendar, so treat it like a
    /// password.
    pub token: String,
    /// When the feed was created (UTC, RFC 3339).
    pub created_at: DateTime<Utc>,
}
