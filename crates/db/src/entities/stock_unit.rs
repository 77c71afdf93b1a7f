//! The `stock_units` table.

use sea_orm::entity::prelude::*;

/// A car on the dealer's books, by VIN: from ordered to delivered (then it is the customer's
/// vehicle, `vehicle_id`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stock_units")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub vin: String,
    /// The catalog model (trim); none for a used car not in the catalog.
    pub catalog_model_id: Option<Uuid>,
    /// The car in words (a used car's brand, series and model).
    pub description: Option<String>,
    pub colour: Option<String>,
    /// `ordered`, `in_transit`, `in_stock`, `reserved`, `sold`, `delivered`.
    pub status: String,
    pub location: Option<String>,
    /// The day it arrived at the dealer (days in stock count from it).
    pub arrived_on: Option<Date>,
    pub cost_fen: Option<i64>,
    /// The order it is reserved for (the orders module owns that table: no foreign key).
    pub order_id: Option<Uuid>,
    /// Its buyer, once delivered.
    pub customer_id: Option<Uuid>,
    /// The car's one record for life, once delivered (or the trade-in it came from).
    pub vehicle_id: Option<Uuid>,
    /// A trade-in in used-car stock.
    pub used: bool,
    pub status_changed_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
