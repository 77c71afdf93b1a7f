//! The `config_groups` table.

use sea_orm::entity::prelude::*;

/// A group of a trim's options (paint, interior, wheels …) with its rule.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "config_groups")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    /// The trim (catalog model).
    pub model_id: Uuid,
    pub name: String,
    /// `single`, `exclusive` or `multi`.
    pub rule: String,
    pub position: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
