//! The `appraisals` table.

use sea_orm::entity::prelude::*;

/// A trade-in appraisal (二手车评估) of a customer's car.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "appraisals")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub customer_id: Uuid,
    pub vehicle_id: Uuid,
    pub appraiser_id: Option<Uuid>,
    pub mileage_km: Option<i32>,
    pub condition_notes: Option<String>,
    pub value_fen: i64,
    pub valid_until: Date,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
