//! The `complaint_sla_targets` table.

use sea_orm::entity::prelude::*;

/// A complaint SLA target: working minutes to the first response and to resolution, per severity and source (`any` for every source).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "complaint_sla_targets")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    /// `low`, `medium`, `high`.
    pub severity: String,
    /// A complaint source, or `any`.
    pub source: String,
    /// Working minutes from entry to the handler's first answer.
    pub first_response_minutes: i32,
    /// Working minutes from entry (or reopening) to resolution.
    pub resolution_minutes: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
