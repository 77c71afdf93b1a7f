//! The `complaint_events` table.

use sea_orm::entity::prelude::*;

/// A step of a complaint: entered, assigned, answered, an action, waiting, handled, verified, reopened …
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "complaint_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub complaint_id: Uuid,
    pub kind: String,
    pub notes: Option<String>,
    /// None for the system (escalations).
    pub actor_id: Option<Uuid>,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
