//! The `deal_settings` table.

use sea_orm::entity::prelude::*;

/// The dealer's deal settings (one row per dealer; absent while it uses the defaults).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "deal_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    /// The most discount a consultant may give without approval, in fen.
    pub max_discount_fen: Option<i64>,
    /// … or as a share of the vehicle with options and packages, in basis points.
    pub max_discount_bp: Option<i32>,
    /// The least gross margin a quote may make without approval, in fen.
    pub min_margin_fen: Option<i64>,
    pub quote_valid_days: i32,
    /// The dated purchase-tax rules (`forecourt_domain::quote_price::TaxRule`).
    #[sea_orm(column_type = "JsonBinary")]
    pub tax_rules: Json,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
