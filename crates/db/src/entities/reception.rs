//! The `receptions` table.

use sea_orm::entity::prelude::*;

/// A showroom visit (展厅接待): who came, with whom, what they looked at.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "receptions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub customer_id: Uuid,
    pub lead_id: Uuid,
    pub consultant_id: Option<Uuid>,
    pub arrived_at: DateTimeUtc,
    pub left_at: Option<DateTimeUtc>,
    pub party_size: i32,
    /// `[{relation, name}]`.
    #[sea_orm(column_type = "JsonBinary")]
    pub companions: Json,
    /// `[{series_id, model_id, text}]`: the cars they looked at.
    #[sea_orm(column_type = "JsonBinary")]
    pub models: Json,
    pub test_drive: bool,
    pub first_visit: bool,
    /// The grade given at the visit.
    pub grade: String,
    pub notes: Option<String>,
    pub entered_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
