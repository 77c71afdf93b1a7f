//! The `care_calendar_days` table.

use sea_orm::entity::prelude::*;

/// A day the calendar treats unlike its weekday: a holiday or a worked day off (调休).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "care_calendar_days")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    /// The day, in the dealer's calendar.
    pub day: Date,
    /// `true`: worked although its weekday is not; `false`: a holiday.
    pub working: bool,
    /// What the day is (国庆节, 调休 …).
    pub name: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
