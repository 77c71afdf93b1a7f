//! What the stock API takes and returns.

use chrono::{DateTime, NaiveDate, Utc};
use forecourt_domain::ids::{
    CatalogModelId, CatalogSeriesId, CustomerId, StockUnitId, UserId, VehicleId,
};
use forecourt_domain::patch::double_option;
use forecourt_domain::stock::StockStatus;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// The most a unit may cost, in fen (one hundred million yuan).
pub const MAX_COST_FEN: i64 = 10_000_000_000;

/// A car on the dealer's books.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct StockUnitView {
    /// The unit's id (UUIDv7).
    pub id: StockUnitId,
    /// Its VIN (17 characters, check digit valid).
    pub vin: String,
    /// The catalog model (trim); none for a used car not in the catalog.
    pub catalog_model_id: Option<CatalogModelId>,
    /// The catalog series of that model.
    pub series_id: Option<CatalogSeriesId>,
    /// The car in words: `大众 途观L 2025 380TSI 旗舰版`.
    pub model_name: String,
    /// Its colour.
    pub colour: Option<String>,
    /// Where it is in its life.
    pub status: StockStatus,
    /// Where it stands (yard, showroom, warehouse …).
    pub location: Option<String>,
    /// The day it arrived at the dealer.
    pub arrived_on: Option<NaiveDate>,
    /// Days in stock today (in the dealer's time zone), while it is on hand (in stock or
    /// reserved); none before it arrives and after it is sold.
    pub days_in_stock: Option<i64>,
    /// What it cost the dealer, in fen — only for readers with `stock:cost`.
    pub cost_fen: Option<i64>,
    /// The order it is reserved for (or was sold on).
    pub order_id: Option<Uuid>,
    /// Its buyer, once delivered.
    pub customer_id: Option<CustomerId>,
    /// The customer's vehicle it became (or the trade-in it came from).
    pub vehicle_id: Option<VehicleId>,
    /// A used car (a trade-in) rather than a new one.
    pub used: bool,
    /// When its status last changed.
    pub status_changed_at: DateTime<Utc>,
    /// When it was added.
    pub created_at: DateTime<Utc>,
    /// Its version; send it back with a change.
    pub version: i64,
}

/// One change of a unit's status.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct StockEventView {
    /// The status before; none when the unit was added.
    pub from_status: Option<StockStatus>,
    /// The status after.
    pub to_status: StockStatus,
    /// The order concerned, if any.
    pub order_id: Option<Uuid>,
    /// Who made the change (none: the system).
    pub actor_id: Option<UserId>,
    /// Their name.
    pub actor_name: Option<String>,
    /// When.
    pub at: DateTime<Utc>,
}

/// A unit with its history.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct StockUnitDetail {
    /// The unit.
    #[serde(flatten)]
    pub unit: StockUnitView,
    /// Every change of its status, oldest first.
    pub history: Vec<StockEventView>,
}

/// A new unit.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewStockUnit {
    /// The VIN: 17 characters whose check digit must be valid.
    #[schema(schema_with = forecourt_domain::schema::vin)]
    pub vin: String,
    /// The catalog model (trim).
    pub catalog_model_id: CatalogModelId,
    /// Its colour; at most 32 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::stock::COLOUR_MAX }>)]
    pub colour: Option<String>,
    /// `ordered`, `in_transit` or `in_stock` (default `in_stock`).
    pub status: Option<StockStatus>,
    /// Where it stands; at most 100 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::stock::LOCATION_MAX }>)]
    pub location: Option<String>,
    /// The day it arrived (`YYYY-MM-DD`); default today for a unit in stock.
    pub arrived_on: Option<NaiveDate>,
    /// What it cost, in fen (0 to 10,000,000,000).
    #[schema(minimum = 0, maximum = 10_000_000_000_i64)]
    pub cost_fen: Option<i64>,
}

/// Changes to a unit. Its status changes through a move.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct StockUnitPatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// Where it stands. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::stock::LOCATION_MAX }>)]
    pub location: Option<Option<String>>,
    /// What it cost, in fen. Absent keeps it; `null` clears it. Needs `stock:cost`.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(minimum = 0, maximum = 10_000_000_000_i64)]
    pub cost_fen: Option<Option<i64>>,
    /// Its colour. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::stock::COLOUR_MAX }>)]
    pub colour: Option<Option<String>>,
    /// The day it arrived. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    pub arrived_on: Option<Option<NaiveDate>>,
}

