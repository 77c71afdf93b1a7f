//! The `stock_unit_events` table.

use sea_orm::entity::prelude::*;

/// A change of a stock unit's status: from, to, for which order, by whom, when.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stock_unit_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub unit_id: Uuid,
    /// None when the unit was created.
    pub from_status: Option<String>,
    pub to_status: String,
    pub order_id: Option<Uuid>,
    /// The user (none for the system).
    pub actor_id: Option<Uuid>,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
