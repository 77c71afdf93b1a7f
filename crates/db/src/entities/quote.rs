//! The `quotes` table.

use sea_orm::entity::prelude::*;

/// One version of a quote (报价单) for an opportunity. The amounts are the sums of its lines,
/// kept for lists; the lines are the record of what was quoted.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quotes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    /// The dealer's quote number, shared by every version for one opportunity.
    pub quote_no: i64,
    pub version_no: i32,
    pub opportunity_id: Uuid,
    pub lead_id: Uuid,
    pub customer_id: Uuid,
    /// The consultant: the lead's owner when the quote was made.
    pub consultant_id: Option<Uuid>,
    pub model_id: Uuid,
    pub colour: Option<String>,
    /// The day whose prices the quote uses.
    pub priced_on: Date,
    pub valid_until: Date,
    /// `draft`, `pending_approval`, `approved`, `rejected`, `accepted`, `superseded`.
    pub status: String,
    pub needs_approval: bool,
    /// `discount`, `margin` or `discount,margin`.
    pub approval_reasons: Option<String>,
    pub appraisal_id: Option<Uuid>,
    pub vehicle_price_fen: i64,
    pub vehicle_cost_fen: Option<i64>,
    pub options_fen: i64,
    pub packages_fen: i64,
    pub accessories_fen: i64,
    pub insurance_fen: i64,
    pub fees_fen: i64,
    pub finance_fee_fen: i64,
    pub discount_fen: i64,
    pub trade_in_fen: i64,
    pub purchase_tax_fen: i64,
    pub total_fen: i64,
    /// The known cost of the goods (None when the vehicle's cost is unknown).
    pub cost_fen: Option<i64>,
    pub margin_fen: Option<i64>,
    pub order_id: Option<Uuid>,
    pub accepted_at: Option<DateTimeUtc>,
    pub notes: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