/// A move to another status.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct StockMove {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// The status to move to: only the next legal one (`ordered → in_transit → in_stock`;
    /// `reserved → in_stock` cancels a reservation). Reservations, sales and deliveries
    /// come from orders.
    pub status: StockStatus,
    /// The arrival day, when the unit moves in stock (default today).
    pub arrived_on: Option<NaiveDate>,
}

/// Sort orders of the stock list.
pub const SORTS: &[&str] = &["-created_at"];

/// Filters of the stock list.
#[derive(Clone, Debug, Default, Deserialize, IntoParams, ToSchema)]
#[into_params(parameter_in = Query)]
pub struct StockQuery {
    /// A VIN, whole or its last characters (the last six).
    #[param(max_length = 17)]
    pub q: Option<String>,
    /// Statuses, comma-separated: `in_stock,reserved`.
    #[param(max_length = 80)]
    pub status: Option<String>,
    /// A catalog model.
    pub catalog_model_id: Option<CatalogModelId>,
    /// A catalog series.
    pub series_id: Option<CatalogSeriesId>,
    /// The colour, exactly.
    #[param(max_length = 32)]
    pub colour: Option<String>,
    /// The location, or its beginning.
    #[param(max_length = 100)]
    pub location: Option<String>,
    /// At least this many days in stock.
    #[param(minimum = 0, maximum = 36500)]
    pub min_days: Option<i32>,
    /// Used cars only (`true`) or new only (`false`).
    pub used: Option<bool>,
    /// Rows per page (1–200, default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    #[param(max_length = 500)]
    pub cursor: Option<String>,
    /// The language of the export's headings (`zh-CN`, `zh-TW`, `en`); default the reader's.
    #[param(max_length = 8)]
    pub lang: Option<String>,
}

/// A trade-in entering used-car stock.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct TradeIn {
    /// The VIN of the customer's vehicle.
    #[schema(schema_with = forecourt_domain::schema::vin)]
    pub vin: String,
    /// Where it stands; at most 100 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::stock::LOCATION_MAX }>)]
    pub location: Option<String>,
    /// The day it came in (default today).
    pub arrived_on: Option<NaiveDate>,
    /// What the dealer paid, in fen.
    #[schema(minimum = 0, maximum = 10_000_000_000_i64)]
    pub cost_fen: Option<i64>,
}

/// The dealer's stock settings.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct StockSettingsView {
    /// The ages in days at which a unit raises an aged-stock alert (default 60 and 90).
    pub aged_days: Vec<i32>,
    /// The per-model minimums (units in stock or in transit).
    pub minimums: Vec<ModelMinimumView>,
    /// Its version (0 while the defaults apply); send it back with a change.
    pub version: i64,
}

/// A model's minimum stock.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct ModelMinimumView {
    /// The catalog model.
    pub catalog_model_id: CatalogModelId,
    /// The fewest units wanted in stock or in transit (0 removes the rule; at most 999).
    #[schema(minimum = 0, maximum = 999)]
    pub minimum: i32,
}

/// Changes to the stock settings.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct StockSettingsPatch {
    /// The version last read (0 while the defaults apply).
    pub version: i64,
    /// The aged-stock thresholds: 1 to 5 distinct ages, 1 to 3650 days.
    #[schema(max_items = 5, min_items = 1)]
    pub aged_days: Option<Vec<i32>>,
    /// Minimums to set, by model (0 removes a model's rule). Others stay.
    #[schema(max_items = 500)]
    pub minimums: Option<Vec<ModelMinimumView>>,
}

/// A catalog model's supply against its minimum.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ModelStockView {
    /// The catalog model.
    pub catalog_model_id: CatalogModelId,
    /// The model in words.
    pub model_name: String,
    /// Units in stock.
    pub in_stock: i64,
    /// Units in transit.
    pub in_transit: i64,
    /// The dealer's minimum (0: none).
    pub minimum: i32,
    /// Fewer units in stock and in transit than the minimum.
    pub low_stock: bool,
}
