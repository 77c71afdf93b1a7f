//! The `stock_settings` table.

use sea_orm::entity::prelude::*;

/// The dealer's stock settings (one row per dealer; absent while it uses the defaults).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stock_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    /// The ages in days (a JSON array of integers) at which a unit raises an aged-stock alert.
    #[sea_orm(column_type = "JsonBinary")]
    pub aged_days: Json,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
