//! The `order_payments` table.

use sea_orm::entity::prelude::*;

/// Money received for an order (append-only).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_payments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub order_id: Uuid,
    pub schedule_item_id: Option<Uuid>,
    pub purpose: String,
    pub method: String,
    pub amount_fen: i64,
    pub receipt_no: String,
    pub received_at: DateTimeUtc,
    pub payer: Option<String>,
    pub recorded_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
