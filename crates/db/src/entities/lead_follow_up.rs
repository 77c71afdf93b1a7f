//! The `lead_follow_ups` table.

use sea_orm::entity::prelude::*;

/// A logged follow-up of a lead: the channel, what was said, the grade after, the next step.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lead_follow_ups")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub lead_id: Uuid,
    pub customer_id: Uuid,
    pub user_id: Option<Uuid>,
    pub channel: String,
    pub summary: String,
    pub grade_before: String,
    pub grade_after: String,
    pub next_step: Option<String>,
    pub next_follow_up_at: Option<DateTimeUtc>,
    /// The pushed follow-up task this closed.
    pub activity_id: Option<Uuid>,
    pub occurred_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
