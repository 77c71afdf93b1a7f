//! The `activities` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "activities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub kind: String,
    /// The subject as written: typed by a person, or for a text the system wrote, in the
    /// dealer's language (search and the audit log use it).
    pub subject: String,
    /// A subject the system wrote, as `{key, params}`: each reader sees it in their language.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub subject_text: Option<Json>,
    pub notes: Option<String>,
    pub outcome: Option<String>,
    pub customer_id: Option<Uuid>,
    pub ref_type: Option<String>,
    pub ref_id: Option<Uuid>,
    pub owner_id: Uuid,
    pub created_by: Option<Uuid>,
    pub starts_at: Option<DateTimeUtc>,
    pub ends_at: Option<DateTimeUtc>,
    pub due_at: Option<DateTimeUtc>,
    pub deadline_at: Option<DateTimeUtc>,
    pub status: String,
    pub completed_at: Option<DateTimeUtc>,
    pub cancelled_at: Option<DateTimeUtc>,
    pub remind_minutes_before: Option<i32>,
    pub customer_reminder_channel: Option<String>,
    pub cancel_needs_approval: bool,
    pub completion_locked: bool,
    pub pending_approval_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
