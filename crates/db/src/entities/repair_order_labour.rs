//! The `repair_order_labour` table.

use sea_orm::entity::prelude::*;

/// A labour line of a repair order.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "repair_order_labour")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub repair_order_id: Uuid,
    pub operation_code: String,
    pub description: String,
    /// Standard hours × 100.
    pub hours_centi: i32,
    /// The rate per hour used.
    pub rate_fen: i64,
    pub amount_fen: i64,
    /// `customer`, `warranty`, `insurance`, `internal`.
    pub payer: String,
    /// `open`, `in_progress`, `done`.
    pub status: String,
    /// Who did (or does) the job.
    pub technician_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
