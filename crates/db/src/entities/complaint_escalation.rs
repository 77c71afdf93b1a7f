//! The `complaint_escalations` table.

use sea_orm::entity::prelude::*;

/// An escalation step fired for a complaint's clock, once per cycle.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "complaint_escalations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub complaint_id: Uuid,
    /// `first_response` or `resolution`.
    pub clock: String,
    /// `warning`, `breach`, `senior`.
    pub step: String,
    /// The complaint's cycle (reopenings) the step belongs to.
    pub cycle: i32,
    /// When the step fell due.
    pub due_at: DateTimeUtc,
    pub fired_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
