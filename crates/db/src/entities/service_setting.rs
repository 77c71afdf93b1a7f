//! The `service_settings` table.

use sea_orm::entity::prelude::*;

/// A dealer's service settings: the workshop's capacity, the labour rate and the reminder rules.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "service_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    /// Working bays (工位) in the workshop.
    pub bays: i32,
    /// The working day's start, minutes after local midnight (510 = 08:30).
    pub day_starts_min: i32,
    /// The working day's end, minutes after local midnight (1080 = 18:00).
    pub day_ends_min: i32,
    /// Seven `0`/`1` flags, Monday first: the days the workshop works.
    pub working_days: String,
    /// How many minutes of booked work one advisor takes per day.
    pub advisor_daily_minutes: i32,
    /// The labour rate per standard hour, in fen.
    pub labour_rate_fen: i64,
    /// The distance assumed per year for a car with fewer than two readings.
    pub fallback_km_per_year: i32,
    /// How many days before a service falls due its reminder goes out.
    pub reminder_days_before: i32,
    /// Push a call task to the advisor for a car coming due.
    pub remind_by_task: bool,
    /// Send the customer a message (with consent) for a car coming due.
    pub remind_by_message: bool,
    /// How many days before a policy ends its renewal opens.
    pub renewal_window_days: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
