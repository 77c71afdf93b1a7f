//! The `audit_events` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub occurred_at: DateTimeUtc,
    /// `user`, `api_token` or `system`.
    pub actor_kind: String,
    pub actor_id: Option<Uuid>,
    /// The actor's name when the event happened (users can be renamed later).
    pub actor_name: String,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<Uuid>,
    /// `{"field": {"before": ..., "after": ...}}`, sensitive values masked.
    #[sea_orm(column_type = "JsonBinary")]
    pub changes: Json,
    pub request_id: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
