//! The `test_drive_cars` table.

use sea_orm::entity::prelude::*;

/// A car of the dealer's test-drive fleet.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "test_drive_cars")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub name: String,
    pub series_id: Option<Uuid>,
    pub model_id: Option<Uuid>,
    pub vin: Option<String>,
    pub plate: Option<String>,
    pub colour: Option<String>,
    pub active: bool,
    pub notes: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
