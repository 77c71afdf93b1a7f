//! The `order_refunds` table.

use sea_orm::entity::prelude::*;

/// A refund of an order's money: effective once approved.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_refunds")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub order_id: Uuid,
    pub payment_id: Option<Uuid>,
    pub amount_fen: i64,
    pub reason: String,
    /// `pending`, `approved`, `rejected`.
    pub status: String,
    pub approval_id: Option<Uuid>,
    pub requested_by: Option<Uuid>,
    pub decided_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
