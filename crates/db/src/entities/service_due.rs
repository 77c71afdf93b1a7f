//! The `service_dues` table.

use sea_orm::entity::prelude::*;

/// A car's next service: when it falls due and why, kept current from its readings and services.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "service_dues")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub vehicle_id: Uuid,
    /// The car's owner when it was computed.
    pub customer_id: Option<Uuid>,
    /// The plan that applied.
    pub plan_id: Option<Uuid>,
    /// The last service (or the purchase, before the first).
    pub last_service_on: Option<Date>,
    pub last_service_km: Option<i32>,
    /// The day the next service falls due.
    pub due_on: Date,
    /// The reading at which it falls due by distance.
    pub due_km: i32,
    /// `time` or `distance`: which limit comes first.
    pub due_by: String,
    /// The first service (首保).
    pub first_service: bool,
    /// The car's driving rate used.
    pub metres_per_day: i64,
    /// The rate is the dealer's fallback (fewer than two readings).
    pub rate_estimated: bool,
    /// The due day the reminder went out for.
    pub reminded_for: Option<Date>,
    pub computed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
