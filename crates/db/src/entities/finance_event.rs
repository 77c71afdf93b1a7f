//! The `finance_events` table.

use sea_orm::entity::prelude::*;

/// One change for the finance feed: append-only, numbered per dealer.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "finance_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    /// The dealer's sequence number, assigned in the writing transaction.
    pub seq: i64,
    pub kind: String,
    pub order_id: Uuid,
    pub record_id: Uuid,
    pub amount_fen: i64,
    #[sea_orm(column_type = "JsonBinary")]
    pub payload: Json,
    pub occurred_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
