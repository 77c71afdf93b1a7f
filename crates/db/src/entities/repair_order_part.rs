//! The `repair_order_parts` table.

use sea_orm::entity::prelude::*;

/// A parts line of a repair order.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "repair_order_parts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub repair_order_id: Uuid,
    pub part_no: String,
    pub name: String,
    pub quantity: i32,
    pub unit_price_fen: i64,
    pub amount_fen: i64,
    /// `customer`, `warranty`, `insurance`, `internal`.
    pub payer: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
