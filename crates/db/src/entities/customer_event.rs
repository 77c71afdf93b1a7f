//! The `customer_events` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "customer_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub customer_id: Uuid,
    pub occurred_at: DateTimeUtc,
    /// `customer.created`, `vehicle.added`, later `lead.created`, `visit`, ...
    pub kind: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub data: Json,
    pub ref_type: Option<String>,
    pub ref_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub actor_name: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
