//! The `order_settings` table.

use sea_orm::entity::prelude::*;

/// A dealer's order settings: the contract-number prefix and the delivery checklists.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub contract_prefix: String,
    /// The PDI checklist's items, as strings.
    #[sea_orm(column_type = "JsonBinary")]
    pub pdi_items: Json,
    /// The handover checklist's items, as strings.
    #[sea_orm(column_type = "JsonBinary")]
    pub handover_items: Json,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
