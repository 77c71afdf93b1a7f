//! The `orders` table.

use sea_orm::entity::prelude::*;

/// An order (订单 / 合同) made from an accepted quote.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "orders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub contract_no: String,
    pub quote_id: Uuid,
    pub lead_id: Uuid,
    pub opportunity_id: Option<Uuid>,
    pub customer_id: Uuid,
    pub consultant_id: Option<Uuid>,
    pub vehicle_desc: String,
    pub colour: Option<String>,
    /// The agreed lines of the quote, kept as signed.
    #[sea_orm(column_type = "JsonBinary")]
    pub lines: Json,
    pub total_fen: i64,
    /// `open`, `invoiced`, `delivered`, `cancelled`.
    pub status: String,
    pub vin: Option<String>,
    pub stock_unit_id: Option<Uuid>,
    pub cancel_reason: Option<String>,
    pub cancel_note: Option<String>,
    pub cancelled_at: Option<DateTimeUtc>,
    /// The PDI items ticked, as strings.
    #[sea_orm(column_type = "JsonBinary")]
    pub pdi_done: Json,
    /// The handover items ticked, as strings.
    #[sea_orm(column_type = "JsonBinary")]
    pub handover_done: Json,
    pub odometer_km: Option<i32>,
    pub delivered_at: Option<DateTimeUtc>,
    pub delivered_vehicle_id: Option<Uuid>,
    pub signed_at: DateTimeUtc,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
