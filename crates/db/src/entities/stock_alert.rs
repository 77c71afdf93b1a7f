//! The `stock_alerts` table.

use sea_orm::entity::prelude::*;

/// An alert already raised: an aged unit per threshold (`aged`), a model below its minimum per
/// day (`low_stock`). Unique, so each is raised once.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stock_alerts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    /// `aged` or `low_stock`.
    pub kind: String,
    pub unit_id: Option<Uuid>,
    pub catalog_model_id: Option<Uuid>,
    pub threshold_days: Option<i32>,
    pub on_date: Option<Date>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
