//! The `care_settings` table.

use sea_orm::entity::prelude::*;

/// A dealer's customer-care settings: the working calendar of SLA clocks and the escalation ladder.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "care_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    /// Seven `0`/`1` flags, Monday first: the days that count as working time.
    pub working_days: String,
    /// The working day's start, minutes after local midnight (510 = 08:30).
    pub day_starts_min: i32,
    /// The working day's end, minutes after local midnight (1080 = 18:00).
    pub day_ends_min: i32,
    /// The share of a target at which the handler is warned.
    pub warn_percent: i32,
    /// Minutes from a breach to the general manager's step.
    pub senior_after_minutes: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
