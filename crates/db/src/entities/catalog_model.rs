//! The `catalog_models` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "catalog_models")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub series_id: Uuid,
    /// The trim, e.g. `2026款 1.5T 豪华型`.
    pub name: String,
    pub model_year: i32,
    pub body_type: String,
    pub powertrain: String,
    pub guide_price_fen: i64,
    /// `[{"name": "珍珠白", "hex": "#F5F5F0"}]`
    #[sea_orm(column_type = "JsonBinary")]
    pub colours: Json,
    pub active: bool,
    pub published_from: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
