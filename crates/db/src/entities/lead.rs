//! The `leads` table.

use sea_orm::entity::prelude::*;

/// A sales lead: someone who may buy a car, with the intent grade and its follow-up schedule.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "leads")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    pub customer_id: Uuid,
    pub source_key: Option<String>,
    pub series_id: Option<Uuid>,
    pub model_id: Option<Uuid>,
    /// The intended model in words, when it is not in the catalog.
    pub model_text: Option<String>,
    pub budget_min_fen: Option<i64>,
    pub budget_max_fen: Option<i64>,
    pub timeframe: Option<String>,
    /// `cash`, `loan` or `lease`.
    pub payment: Option<String>,
    pub trade_in: bool,
    pub trade_in_note: Option<String>,
    /// `N`, `H`, `A`, `B`, `C`, `O` or `F`.
    pub grade: String,
    /// `open`, `lost_pending`, `lost` or `won`.
    pub status: String,
    pub owner_id: Option<Uuid>,
    /// `marketing` for leads handed to marketing (no owner).
    pub pool: Option<String>,
    pub notes: Option<String>,
    /// When the lead got its current grade (C leads go to marketing counted from here).
    pub graded_at: DateTimeUtc,
    /// The last grade upgrade (or creation): stagnation counts from here.
    pub last_upgrade_at: DateTimeUtc,
    pub last_contact_at: Option<DateTimeUtc>,
    /// When the next follow-up is due (the cadence job pushes a task when its day comes).
    pub next_follow_up_at: Option<DateTimeUtc>,
    /// The pushed follow-up task (an activity) waiting to be done, if any.
    pub follow_up_activity_id: Option<Uuid>,
    /// Set when the lead was flagged as stagnant.
    pub stagnant_since: Option<DateTimeUtc>,
    pub lost_reason_key: Option<String>,
    pub lost_competitor_brand: Option<String>,
    pub lost_competitor_model: Option<String>,
    pub lost_note: Option<String>,
    pub lost_at: Option<DateTimeUtc>,
    pub won_at: Option<DateTimeUtc>,
    /// `[{series_id, model_id, text}]`: every car the customer looked at or asked about
    /// (the intended one is `series_id` / `model_id` / `model_text`).
    #[sea_orm(column_type = "JsonBinary")]
    pub models_considered: Json,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
