//! The `opportunities` table.

use sea_orm::entity::prelude::*;

/// An opportunity (商机): a qualified lead moving through the pipeline.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "opportunities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub lead_id: Uuid,
    pub customer_id: Uuid,
    pub owner_id: Option<Uuid>,
    pub stage_id: Uuid,
    /// `open`, `won` or `lost`.
    pub status: String,
    pub amount_fen: Option<i64>,
    pub expected_on: Option<Date>,
    pub series_id: Option<Uuid>,
    pub model_id: Option<Uuid>,
    /// Competing brands/models, as strings.
    #[sea_orm(column_type = "JsonBinary")]
    pub competitors: Json,
    pub notes: Option<String>,
    pub stage_changed_at: DateTimeUtc,
    pub closed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
