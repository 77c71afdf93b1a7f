//! The `test_drive_bookings` table.

use sea_orm::entity::prelude::*;

/// A test-drive booking. The database refuses overlapping bookings of one car.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "test_drive_bookings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub car_id: Uuid,
    pub customer_id: Uuid,
    pub lead_id: Option<Uuid>,
    pub consultant_id: Option<Uuid>,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    /// `booked`, `done`, `cancelled` or `no_show`.
    pub status: String,
    /// The driving licence number, AES-256-GCM encrypted.
    pub licence_cipher: Option<String>,
    pub licence_last4: Option<String>,
    /// 1-5.
    pub feedback_rating: Option<i32>,
    pub feedback_liked: Option<String>,
    pub feedback_concerns: Option<String>,
    pub feedback_grade: Option<String>,
    pub notes: Option<String>,
    pub completed_at: Option<DateTimeUtc>,
    pub cancelled_at: Option<DateTimeUtc>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
