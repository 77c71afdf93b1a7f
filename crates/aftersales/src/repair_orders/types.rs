//! What the repair-order use cases take and give: new orders, lines, moves, the pickup, the
//! list's filters, and the views of an order with its lines, totals and the customer's bill.

use chrono::{DateTime, NaiveDate, Utc};
use forecourt_domain::aftersales::repair::{Payer, RepairStatus};
use forecourt_domain::ids::{
    CustomerId, RepairLineId, RepairOrderId, ServiceAppointmentId, UserId, VehicleId,
};
use forecourt_domain::orders::PaymentMethod;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The longest complaint (故障描述) or diagnosis.
pub const COMPLAINT_MAX: usize = 1000;
/// The longest operation code.
pub const OPERATION_CODE_MAX: usize = 32;
/// The longest description of a labour line.
pub const LABOUR_DESCRIPTION_MAX: usize = 200;
/// The most standard hours (× 100) of one labour line: 100 hours.
pub const HOURS_CENTI_MAX: i64 = 10_000;
/// The most units of a part on one line.
pub const QUANTITY_MAX: i64 = 1_000;
/// The highest odometer reading, in km.
pub const ODOMETER_MAX_KM: i64 = 2_000_000;
/// The highest rate or unit price of a line, in fen (¥1,000,000).
pub const LINE_PRICE_MAX_FEN: i64 = 100_000_000;
/// The most a customer pays at pickup, in fen (¥100,000,000).
pub const PAID_MAX_FEN: i64 = 10_000_000_000;

/// A repair order opened from a booked appointment, or for a walk-in (customer and one of
/// their cars).
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRepairOrder {
    /// A `booked` appointment of the dealer: its customer and car are used, and it becomes
    /// `arrived` with this order. An appointment opens one order (409 otherwise).
    pub appointment_id: Option<ServiceAppointmentId>,
    /// The customer of a walk-in (required without `appointment_id`).
    pub customer_id: Option<CustomerId>,
    /// The car of a walk-in: one of the customer's (required without `appointment_id`).
    pub vehicle_id: Option<VehicleId>,
    /// The service advisor (服务顾问); default the caller.
    pub advisor_id: Option<UserId>,
    /// The odometer on arrival, in km (0–2,000,000): recorded as a `service` mileage
    /// reading, never lower than an earlier one (422 `below_earlier_reading`).
    #[schema(minimum = 0, maximum = 2000000)]
    pub odometer_in_km: i32,
    /// The customer's complaint (故障描述), 1–1000 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ COMPLAINT_MAX }>)]
    pub complaint: String,
    /// A scheduled maintenance (保养): picking it up restarts the car's service clock.
    #[serde(default)]
    pub maintenance: bool,
    /// When the car is promised back.
    pub promised_at: Option<DateTime<Utc>>,
}

/// A labour line (工时) to add.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewLabourLine {
    /// The operation code (工时代码), 1–32 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ OPERATION_CODE_MAX }>)]
    pub operation_code: String,
    /// What is done, 1–200 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ LABOUR_DESCRIPTION_MAX }>)]
    pub description: String,
    /// Standard hours × 100 (1–10,000: 150 = 1.5 h).
    #[schema(minimum = 1, maximum = 10000)]
    pub hours_centi: i32,
    /// The rate per hour in fen; default the dealer's labour rate.
    #[schema(minimum = 0, maximum = 100000000)]
    pub rate_fen: Option<i64>,
    /// Who pays (default `customer`).
    pub payer: Option<Payer>,
    /// The order's version read; a stale one is 409 `version_conflict`.
    pub version: i64,
}

/// A change of a labour line; absent fields stay.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LabourLinePatch {
    /// 1–200 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ LABOUR_DESCRIPTION_MAX }>)]
    pub description: Option<String>,
    /// Standard hours × 100 (1–10,000).
    #[schema(minimum = 1, maximum = 10000)]
    pub hours_centi: Option<i32>,
    /// The rate per hour in fen.
    #[schema(minimum = 0, maximum = 100000000)]
    pub rate_fen: Option<i64>,
    pub payer: Option<Payer>,
    /// The order's version read.
    pub version: i64,
}

/// A parts line to add.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPartLine {
    /// The part number; its name and price come from the price list unless given (a number
    /// not on the list needs both: 422 `not_on_price_list`).
    #[schema(schema_with = forecourt_domain::schema::name::<{ crate::parts::PART_NO_MAX }>)]
    pub part_no: String,
    /// The name on the bill, 1–200 characters; default the price list's.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ crate::parts::PART_NAME_MAX }>)]
    pub name: Option<String>,
    /// Units (1–1000).
    #[schema(minimum = 1, maximum = 1000)]
    pub quantity: i32,
    /// The price per unit in fen; default the price list's.
    #[schema(minimum = 0, maximum = 100000000)]
    pub unit_price_fen: Option<i64>,
    /// Who pays (default `customer`).
    pub payer: Option<Payer>,
    /// The order's version read.
    pub version: i64,
}

/// A change of a parts line; absent fields stay.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PartLinePatch {
    /// Units (1–1000).
    #[schema(minimum = 1, maximum = 1000)]
    pub quantity: Option<i32>,
    /// The price per unit in fen.
    #[schema(minimum = 0, maximum = 100000000)]
    pub unit_price_fen: Option<i64>,
    pub payer: Option<Payer>,
    /// The order's version read.
    pub version: i64,
}

/// Removing a line: the order's version read.
#[derive(Clone, Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LineRemoval {
    /// The order's version read; a stale one is 409 `version_conflict`.
    pub version: i64,
}

/// A move of an order by hand.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RepairMove {
    /// `in_progress`, `quality_check`, `ready` or `cancelled`, as the order's state allows;
    /// `quality_check` and `ready` need every labour line done and nobody clocked on.
    pub to: RepairStatus,
    /// The order's version read.
    pub version: i64,
}

