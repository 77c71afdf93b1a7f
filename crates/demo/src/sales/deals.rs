//! The back half of the funnel in the demo: quotes when an opportunity reaches 报价 (a discount
//! over the consultant's limit goes to the manager), the contract with its 定金 or 订金 when it
//! would reach 签约, then — a step every few days — a car allocated by VIN, the balance paid (or
//! a car loan approved), the invoice, and delivery. A few contracts are cancelled on the way.

use super::deal_setup::{CONSULTANT_DISCOUNT_LIMIT_FEN, local_day, stock_up};
use super::{Sim, input};
use chrono::Duration;
use forecourt_deal::DealExt as _;
use forecourt_domain::ids::{ApprovalRequestId, OrderId, QuoteId};
use forecourt_domain::orders::OrderStatus;
use forecourt_domain::quote_status::QuoteStatus;
use forecourt_kernel::approvals::ApprovalQuery;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_orders::OrdersExt as _;
use forecourt_stock::StockExt as _;
use serde_json::{Value, json};

/// Where a lead's deal stands in the simulation.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct SimDeal {
    pub quote: Option<QuoteId>,
    pub order: Option<OrderId>,
}

impl Sim<'_> {
    /// A quote for the lead's opportunity: its trim in a paint, often the comfort package or an
    /// option and an accessory or two, insurance and plate fees, and a first discount.
    pub(super) async fn quote(&mut self, i: usize) -> CoreResult<()> {
        let (Some(opportunity), None) = (self.leads[i].opportunity, self.leads[i].deal.quote)
        else {
            return Ok(());
        };
        let Some(trim) = self.trims.get(self.leads[i].series) else {
            return Ok(());
        };
        let mut options = Vec::new();
        let mut colour = None;
        if !trim.paints.is_empty() {
            let (name, id) = &trim.paints[self.faker.index(trim.paints.len())];
            options.push(*id);
            colour = Some(name.clone());
        }
        let mut packages = Vec::new();
        if self.faker.chance(0.4) {
            packages.extend(trim.package);
        } else if self.faker.chance(0.4) {
            options.push(trim.extras[self.faker.index(trim.extras.len())]);
        }
        let accessories: Vec<_> = self
            .accessories
            .iter()
            .copied()
            .filter(|_| self.faker.chance(0.35))
            .collect();
        let guide = trim.guide_fen;
        let body = json!({
            "opportunity_id": opportunity,
            "model_id": trim.model_id,
            "colour": colour,
            "option_ids": options,
            "package_ids": packages,
            "accessory_ids": accessories,
            "insurance_fen": guide / 100 * 4,
            "fees_fen": 150_000,
            "finance_fee_fen": if self.faker.chance(0.3) { 300_000 } else { 0 },
            "discount_fen": self.faker.between(1, 4) * 100_000,
        });
        let actor = &self.consultants[self.leads[i].owner];
        let quote = self.app.deal().create_quote(actor, input(body)?).await?;
        self.leads[i].deal.quote = Some(quote.id);
        Ok(())
    }

    /// The customer agrees: the last quote is revised to the price agreed (a discount over the
    /// consultant's limit waits for the manager, who mostly approves), accepted, and signed as
    /// a contract with a deposit.
    pub(super) async fn sign(&mut self, i: usize) -> CoreResult<()> {
        if self.leads[i].deal.quote.is_none() {
            self.quote(i).await?;
        }
        let Some(quote_id) = self.leads[i].deal.quote else {
            return Ok(());
        };
        let actor = self.consultants[self.leads[i].owner].clone();
        let mut quote = self.app.deal().get_quote(&actor, quote_id).await?;
        if quote.status == QuoteStatus::Expired || self.faker.chance(0.6) {
            // A second version at the price agreed in the negotiation.
            let mut config = quote_config(&quote);
            config["discount_fen"] = json!(self.faker.between(3, 12) * 100_000);
            config["opportunity_id"] = json!(quote.opportunity_id);
            quote = self.app.deal().create_quote(&actor, input(config)?).await?;
            self.leads[i].deal.quote = Some(quote.id);
        }
        if quote.needs_approval {
            quote = self
                .app
                .deal()
                .request_quote_approval(&actor, quote.id, input(json!({"version": quote.version}))?)
                .await?;
            let approve = self.faker.chance(0.8);
            self.decide_quote(quote.id, approve).await?;
            quote = self.app.deal().get_quote(&actor, quote.id).await?;
            if quote.status == QuoteStatus::Rejected {
                // Back to what the consultant may give: a new version without approval.
                let mut config = quote_config(&quote);
                config["discount_fen"] = json!(CONSULTANT_DISCOUNT_LIMIT_FEN);
                config["version"] = json!(quote.version);
                quote = self
                    .app
                    .deal()
                    .update_quote(&actor, quote.id, input(config)?)
                    .await?;
            }
        }
        if quote.needs_approval && quote.status != QuoteStatus::Approved {
            return Ok(());
        }
        let quote = self
            .app
            .deal()
            .accept_quote(&actor, quote.id, input(json!({"version": quote.version}))?)
            .await?;
        let earnest = self.faker.chance(0.6);
        let amount = if earnest {
            // 定金: at most 20% of the contract; most pay ¥5,000–¥20,000.
            (self.faker.between(5, 20) * 100_000).min(quote.total_fen / 5)
        } else {
            self.faker.between(2, 10) * 100_000
        };
        let kind = if earnest { "earnest" } else { "advance" };
        let order = self
            .app
            .orders()
            .create_order(
                &actor,
                input(
                    json!({"quote_id": quote.id, "deposit": {"kind": kind, "amount_fen": amount}}),
                )?,
            )
            .await?;
        self.leads[i].deal.order = Some(order.id);
        self.receipts += 1;
        let receipt = format!("{}-SJ{:05}", self.prefix, self.receipts);
        let method = ["wechat", "card", "alipay", "transfer"][self.faker.index(4)];
        self.app
            .orders()
            .record_payment(
                &self.finance,
                order.id,
                input(json!({"purpose": kind, "method": method, "amount_fen": amount, "receipt_no": receipt}))?,
            )
            .await?;
        if self.faker.chance(0.3) {
            // A car loan for most of the balance, from the brand's finance company.
            let loan = (order.money.total_fen.0 - amount) * 6 / 10 / 100 * 100;
            let due = local_day(self.app.now()) + Duration::days(20);
            self.app
                .orders()
                .add_schedule_item(
                    &actor,
                    order.id,
                    input(json!({"purpose": "loan", "payer_name": "汽车金融有限公司", "amount_fen": loan, "due_on": due}))?,
                )
                .await?;
        }
        Ok(())
    }

    async fn decide_quote(&mut self, quote: QuoteId, approve: bool) -> CoreResult<()> {
        let waiting = self
            .app
            .list_approvals(
                self.manager,
                input::<ApprovalQuery>(
                    json!({"box": "waiting", "status": "pending", "limit": 100}),
                )?,
            )
            .await?;
        let Some(request) = waiting
            .items
            .into_iter()
            .find(|a| a.ref_id == Some(quote.uuid()))
        else {
            return Ok(());
        };
        let id: ApprovalRequestId = request.id;
        if approve {
            self.app
                .approve_approval(
                    self.manager,
                    id,
                    input(json!({"version": request.version}))?,
                )
                .await?;
        } else {
            self.app
                .reject_approval(
                    self.manager,
                    id,
                    input(json!({"version": request.version, "comment": "优惠超出本月政策，请按权限内报价"}))?,
                )
                .await?;
        }
        Ok(())
    }

    /// One step of a signed contract: a car allocated, then the balance and the invoice, then
    /// delivery. Returns whether the car was delivered (the opportunity is won).
    pub(super) async fn fulfil(&mut self, i: usize) -> CoreResult<bool> {
        let Some(order_id) = self.leads[i].deal.order else {
            return Ok(false);
        };
        let actor = self.consultants[self.leads[i].owner].clone();
        let order = self.app.orders().get_order(&actor, order_id).await?;
        match order.status {
            OrderStatus::Delivered => return Ok(true),
            OrderStatus::Cancelled => {
                self.leads[i].opportunity_closed = true;
                return Ok(false);
            }
            _ => {}
        }
        if order.stock_unit_id.is_none() {
            if self.faker.chance(0.05) {
                let reason =
                    ["customer_withdrew", "loan_refused", "price_dispute"][self.faker.index(3)];
                self.app
                    .orders()
                    .cancel_order(
                        &actor,
                        order_id,
                        input(json!({"reason": reason, "version": order.version}))?,
                    )
                    .await?;
                self.leads[i].opportunity_closed = true;
                return Ok(false);
            }
            let Some(trim) = self.trims.get(self.leads[i].series) else {
                return Ok(false);
            };
            let model = trim.model_id;
            let query = json!({"status": "in_stock", "catalog_model_id": model, "limit": 1});
            let mut units = self
                .app
                .stock()
                .list_units(&actor, input(query.clone())?)
                .await?;
            if units.items.is_empty() {
                // Nothing on the floor: a car of the trim arrives from the factory.
                let today = local_day(self.app.now());
                let one = std::slice::from_ref(trim);
                stock_up(
                    &self.app,
                    self.manager,
                    &mut self.faker,
                    one,
                    today,
                    1,
                    false,
                )
                .await?;
                units = self.app.stock().list_units(&actor, input(query)?).await?;
            }
            let Some(unit) = units.items.first() else {
                return Ok(false);
            };
            match self
                .app
                .orders()
                .allocate_car(
                    &actor,
                    order_id,
                    input(json!({"stock_unit_id": unit.id, "version": order.version}))?,
                )
                .await
            {
                Ok(_) | Err(CoreError::InvalidState { .. }) => {}
                Err(other) => return Err(other),
            }
            return Ok(false);
        }
        if order.invoice.is_none() {
            let owed = order.money.receivable_fen.0 - order.money.loan_open_fen.0;
            if let Some(loan) = order
                .schedule
                .iter()
                .find(|s| s.purpose.as_str() == "loan" && s.status.as_str() == "planned")
            {
                self.app
                    .orders()
                    .approve_loan(&self.finance, order_id, loan.id.into())
                    .await?;
            }
            if owed > 0 {
                self.receipts += 1;
                let receipt = format!("{}-SJ{:05}", self.prefix, self.receipts);
                self.app
                    .orders()
                    .record_payment(
                        &self.finance,
                        order_id,
                        input(json!({"purpose": "balance", "method": "transfer", "amount_fen": owed, "receipt_no": receipt}))?,
                    )
                    .await?;
            }
            let order = self.app.orders().get_order(&self.finance, order_id).await?;
            self.invoices += 1;
            let number = format!(
                "{}{:08}",
                if self.prefix == "hz" { 3301 } else { 3302 },
                self.invoices
            );
            self.app
                .orders()
                .issue_invoice(
                    &self.finance,
                    order_id,
                    input(json!({"invoice_no": number, "version": order.version}))?,
                )
                .await?;
            return Ok(false);
        }
        let ticked = self
            .app
            .orders()
            .tick_checklists(
                &actor,
                order_id,
                input(json!({
                    "pdi_done": order.pdi.items.iter().map(|c| c.item.clone()).collect::<Vec<_>>(),
                    "handover_done": order.handover.items.iter().map(|c| c.item.clone()).collect::<Vec<_>>(),
                    "version": order.version,
                }))?,
            )
            .await?;
        let odometer = self.faker.between(3, 30);
        let delivered = self
            .app
            .orders()
            .deliver_order(
                &actor,
                order_id,
                input(json!({"odometer_km": odometer, "version": ticked.version}))?,
            )
            .await?;
        Ok(delivered.status == OrderStatus::Delivered)
    }
}

/// A quote's configuration, to send again as a new version or a change.
fn quote_config(quote: &forecourt_deal::quotes::QuoteView) -> Value {
    let ids = |kind: &str| -> Vec<_> {
        quote
            .lines
            .iter()
            .filter(|l| l.kind == kind)
            .filter_map(|l| l.item_id)
            .collect()
    };
    json!({
        "model_id": quote.model_id,
        "colour": quote.colour,
        "option_ids": ids("option"),
        "package_ids": ids("package"),
        "accessory_ids": ids("accessory"),
        "insurance_fen": quote.insurance_fen,
        "fees_fen": quote.fees_fen,
        "finance_fee_fen": quote.finance_fee_fen,
        "discount_fen": quote.discount_fen,
        "appraisal_id": quote.appraisal_id,
    })
}
