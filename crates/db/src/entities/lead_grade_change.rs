//! The `lead_grade_changes` table.

use sea_orm::entity::prelude::*;

/// Every change of a lead's grade: who, when, from, to (managers count upgrades).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lead_grade_changes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub lead_id: Uuid,
    /// None when the lead was created.
    pub from_grade: Option<String>,
    pub to_grade: String,
    /// `created`, `follow_up`, `reception`, `test_drive`, `manual`, `opportunity`, `lost`, `reopened`, `intake`.
    pub origin: String,
    /// The lead's owner at the time (the consultant the change counts for).
    pub owner_id: Option<Uuid>,
    pub user_id: Option<Uuid>,
    pub occurred_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
