//! The `order_invoices` table.

use sea_orm::entity::prelude::*;

/// The unified motor-vehicle sales invoice (机动车销售统一发票) of an order: one per VIN.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_invoices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub order_id: Uuid,
    pub invoice_no: String,
    pub vin: String,
    pub amount_fen: i64,
    pub issued_at: DateTimeUtc,
    pub issued_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
