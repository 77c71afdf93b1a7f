//! The `customers` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "customers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    /// `person` or `company`.
    pub kind: String,
    pub name: String,
    pub gender: Option<String>,
    pub birthday: Option<Date>,
    pub wechat_id: Option<String>,
    pub email: Option<String>,
    pub province: Option<String>,
    pub city: Option<String>,
    pub district: Option<String>,
    pub street: Option<String>,
    /// AES-256-GCM ciphertext of the ID number; never the number itself.
    pub id_number_cipher: Option<String>,
    /// Keyed hash (HMAC-SHA256) of the ID number, for exact lookup.
    pub id_number_hash: Option<String>,
    pub id_number_last4: Option<String>,
    pub occupation: Option<String>,
    pub notes: Option<String>,
    pub source_key: Option<String>,
    pub owner_id: Option<Uuid>,
    pub consent_sms: Option<bool>,
    pub consent_phone: Option<bool>,
    pub consent_email: Option<bool>,
    pub consent_wechat: Option<bool>,
    /// `active` or `merged`.
    pub status: String,
    pub merged_into_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
