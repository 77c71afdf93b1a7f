//! The `config_items` table.

use sea_orm::entity::prelude::*;

/// A configurator item: a trim's own price row (`vehicle`), an `option`, a `package` or a
/// dealer `accessory` (精品).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "config_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub kind: String,
    /// The trim of a vehicle row, option or package.
    pub model_id: Option<Uuid>,
    /// The series an accessory is limited to (None: every series).
    pub series_id: Option<Uuid>,
    pub group_id: Option<Uuid>,
    pub code: Option<String>,
    pub name: String,
    /// The model colour a paint option stands for.
    pub colour: Option<String>,
    pub active: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
