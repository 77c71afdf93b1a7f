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
    pub id: TestDriveCarId,
    /// What staff call it: `白色试驾车`.
    pub name: String,
    /// How it is shown: its catalog car beside its name, `大众 途观L · 白色试驾车`.
    pub label: String,
    pub car: Option<CarRef>,
    pub vin: Option<String>,
    pub plate: Option<String>,
    pub colour: Option<String>,
    pub active: bool,
    pub notes: Option<String>,
    pub version: i64,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewTestDriveCar {
    /// What staff call it: `汉 EV 白色试驾车`.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::LONG_NAME_MAX }>)]
    pub name: String,
    pub series_id: Option<CatalogSeriesId>,
    pub model_id: Option<CatalogModelId>,
    #[schema(schema_with = forecourt_domain::schema::optional_vin)]
    pub vin: Option<String>,
    #[schema(schema_with = forecourt_domain::schema::optional_plate)]
    pub plate: Option<String>,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::SHORT_NAME_MAX }>)]
    pub colour: Option<String>,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REMARK_MAX }>)]
    pub notes: Option<String>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct TestDriveCarPatch {
    pub version: i64,
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::LONG_NAME_MAX }>)]
    pub name: Option<String>,
    #[schema(schema_with = forecourt_domain::schema::optional_plate)]
    pub plate: Option<String>,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::SHORT_NAME_MAX }>)]
    pub colour: Option<String>,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REMARK_MAX }>)]
    pub notes: Option<String>,
    pub active: Option<bool>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct FeedbackView {
    /// 1 (poor) to 5 (excellent).
    pub rating: i32,
    pub liked: Option<String>,
    pub concerns: Option<String>,
    /// The grade given after the drive.
    pub grade: Option<Grade>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BookingCar {
    pub id: TestDriveCarId,
    /// What staff call it: `白色试驾车`.
    pub name: String,
    /// How it is shown: its catalog car beside its name, `大众 途观L · 白色试驾车`.
    pub label: String,
    pub plate: Option<String>,
}

/// A booking. Bookings outside the caller's scope show only when the car is busy.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BookingView {
    pub id: TestDriveBookingId,
    pub car: BookingCar,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: BookingStatus,
    /// Only the car's busy time is shown (someone else's customer).
    pub busy_only: bool,
    pub customer: Option<ReceptionCustomer>,
    pub lead_id: Option<LeadId>,
    pub consultant: Option<OwnerView>,
    /// The driving licence number, masked (`**************1234`).
    pub licence: Option<String>,
    pub feedback: Option<FeedbackView>,
    pub notes: Option<String>,
    pub version: i64,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewBooking {
    pub car_id: TestDriveCarId,
    pub customer_id: CustomerId,
    /// Default: the customer's open lead.
    pub lead_id: Option<LeadId>,
    /// Default: the one booking.
    pub consultant_id: Option<UserId>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The driver's licence number (the ID number on a mainland licence); may also be given
    /// with the feedback.
    #[schema(schema_with = forecourt_domain::schema::optional_id_number)]
    pub licence_number: Option<String>,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REMARK_MAX }>)]
    pub notes: Option<String>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct BookingPatch {
    pub version: i64,
    pub car_id: Option<TestDriveCarId>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REMARK_MAX }>)]
    pub notes: Option<String>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct BookingCancel {
    pub version: i64,
    /// The customer did not come (else they called it off).
    #[serde(default)]
    pub no_show: bool,
}

/// The most stars a test drive can get.
pub const MAX_RATING: i32 = 5;

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct DriveFeedback {
    pub version: i64,
    /// 1 to 5 stars.
    #[schema(schema_with = forecourt_domain::schema::integer::<1, { MAX_RATING as i64 }>)]
    pub rating: i32,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REMARK_MAX }>)]
    pub liked: Option<String>,
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
