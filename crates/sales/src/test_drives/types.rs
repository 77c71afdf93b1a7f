//! What the test-drive API takes and returns.

use crate::catalog_names::CarRef;
use crate::receptions::ReceptionCustomer;
use chrono::{DateTime, Utc};
use forecourt_customers::OwnerView;
use forecourt_domain::ids::{
    CatalogModelId, CatalogSeriesId, CustomerId, LeadId, TestDriveBookingId, TestDriveCarId, UserId,
};
use forecourt_domain::sales::{BookingStatus, Grade};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TestDriveCarView {
    /// The test-drive car's id (UUIDv7).
    pub id: TestDriveCarId,
    /// What staff call it: `白色试驾车`.
    pub name: String,
    /// How it is shown: its catalog car beside its name, `大众 途观L · 白色试驾车`.
    pub label: String,
    /// The catalog series or model it is, if recorded.
    pub car: Option<CarRef>,
    /// Its VIN, if recorded.
    pub vin: Option<String>,
    /// Its licence plate, if recorded.
    pub plate: Option<String>,
    /// Its colour, as staff describe it.
    pub colour: Option<String>,
    /// Whether it can be booked; retired cars stay for history.
    pub active: bool,
    /// Internal notes about the car.
    pub notes: Option<String>,
    /// Its version; send it back with a change.
    pub version: i64,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewTestDriveCar {
    /// What staff call it: `汉 EV 白色试驾车`.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::LONG_NAME_MAX }>)]
    pub name: String,
    /// The catalog series it is (optional).
    pub series_id: Option<CatalogSeriesId>,
    /// The catalog model it is (optional; it must be a model of `series_id` when both are given).
    pub model_id: Option<CatalogModelId>,
    /// Its VIN (17 characters); blank means none.
    #[schema(schema_with = forecourt_domain::schema::optional_vin)]
    pub vin: Option<String>,
    /// Its licence plate; blank means none.
    #[schema(schema_with = forecourt_domain::schema::optional_plate)]
    pub plate: Option<String>,
    /// Its colour as staff describe it; at most 32 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::SHORT_NAME_MAX }>)]
    pub colour: Option<String>,
    /// Internal notes; at most 500 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REMARK_MAX }>)]
    pub notes: Option<String>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct TestDriveCarPatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// A new name; at most 100 characters. Absent keeps it.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::LONG_NAME_MAX }>)]
    pub name: Option<String>,
    /// A new licence plate; an empty string clears it. Absent keeps it.
    #[schema(schema_with = forecourt_domain::schema::optional_plate)]
    pub plate: Option<String>,
    /// A new colour, at most 32 characters; an empty string clears it. Absent keeps it.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::SHORT_NAME_MAX }>)]
    pub colour: Option<String>,
    /// New notes, at most 500 characters; an empty string clears them. Absent keeps them.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REMARK_MAX }>)]
    pub notes: Option<String>,
    /// `false` retires the car (it can no longer be booked), `true` brings it back. Absent keeps
    /// it.
    pub active: Option<bool>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct FeedbackView {
    /// 1 (poor) to 5 (excellent).
    pub rating: i32,
    /// What the customer liked.
    pub liked: Option<String>,
    /// What the customer was unsure about.
    pub concerns: Option<String>,
    /// The grade given after the drive.
    pub grade: Option<Grade>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BookingCar {
    /// The test-drive car's id.
    pub id: TestDriveCarId,
    /// What staff call it: `白色试驾车`.
    pub name: String,
    /// How it is shown: its catalog car beside its name, `大众 途观L · 白色试驾车`.
    pub label: String,
    /// Its licence plate, if recorded.
    pub plate: Option<String>,
}

/// A booking. Bookings outside the caller's scope show only when the car is busy.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BookingView {
    /// The booking's id (UUIDv7).
    pub id: TestDriveBookingId,
    /// The car booked.
    pub car: BookingCar,
    /// When the drive starts (UTC, RFC 3339).
    pub starts_at: DateTime<Utc>,
    /// When the drive ends (UTC, RFC 3339).
    pub ends_at: DateTime<Utc>,
    /// `booked`, `done`, `cancelled` or `no_show`.
    pub status: BookingStatus,
    /// Only the car's busy time is shown (someone else's customer).
    pub busy_only: bool,
    /// The customer driving; `null` when `busy_only`.
    pub customer: Option<ReceptionCustomer>,
    /// The lead the drive belongs to, if any.
    pub lead_id: Option<LeadId>,
    /// The consultant accompanying the drive; `null` when `busy_only`.
    pub consultant: Option<OwnerView>,
    /// The driving licence number, masked (`**************1234`).
    pub licence: Option<String>,
    /// The customer's feedback, once the drive is completed.
    pub feedback: Option<FeedbackView>,
    /// Notes on the booking.
    pub notes: Option<String>,
    /// Its version; send it back with a change.
    pub version: i64,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewBooking {
    /// The car to book; it must be an active test-drive car.
    pub car_id: TestDriveCarId,
    /// The customer driving; one the caller can see.
    pub customer_id: CustomerId,
    /// Default: the customer's open lead.
    pub lead_id: Option<LeadId>,
    /// Default: the one booking.
    pub consultant_id: Option<UserId>,
    /// When the drive starts (UTC, RFC 3339): within the last 30 days and at most 180 days ahead.
    pub starts_at: DateTime<Utc>,
    /// When the drive ends (UTC, RFC 3339): after `starts_at`, at most 4 hours later.
    pub ends_at: DateTime<Utc>,
    /// The driver's licence number (the ID number on a mainland licence); may also be given
    /// with the feedback.
    #[schema(schema_with = forecourt_domain::schema::optional_id_number)]
    pub licence_number: Option<String>,
    /// Notes on the booking; at most 500 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REMARK_MAX }>)]
    pub notes: Option<String>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct BookingPatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// Move the drive to another active test-drive car. Absent keeps the car.
    pub car_id: Option<TestDriveCarId>,
    /// A new start (UTC, RFC 3339). Absent keeps it.
    pub starts_at: Option<DateTime<Utc>>,
    /// A new end (UTC, RFC 3339). Absent keeps it.
    pub ends_at: Option<DateTime<Utc>>,
    /// New notes; at most 500 characters. Absent keeps them.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REMARK_MAX }>)]
    pub notes: Option<String>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct BookingCancel {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// The customer did not come (else they called it off).
    #[serde(default)]
    pub no_show: bool,
}

/// The most stars a test drive can get.
pub const MAX_RATING: i32 = 5;

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct DriveFeedback {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// 1 to 5 stars.
    #[schema(schema_with = forecourt_domain::schema::integer::<1, { MAX_RATING as i64 }>)]
    pub rating: i32,
    /// What the customer liked; at most 500 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REMARK_MAX }>)]
    pub liked: Option<String>,
    /// What the customer was unsure about; at most 500 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REMARK_MAX }>)]
    pub concerns: Option<String>,
    /// The lead's grade after the drive (H, A, B or C), if it changed.
    #[schema(schema_with = forecourt_domain::schema::optional_judged_grade)]
    pub grade: Option<Grade>,
    /// Required when no licence was captured at booking.
    #[schema(schema_with = forecourt_domain::schema::optional_id_number)]
    pub licence_number: Option<String>,
}

#[derive(Clone, Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BookingQuery {
    pub from: DateTime<Utc>,
    /// At most 62 days after `from`.
    pub to: DateTime<Utc>,
    pub car_id: Option<TestDriveCarId>,
    pub consultant_id: Option<UserId>,
    pub customer_id: Option<CustomerId>,
}
