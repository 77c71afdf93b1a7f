//! The `vehicles` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "vehicles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub vin: Option<String>,
    /// False when the VIN's check digit is wrong and the user kept it anyway.
    pub vin_check_ok: bool,
    pub plate: Option<String>,
    pub catalog_model_id: Option<Uuid>,
    pub brand: Option<String>,
    pub series: Option<String>,
    pub model: Option<String>,
    pub colour: Option<String>,
    pub model_year: Option<i32>,
    pub purchase_date: Option<Date>,
    pub bought_here: bool,
    pub owner_customer_id: Option<Uuid>,
    pub mileage_km: Option<i32>,
    pub mileage_on: Option<Date>,
    pub notes: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
