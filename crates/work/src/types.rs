//! What the activity API takes and returns.

use chrono::{DateTime, Utc};
use forecourt_domain::ids::{ActivityId, ApprovalRequestId, CustomerId, TeamId, UserId};
use forecourt_domain::work::{ActivityKind, ActivityStatus, MessageChannel};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewActivity {
    pub kind: ActivityKind,
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::REASON_MAX }>)]
    pub subject: String,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::LONG_NOTE_MAX }>)]
    pub notes: Option<String>,
    pub customer_id: Option<CustomerId>,
    /// A link to another record: `customer`, `vehicle`, `lead`, `opportunity` or
    /// `test_drive`, with `ref_id`. The record must be one the caller can see.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::SHORT_NAME_MAX }>)]
    pub ref_type: Option<String>,
    /// The linked record's id (with `ref_type`).
    pub ref_id: Option<Uuid>,
    /// Default: the caller.
    pub owner_id: Option<UserId>,
    #[serde(default)]
    pub participant_ids: Vec<UserId>,
    /// Visits, meetings, test drives and appointments take a start and an end...
    pub starts_at: Option<DateTime<Utc>>,
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
    pub version: i64,
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::REASON_MAX }>)]
    pub subject: Option<String>,
    #[serde(default, deserialize_with = "forecourt_domain::patch::double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::LONG_NOTE_MAX }>)]
    pub notes: Option<Option<String>>,
    pub owner_id: Option<UserId>,
    pub participant_ids: Option<Vec<UserId>>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub due_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "forecourt_domain::patch::double_option")]
    #[schema(value_type = Option<i32>)]
    pub remind_minutes_before: Option<Option<i32>>,
    #[serde(default)]
    pub allow_overlap: bool,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct CompleteActivity {
    pub version: i64,
    /// What came of it ("customer will come on Saturday").
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::LONG_NOTE_MAX }>)]
    pub outcome: Option<String>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct CancelActivity {
    pub version: i64,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::COMMENT_MAX }>)]
    pub reason: Option<String>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PersonRef {
    pub id: UserId,
    pub display_name: String,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ActivityView {
    pub id: ActivityId,
    pub kind: ActivityKind,
    pub subject: String,
    pub notes: Option<String>,
    pub outcome: Option<String>,
    pub customer_id: Option<CustomerId>,
    pub customer_name: Option<String>,
    pub ref_type: Option<String>,
    pub ref_id: Option<Uuid>,
    pub owner: PersonRef,
    pub participants: Vec<PersonRef>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub due_at: Option<DateTime<Utc>>,
    pub status: ActivityStatus,
    /// Planned and past its due time (or end).
    pub overdue: bool,
    pub remind_minutes_before: Option<i32>,
    pub customer_reminder_channel: Option<MessageChannel>,
    pub cancel_needs_approval: bool,
    /// Closed only by its module's own action (a pushed follow-up: by logging it).
    pub completion_locked: bool,
    /// A cancellation waiting for approval.
    pub pending_approval_id: Option<ApprovalRequestId>,
    pub completed_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
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
    pub user_id: UserId,
    pub activity_ids: [ActivityId; 2],
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CalendarView {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub items: Vec<ActivityView>,
    pub conflicts: Vec<Conflict>,
}

/// Whether the caller has a calendar feed. Its URL is not shown again (only its hash is kept);
/// the dates tell the user it is in use.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CalendarFeedStatus {
    pub active: bool,
    pub created_at: Option<DateTime<Utc>>,
    /// When a calendar last fetched it (recorded at most every five minutes).
    pub last_used_at: Option<DateTime<Utc>>,
}

/// A created or rotated feed: the token is shown this once.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CalendarFeed {
    /// The feed's path, e.g. `/ical/<token>.ics`; prefix the server's address.
    pub path: String,
    pub token: String,
    pub created_at: DateTime<Utc>,
}
