//! The `pipeline_stages` table.

use sea_orm::entity::prelude::*;

/// A stage of the dealer's sales pipeline.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pipeline_stages")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub key: String,
    pub name: String,
    /// Percent chance of winning at this stage.
    pub probability: i32,
    /// `open`, `order` (the lead becomes O) or `won` (delivered; closed).
    pub kind: String,
    pub sort_order: i32,
    pub builtin: bool,
    pub active: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
