//! The `service_appointments` table.

use sea_orm::entity::prelude::*;

/// A service appointment (预约): a car booked into a day's workshop capacity.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "service_appointments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub customer_id: Uuid,
    pub vehicle_id: Uuid,
    /// The service advisor receiving the car.
    pub advisor_id: Option<Uuid>,
    /// The day, in the dealer's time zone.
    pub on_date: Date,
    /// The agreed arrival time, if any.
    pub arrives_at: Option<DateTimeUtc>,
    /// Standard time of the work booked, which capacity counts.
    pub job_minutes: i32,
    /// The work asked for.
    pub job: String,
    /// `due_list`, `phone`, `customer`, `walk_in`.
    pub source: String,
    /// `booked`, `arrived`, `no_show`, `cancelled`.
    pub status: String,
    /// The repair order opened on arrival.
    pub repair_order_id: Option<Uuid>,
    pub notes: Option<String>,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
