//! The `service_due_notices` table.

use sea_orm::entity::prelude::*;

/// A due day a car reached (its reminder horizon): kept after the car's next due day moves on,
/// for the retention report.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "service_due_notices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub vehicle_id: Uuid,
    /// The due day reached.
    pub due_on: Date,
    /// The day the reminder run reached it.
    pub noticed_on: Date,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
