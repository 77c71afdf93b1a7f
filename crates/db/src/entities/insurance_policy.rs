//! The `insurance_policies` table.

use sea_orm::entity::prelude::*;

/// An insurance policy of a car: compulsory (交强险) or commercial (商业险).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "insurance_policies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub vehicle_id: Uuid,
    pub customer_id: Option<Uuid>,
    /// `compulsory` or `commercial`.
    pub kind: String,
    pub insurer: String,
    pub policy_no: String,
    pub premium_fen: i64,
    pub starts_on: Date,
    pub ends_on: Date,
    /// Sold (or renewed) through the dealer.
    pub sold_here: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
