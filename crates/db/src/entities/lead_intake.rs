//! The `lead_intakes` table.

use sea_orm::entity::prelude::*;

/// An intake API request by its idempotency key, so a retried request answers the same.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lead_intakes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub idempotency_key: String,
    /// SHA-256 of the request body: a key reused for another body is refused.
    pub request_hash: String,
    pub lead_id: Uuid,
    /// Whether the request opened a new lead (else it joined an open one).
    pub created: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
