//! The appointments' inputs and views.

use crate::views::CarView;
use chrono::{DateTime, NaiveDate, Utc};
use forecourt_customers::CustomerRow;
use forecourt_domain::ids::{CustomerId, UserId, VehicleId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// The shortest and longest job an appointment books, in minutes.
pub const JOB_MINUTES: std::ops::RangeInclusive<i32> = 15..=1_440;
/// The longest description of the work.
pub const JOB_MAX: usize = 500;
/// The longest notes.
pub const NOTES_MAX: usize = 1_000;
/// How far ahead a booking may be, in days.
pub const BOOK_AHEAD_DAYS: i64 = 366;

/// Where an appointment came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AppointmentSource {
    /// Booked from the due list (a reminder call).
    DueList,
    /// The customer phoned.
    Phone,
    /// The customer booked themselves (app, WeChat).
    Customer,
    /// The car came in without one and is booked in on the spot.
    WalkIn,
}

impl AppointmentSource {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::DueList => "due_list",
            Self::Phone => "phone",
            Self::Customer => "customer",
            Self::WalkIn => "walk_in",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        [Self::DueList, Self::Phone, Self::Customer, Self::WalkIn]
            .into_iter()
            .find(|s| s.as_str() == key)
    }
}

/// Where an appointment is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AppointmentStatus {
    /// Booked; holds capacity.
    Booked,
    /// The car came in and a repair order was opened; holds capacity.
    Arrived,
    /// The customer did not come.
    NoShow,
    /// Called off.
    Cancelled,
}

impl AppointmentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Booked => "booked",
            Self::Arrived => "arrived",
            Self::NoShow => "no_show",
            Self::Cancelled => "cancelled",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        [Self::Booked, Self::Arrived, Self::NoShow, Self::Cancelled]
            .into_iter()
            .find(|s| s.as_str() == key)
    }
}

/// A new appointment.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAppointment {
    /// The car (it must have an owner: the appointment is the owner's).
    pub vehicle_id: VehicleId,
    /// The day, in the dealer's time zone: today or later, within a year, a working day.
    pub on_date: NaiveDate,
    /// The agreed arrival time, on that day (UTC, RFC 3339).
    pub arrives_at: Option<DateTime<Utc>>,
    /// The work's standard time in minutes (15–1440): what the day's capacity counts.
    #[schema(minimum = 15, maximum = 1440)]
    pub job_minutes: i32,
    /// The work asked for (1–500 characters).
    #[schema(min_length = 1, max_length = 500)]
    pub job: String,
    pub source: AppointmentSource,
    /// The service advisor receiving the car (an active user of the dealer); their daily cap
    /// counts too.
    pub advisor_id: Option<UserId>,
    /// At most 1000 characters.
    #[schema(max_length = 1000)]
    pub notes: Option<String>,
}

/// A move of an appointment to another day (or another advisor or length); absent fields stay.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveAppointment {
    pub on_date: NaiveDate,
    pub arrives_at: Option<DateTime<Utc>>,
    #[schema(minimum = 15, maximum = 1440)]
    pub job_minutes: Option<i32>,
    pub advisor_id: Option<UserId>,
    /// The version read.
    pub version: i64,
}

/// The version of the appointment read (cancel, no-show).
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AppointmentVersion {
    pub version: i64,
}

/// An appointment.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AppointmentView {
    pub id: Uuid,
    pub vehicle_id: VehicleId,
    pub car: Option<CarView>,
    pub customer_id: CustomerId,
    pub customer: Option<CustomerRow>,
    pub advisor_id: Option<UserId>,
    pub advisor_name: Option<String>,
    /// The day, in the dealer's time zone.
    pub on_date: NaiveDate,
    pub arrives_at: Option<DateTime<Utc>>,
    /// Standard time of the work, minutes.
    pub job_minutes: i32,
    pub job: String,
    pub source: AppointmentSource,
    pub status: AppointmentStatus,
    /// The repair order opened when the car arrived.
    pub repair_order_id: Option<Uuid>,
    pub notes: Option<String>,
    pub created_at: DateTime<Utc>,
    pub version: i64,
}

/// The appointments list's filters.
#[derive(Clone, Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AppointmentQuery {
    /// On or after this day.
    pub from: Option<NaiveDate>,
    /// On or before this day.
    pub to: Option<NaiveDate>,
    /// Statuses, comma-separated: `booked,arrived`.
    #[param(max_length = 60)]
    pub status: Option<String>,
    pub advisor_id: Option<UserId>,
    pub vehicle_id: Option<VehicleId>,
    pub customer_id: Option<CustomerId>,
    /// Rows per page (1–200, default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    #[param(max_length = 500)]
    pub cursor: Option<String>,
}
