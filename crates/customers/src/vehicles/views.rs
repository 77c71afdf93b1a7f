//! Vehicles as callers see them.

use chrono::{DateTime, NaiveDate, Utc};
use forecourt_db::entities::{mileage_reading, vehicle, vehicle_ownership};
use forecourt_domain::ids::{CatalogModelId, CustomerId, VehicleId};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct MileageView {
    /// The odometer reading, in km.
    pub km: i32,
    /// The day it was read (the dealer's local date).
    pub read_on: NaiveDate,
    /// Where the reading came from: `service`, `customer`, `inspection`, `sale` or `import`.
    pub source: String,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct OwnershipView {
    /// The owner's customer id.
    pub customer_id: CustomerId,
    /// The owner's name (masked when the caller may not see that customer).
    pub customer_name: String,
    /// The day they took the car (the dealer's local date), if known.
    pub started_on: Option<NaiveDate>,
    /// The day they gave it up; `null` for the current owner.
    pub ended_on: Option<NaiveDate>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct VehicleView {
    /// The vehicle's id (UUIDv7).
    pub id: VehicleId,
    /// The 17-character VIN, if known.
    pub vin: Option<String>,
    /// False when the VIN's check digit is wrong (kept on purpose).
    pub vin_check_ok: bool,
    /// The licence plate, if known.
    pub plate: Option<String>,
    /// The catalog model it is, if linked.
    pub catalog_model_id: Option<CatalogModelId>,
    /// The brand (copied from the catalog model, or as typed).
    pub brand: Option<String>,
    /// The series (copied from the catalog model, or as typed).
    pub series: Option<String>,
    /// The model (copied from the catalog model, or as typed).
    pub model: Option<String>,
    /// Its colour.
    pub colour: Option<String>,
    /// Its model year.
    pub model_year: Option<i32>,
    /// The day it was bought (the dealer's local date).
    pub purchase_date: Option<NaiveDate>,
    /// Bought at this dealer (else elsewhere).
    pub bought_here: bool,
    /// The customer who owns it now.
    pub owner_customer_id: Option<CustomerId>,
    /// The latest reading.
    pub mileage_km: Option<i32>,
    /// The day of the latest reading (the dealer's local date).
    pub mileage_on: Option<NaiveDate>,
    /// Notes on the car.
    pub notes: Option<String>,
    /// Readings, newest first (on the customer 360° and the vehicle page).
    pub mileage: Vec<MileageView>,
    /// Owners over time, oldest first (on the vehicle page).
    pub ownerships: Vec<OwnershipView>,
    /// When the vehicle was recorded (UTC, RFC 3339).
    pub created_at: DateTime<Utc>,
    /// When it last changed (UTC, RFC 3339).
    pub updated_at: DateTime<Utc>,
    /// Its version; send it back with a change.
    pub version: i64,
}

impl VehicleView {
    pub fn new(v: &vehicle::Model, readings: &[mileage_reading::Model]) -> Self {
        Self {
            id: VehicleId::from_uuid(v.id),
            vin: v.vin.clone(),
            vin_check_ok: v.vin_check_ok,
            plate: v.plate.clone(),
            catalog_model_id: v.catalog_model_id.map(CatalogModelId::from_uuid),
            brand: v.brand.clone(),
            series: v.series.clone(),
            model: v.model.clone(),
            colour: v.colour.clone(),
            model_year: v.model_year,
            purchase_date: v.purchase_date,
            bought_here: v.bought_here,
            owner_customer_id: v.owner_customer_id.map(CustomerId::from_uuid),
            mileage_km: v.mileage_km,
            mileage_on: v.mileage_on,
            notes: v.notes.clone(),
            mileage: readings
                .iter()
                .filter(|r| r.vehicle_id == v.id)
                .map(|r| MileageView {
                    km: r.km,
                    read_on: r.read_on,
                    source: r.source.clone(),
                })
                .collect(),
            ownerships: Vec::new(),
            created_at: v.created_at,
            updated_at: v.updated_at,
            version: v.version,
        }
    }

    pub fn with_ownerships(
        mut self,
        ownerships: &[vehicle_ownership::Model],
        name_of: impl Fn(uuid::Uuid) -> String,
    ) -> Self {
        self.ownerships = ownerships
            .iter()
            .map(|o| OwnershipView {
                customer_id: CustomerId::from_uuid(o.customer_id),
                customer_name: name_of(o.customer_id),
                started_on: o.started_on,
                ended_on: o.ended_on,
            })
            .collect();
        self
    }
}
