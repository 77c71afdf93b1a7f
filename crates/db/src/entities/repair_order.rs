//! The `repair_orders` table.

use sea_orm::entity::prelude::*;

/// A repair order (工单).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "repair_orders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    /// The dealer's number (`RO2026000001`).
    pub number: String,
    pub customer_id: Uuid,
    pub vehicle_id: Uuid,
    pub appointment_id: Option<Uuid>,
    pub advisor_id: Uuid,
    /// `opened`, `in_progress`, `quality_check`, `ready`, `picked_up`, `cancelled`.
    pub status: String,
    /// A scheduled service: picking it up restarts the maintenance clock.
    pub maintenance: bool,
    pub odometer_in_km: i32,
    pub odometer_out_km: Option<i32>,
    /// The customer's complaint (故障描述).
    pub complaint: String,
    pub diagnosis: Option<String>,
    pub promised_at: Option<DateTimeUtc>,
    pub opened_at: DateTimeUtc,
    pub ready_at: Option<DateTimeUtc>,
    pub picked_up_at: Option<DateTimeUtc>,
    /// What the customer paid at pickup.
    pub paid_fen: Option<i64>,
    pub payment_method: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
