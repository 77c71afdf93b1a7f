//! The `sales_settings` table.

use sea_orm::entity::prelude::*;

/// The dealer's sales settings (one row per dealer; absent while it uses the defaults).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sales_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    /// Days until a new (N) lead's first follow-up is due.
    pub cadence_n_days: i32,
    pub cadence_h_days: i32,
    pub cadence_a_days: i32,
    pub cadence_b_days: i32,
    pub cadence_c_days: i32,
    /// The local hour of the day follow-ups fall due (18: by 6 pm).
    pub follow_up_due_hour: i32,
    /// Days a lead may stay C before it goes to the marketing pool (None: never).
    pub c_handover_days: Option<i32>,
    pub stagnation_days: i32,
    /// `flag`, `senior`, `manager` or `marketing_pool`.
    pub stagnation_action: String,
    /// The senior consultant stagnant leads go to.
    pub stagnation_user_id: Option<Uuid>,
    pub lost_needs_approval: bool,
    /// `manual`, `round_robin`, `load` or `model_line`.
    pub assignment_mode: String,
    /// The team whose consultants share new leads.
    pub assignment_team_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