/// Handing the car back: the odometer and what the customer paid.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RepairPickup {
    /// The odometer at pickup, in km (recorded as a `service` reading).
    #[schema(minimum = 0, maximum = 2000000)]
    pub odometer_out_km: i32,
    /// What the customer paid, in fen: exactly the bill (the lines paid by the customer).
    #[schema(minimum = 0, maximum = 10000000000_i64)]
    pub paid_fen: i64,
    /// How they paid.
    pub payment_method: PaymentMethod,
    /// The order's version read.
    pub version: i64,
}

/// A technician to clock on or off a labour line.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClockInput {
    /// An active user of the dealer.
    pub technician_id: UserId,
}

/// Filters of the repair-order list.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RepairOrderQuery {
    /// Statuses, comma-separated: `opened,in_progress`.
    #[param(max_length = 100)]
    pub status: Option<String>,
    pub advisor_id: Option<UserId>,
    pub vehicle_id: Option<VehicleId>,
    pub customer_id: Option<CustomerId>,
    /// An order number, its beginning or its last digits.
    #[param(max_length = 20)]
    pub q: Option<String>,
    /// Rows per page (1–200, default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    #[param(max_length = 500)]
    pub cursor: Option<String>,
}

/// The car of an order.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RepairCar {
    pub vehicle_id: VehicleId,
    pub plate: Option<String>,
    pub vin: Option<String>,
    /// Brand, series and model, as known.
    pub model: String,
}

/// A labour line.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct LabourLineView {
    pub id: RepairLineId,
    pub operation_code: String,
    pub description: String,
    /// Standard hours × 100.
    pub hours_centi: i32,
    pub rate_fen: i64,
    /// Hours × rate, to the fen.
    pub amount_fen: i64,
    pub payer: Payer,
    /// `open`, `in_progress`, `done`.
    pub status: String,
    /// The technician who did (or does) the job.
    pub technician_id: Option<UserId>,
    pub technician_name: Option<String>,
    /// Technicians clocked on now.
    pub clocked_on: Vec<ClockView>,
}

/// A parts line.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PartLineView {
    pub id: RepairLineId,
    pub part_no: String,
    pub name: String,
    pub quantity: i32,
    pub unit_price_fen: i64,
    pub amount_fen: i64,
    pub payer: Payer,
}

/// A technician's clock-on.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ClockView {
    pub technician_id: UserId,
    pub technician_name: String,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
}

/// What one payer owes on the order.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PayerTotal {
    pub payer: Payer,
    pub amount_fen: i64,
}

/// The customer's bill: only the lines the customer pays (warranty, insurance and internal
/// lines are never on it).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CustomerBill {
    pub labour_fen: i64,
    pub parts_fen: i64,
    pub total_fen: i64,
}

/// A repair order with its lines.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RepairOrderView {
    pub id: RepairOrderId,
    /// `RO` + year + six digits.
    pub number: String,
    pub status: RepairStatus,
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub car: RepairCar,
    pub appointment_id: Option<ServiceAppointmentId>,
    pub advisor_id: UserId,
    pub advisor_name: String,
    pub maintenance: bool,
    pub odometer_in_km: i32,
    pub odometer_out_km: Option<i32>,
    pub complaint: String,
    pub promised_at: Option<DateTime<Utc>>,
    pub opened_at: DateTime<Utc>,
    pub ready_at: Option<DateTime<Utc>>,
    pub picked_up_at: Option<DateTime<Utc>>,
    pub paid_fen: Option<i64>,
    pub payment_method: Option<String>,
    pub labour: Vec<LabourLineView>,
    pub parts: Vec<PartLineView>,
    /// Every payer's total (customer, warranty, insurance, internal).
    pub totals: Vec<PayerTotal>,
    pub bill: CustomerBill,
    pub version: i64,
}

/// A row of the repair-order list.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RepairOrderSummary {
    pub id: RepairOrderId,
    pub number: String,
    pub status: RepairStatus,
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub car: RepairCar,
    pub advisor_id: UserId,
    pub advisor_name: String,
    pub maintenance: bool,
    pub complaint: String,
    pub promised_at: Option<DateTime<Utc>>,
    pub opened_at: DateTime<Utc>,
    pub picked_up_at: Option<DateTime<Utc>>,
    /// The customer's bill so far.
    pub customer_total_fen: i64,
    pub version: i64,
}

/// A period of warranty claims, in the dealer's calendar.
#[derive(Clone, Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WarrantyQuery {
    /// The first day.
    pub from: NaiveDate,
    /// The last day, included; at most 366 days after `from`.
    pub to: NaiveDate,
    /// The export's language (`zh-CN`, `zh-TW`, `en`); default the reader's.
    #[param(max_length = 8)]
    pub lang: Option<String>,
}

/// A warranty-paid line of a picked-up order (a claim to the maker, 索赔).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct WarrantyClaimLine {
    pub repair_order_id: RepairOrderId,
    pub number: String,
    /// The day the car was picked up, in the dealer's calendar.
    pub picked_up_on: NaiveDate,
    pub vin: Option<String>,
    pub plate: Option<String>,
    pub model: String,
    /// `labour` or `part`.
    pub kind: String,
    /// The operation code or part number.
    pub code: String,
    pub description: String,
    /// Hours × 100 of labour, units of a part.
    pub quantity: i32,
    pub amount_fen: i64,
}

/// The warranty claims of a period.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct WarrantyClaims {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub lines: Vec<WarrantyClaimLine>,
    pub total_fen: i64,
}

/// A person who may clock on a job: any active user of the dealer.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TechnicianView {
    pub id: UserId,
    pub display_name: String,
}
