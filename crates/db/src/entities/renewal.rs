//! The `renewals` table.

use sea_orm::entity::prelude::*;

/// A policy's renewal (续保): opened before it ends, worked by a renewal agent.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "renewals")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub policy_id: Uuid,
    pub vehicle_id: Uuid,
    pub customer_id: Option<Uuid>,
    pub agent_id: Option<Uuid>,
    /// The day the policy ends.
    pub due_on: Date,
    /// `open`, `renewed_here`, `renewed_elsewhere`, `lost`.
    pub status: String,
    /// The insurer it was renewed with (here or elsewhere).
    pub insurer: Option<String>,
    pub lost_reason: Option<String>,
    pub new_policy_id: Option<Uuid>,
    /// The agent's call task.
    pub task_id: Option<Uuid>,
    pub closed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
