//! The `renewal_events` table.

use sea_orm::entity::prelude::*;

/// A call or an insurer's quote on a renewal.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "renewal_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub renewal_id: Uuid,
    /// `call` or `quote`.
    pub kind: String,
    /// A call's outcome.
    pub outcome: Option<String>,
    /// A quote's insurer.
    pub insurer: Option<String>,
    /// A quote's premium.
    pub premium_fen: Option<i64>,
    pub notes: Option<String>,
    pub actor_id: Uuid,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
