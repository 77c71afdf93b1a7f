//! Pricing a configuration without saving it: the quote builder shows the on-the-road price,
//! its lines and whether a manager must approve, while the consultant is still choosing at the
//! customer's side. The same pricing as saving (`build`), at today's prices; nothing is written.

use super::build::build;
use super::write::quotable_opportunity;
use super::{NewQuote, QuoteLineView, sees_margin};
use crate::Deal;
use forecourt_domain::quote_price::PriceInput;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use serde::Serialize;
use utoipa::ToSchema;

/// A configuration priced as it would be saved now (nothing is stored).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct QuotePreview {
    /// The lines, in the order a saved quote lists them; they add up to `total_fen`.
    pub lines: Vec<QuoteLineView>,
    /// The vehicle with its options and packages, fen (what the discount is measured against).
    pub goods_fen: i64,
    /// The purchase tax (车辆购置税) by the dealer's rule of today, fen.
    pub purchase_tax_fen: i64,
    /// The discount given, fen.
    pub discount_fen: i64,
    /// The trade-in taken off, fen.
    pub trade_in_fen: i64,
    /// The on-the-road price (落地价), fen.
    pub total_fen: i64,
    /// Whether saving it would need a manager's approval before acceptance.
    pub needs_approval: bool,
    /// Why: `discount` (over the consultant's limit), `margin` (under the dealer's floor).
    pub approval_reasons: Vec<String>,
    /// The gross margin, fen (only for those who approve or configure, and when the cost is
    /// known).
    pub margin_fen: Option<i64>,
}

fn goods(amounts: &PriceInput) -> i64 {
    amounts.vehicle_fen + amounts.options_fen + amounts.packages_fen
}

impl Deal<'_> {
    /// Prices a quote for an opportunity as `create_quote` would, without saving it: the same
    /// scope (the lead's consultant or their managers, an open opportunity) and the same field
    /// errors (422 naming the field).
    pub async fn preview_quote(&self, actor: &Actor, input: NewQuote) -> CoreResult<QuotePreview> {
        let conn = self.db().conn();
        let (opp, _) = quotable_opportunity(conn, actor, input.opportunity_id).await?;
        let today = self.today(actor);
        let settings = crate::settings::effective(conn, actor).await?;
        super::write::check_terms(&input.config, today, settings.quote_valid_days)?;
        let built = build(conn, actor, &input.config, opp.customer_id, today, today).await?;
        let margin = sees_margin(actor);
        Ok(QuotePreview {
            lines: built.lines.iter().map(|l| l.view(margin)).collect(),
            goods_fen: goods(&built.amounts),
            purchase_tax_fen: built.priced.purchase_tax_fen,
            discount_fen: built.amounts.discount_fen,
            trade_in_fen: built.amounts.trade_in_fen,
            total_fen: built.priced.total_fen,
            needs_approval: !built.reasons.is_empty(),
            approval_reasons: built.reasons.iter().map(|r| (*r).to_owned()).collect(),
            margin_fen: built.margin_fen.filter(|_| margin),
        })
    }
}
