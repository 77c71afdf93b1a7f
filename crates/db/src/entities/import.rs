//! The `imports` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "imports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    /// Who uploaded the file; none for the system.
    pub user_id: Option<Uuid>,
    pub kind: String,
    pub filename: String,
    /// `csv` or `xlsx`.
    pub format: String,
    #[sea_orm(column_type = "VarBinary(StringLen::None)")]
    pub content: Vec<u8>,
    pub row_count: i32,
    #[sea_orm(column_type = "JsonBinary")]
    pub headers: Json,
    pub status: String,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub result: Option<Json>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
