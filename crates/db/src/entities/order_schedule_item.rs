//! The `order_schedule_items` table.

use sea_orm::entity::prelude::*;

/// A planned payment of an order: a deposit, the balance, a loan, a subsidy.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_schedule_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub order_id: Uuid,
    pub purpose: String,
    pub payer_kind: String,
    pub payer_name: Option<String>,
    pub amount_fen: i64,
    pub due_on: Date,
    /// `planned` or `approved` (a loan the finance company approved).
    pub status: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
