//! The `quote_lines` table.

use sea_orm::entity::prelude::*;

/// A line of a quote: its kind, words and signed amount (the discount and the trade-in are
/// negative), with the price it was quoted at kept for good.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quote_lines")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub quote_id: Uuid,
    pub position: i32,
    pub kind: String,
    pub item_id: Option<Uuid>,
    pub label: String,
    pub amount_fen: i64,
    pub cost_fen: Option<i64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
