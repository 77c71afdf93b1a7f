//! The `maintenance_plans` table.

use sea_orm::entity::prelude::*;

/// A maintenance plan: a model's (or, without a model, the dealer's default) service intervals.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "maintenance_plans")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    /// The catalog model (trim) it is for; none for the dealer's default.
    pub catalog_model_id: Option<Uuid>,
    /// The plan's name.
    pub name: String,
    /// Distance between services.
    pub interval_km: i32,
    /// Time between services.
    pub interval_months: i32,
    /// The first service (首保), by distance from new.
    pub first_km: Option<i32>,
    /// The first service, by time from purchase.
    pub first_months: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
