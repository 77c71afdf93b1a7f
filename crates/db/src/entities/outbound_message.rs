//! The `outbound_messages` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbound_messages")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub channel: String,
    pub recipient: String,
    pub customer_id: Option<Uuid>,
    pub user_id: Option<Uuid>,
    pub template_key: String,
    pub locale: String,
    pub subject: Option<String>,
    pub body: String,
    pub status: String,
    pub idempotency_key: String,
    pub attempts: i32,
    pub attempt_id: Option<Uuid>,
    pub sending_since: Option<DateTimeUtc>,
    pub provider_message_id: Option<String>,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTimeUtc>,
    pub ref_type: Option<String>,
    pub ref_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
