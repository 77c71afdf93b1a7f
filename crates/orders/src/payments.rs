//! The payment plan and the money received: planned items (deposits, the balance, a loan
//! from a finance company, subsidies due from the OEM or the government), loans approved,
//! and payments with their receipt numbers. Every money write takes the order's lock first,
//! so two payments at once cannot both pass the checks against what is owed.

use crate::Orders;
use crate::access::{order_for, require_status};
use crate::feed::{self, FinanceChange};
use crate::views::{self, OrderView};
use chrono::{DateTime, NaiveDate, Utc};
use forecourt_db::DatabaseTransaction;
use forecourt_db::entities::{order, order_payment, order_schedule_item};
use forecourt_db::repo::{locks, orders, tenant};
use forecourt_domain::ids::{OrderId, OrderScheduleItemId};
use forecourt_domain::money::Fen;
use forecourt_domain::orders::rules::{check_amount, check_earnest, parse_document_no};
use forecourt_domain::orders::{
    OrderStatus, PayerKind, PaymentMethod, PaymentPurpose, ScheduleStatus,
};
use forecourt_domain::permission::Permission;
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;

/// The longest payer name.
pub const PAYER_MAX: usize = 100;

/// A planned payment to add to an order's plan.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewScheduleItem {
    /// What it is for: `earnest` is a 定金 (binding; at most 20% of the contract), `advance`
    /// a 订金 (a refundable advance), then `balance`, `loan`, `oem_subsidy`,
    /// `government_subsidy`.
    pub purpose: PaymentPurpose,
    /// Who pays; by default the payer the purpose implies (a loan: the finance company).
    pub payer_kind: Option<PayerKind>,
    /// The finance company, OEM or office by name (1–100 characters).
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ PAYER_MAX }>)]
    pub payer_name: Option<String>,
    /// The amount in fen (1 – 10,000,000,000).
    #[schema(minimum = 1, maximum = 10_000_000_000_i64)]
    pub amount_fen: i64,
    /// When it falls due (the dealer's calendar).
    pub due_on: NaiveDate,
}

/// A payment received.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPayment {
    /// What it pays: `earnest` (定金, within the 20% cap), `advance` (订金), `balance`,
    /// `loan`, `oem_subsidy`, `government_subsidy`.
    pub purpose: PaymentPurpose,
    /// How it was paid.
    pub method: PaymentMethod,
    /// The amount in fen (1 – 10,000,000,000), at most what is still owed.
    #[schema(minimum = 1, maximum = 10_000_000_000_i64)]
    pub amount_fen: i64,
    /// The receipt number, unique in the dealer (1–32 letters, digits or `-`).
    #[schema(min_length = 1, max_length = 32)]
    pub receipt_no: String,
    /// When it was received (default: now); not in the future.
    pub received_at: Option<DateTime<Utc>>,
    /// Who paid (1–100 characters).
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ PAYER_MAX }>)]
    pub payer: Option<String>,
    /// The planned item it pays, if any.
    pub schedule_item_id: Option<OrderScheduleItemId>,
}

/// The order under its lock, for a money write by `permission`.
pub(crate) async fn locked_order(
    tx: &DatabaseTransaction,
    actor: &Actor,
    id: OrderId,
    permission: Permission,
) -> CoreResult<order::Model> {
    let key = id.to_string();
    locks::lock_keys(tx, actor.scope(), &[("order", key.as_str())]).await?;
    order_for(tx, actor, id, permission).await
}

/// The money of an order, read in the transaction.
pub(crate) async fn money_of(
    tx: &DatabaseTransaction,
    actor: &Actor,
    o: &order::Model,
) -> CoreResult<views::OrderMoney> {
    let ids = [o.id];
    let schedule = orders::schedule(tx, actor.scope(), &ids).await?;
    let payments = orders::payments(tx, actor.scope(), &ids).await?;
    let refunds = orders::refunds(tx, actor.scope(), &ids).await?;
    Ok(views::money(
        o,
        &schedule.iter().collect::<Vec<_>>(),
        &payments.iter().collect::<Vec<_>>(),
        &refunds.iter().collect::<Vec<_>>(),
    ))
}

/// Who may plan an order's payments: finance (`payment:record`), else the order's people
/// (`order:write`).
fn planning_permission(actor: &Actor) -> Permission {
    if actor.can(Permission::PaymentRecord) {
        Permission::PaymentRecord
    } else {
        Permission::OrderWrite
    }
}

impl Orders<'_> {
    /// Adds a planned payment to an order (a deposit, the balance, a loan, a subsidy due from
    /// a third party). Needs `payment:record` or `order:write`; a 定金 (`earnest`) above 20% of
    /// the contract with the 定金 already planned is 422 naming `amount_fen`; a cancelled or
    /// delivered order 409 `invalid_state`.
    pub async fn add_schedule_item(
        &self,
        actor: &Actor,
        id: OrderId,
        input: NewScheduleItem,
    ) -> CoreResult<OrderView> {
        let now = self.now();
        let tx = self.db().begin().await?;
        let o = locked_order(&tx, actor, id, planning_permission(actor)).await?;
        require_status(&o, &[OrderStatus::Open, OrderStatus::Invoiced], "planned")?;
        let mut errors = FieldErrors::new();
        let amount = errors.check(check_amount("amount_fen", input.amount_fen));
        let payer_name = errors
            .check(parse_optional_text(
                "payer_name",
                input.payer_name.as_deref(),
                PAYER_MAX,
            ))
            .flatten();
        if let Some(amount) = amount
            && input.purpose == PaymentPurpose::Earnest
        {
            let planned: i64 = orders::schedule(&*tx, actor.scope(), &[o.id])
                .await?
                .iter()
                .filter(|s| s.purpose == PaymentPurpose::Earnest.as_str())
                .map(|s| s.amount_fen)
                .sum();
            errors.check(check_earnest(
                "amount_fen",
                Fen(o.total_fen),
                Fen(planned),
                amount,
            ));
        }
        errors.finish()?;
        let item = order_schedule_item::Model {
            id: Uuid::now_v7(),
            dealer_id: o.dealer_id,
            order_id: o.id,
            purpose: input.purpose.as_str().to_owned(),
            payer_kind: input
                .payer_kind
                .unwrap_or_else(|| input.purpose.default_payer())
                .as_str()
                .to_owned(),
            payer_name,
            amount_fen: amount.map(|a| a.0).unwrap_or_default(),
            due_on: input.due_on,
            status: ScheduleStatus::Planned.as_str().to_owned(),
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let saved = tenant::insert::<order_schedule_item::Entity, _>(
            &*tx,
            actor.scope(),
            item.dealer_id,
            item,
        )
        .await?;
        audit::record(&*tx, actor, AuditEntry::created(&saved), now).await?;
        let view = views::view(&*tx, actor, &o).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Marks a planned loan approved by its finance company: from then on it may cover the
    /// receivable at delivery. Needs `payment:record`; an item that is not a loan is 409
    /// `invalid_state`.
    pub async fn approve_loan(
        &self,
        actor: &Actor,
        id: OrderId,
        item_id: OrderScheduleItemId,
    ) -> CoreResult<OrderView> {
        let now = self.now();
        let tx = self.db().begin().await?;
        let o = locked_order(&tx, actor, id, Permission::PaymentRecord).await?;
        require_status(&o, &[OrderStatus::Open, OrderStatus::Invoiced], "changed")?;
        let before =
            tenant::find::<order_schedule_item::Entity, _>(&*tx, actor.scope(), item_id.uuid())
                .await?
                .filter(|s| s.order_id == o.id)
                .ok_or(CoreError::not_found("order_schedule_item"))?;
        if before.purpose != PaymentPurpose::Loan.as_str() {
            return Err(CoreError::invalid_state("only a loan is approved"));
        }
        let mut after = before.clone();
        after.status = ScheduleStatus::Approved.as_str().to_owned();
        let entry = AuditEntry::updated(&before, &after);
        audit::update_if_changed::<order_schedule_item::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            |e| CoreError::from_db("order_schedule_item", e),
        )
        .await?;
        let view = views::view(&*tx, actor, &o).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Records a payment received. Needs `payment:record` (finance: money only, never
    /// prices). A receipt number already used in the dealer is 409 `already_exists` naming
    /// `receipt_no`; more than is owed, or a 定金 beyond 20% of the contract, is 422 naming
    /// `amount_fen`; a cancelled or delivered order is 409 `invalid_state`.
    pub async fn record_payment(
        &self,
        actor: &Actor,
        id: OrderId,
        input: NewPayment,
    ) -> CoreResult<OrderView> {
        let now = self.now();
        let tx = self.db().begin().await?;
        let o = locked_order(&tx, actor, id, Permission::PaymentRecord).await?;
        require_status(&o, &[OrderStatus::Open, OrderStatus::Invoiced], "paid")?;
        let money = money_of(&tx, actor, &o).await?;
        let mut errors = FieldErrors::new();
        let amount = errors.check(check_amount("amount_fen", input.amount_fen));
        let receipt_no = errors.check(parse_document_no("receipt_no", &input.receipt_no));
        let payer = errors
            .check(parse_optional_text(
                "payer",
                input.payer.as_deref(),
                PAYER_MAX,
            ))
            .flatten();
        let received_at = input.received_at.unwrap_or(now);
        if received_at > now {
            errors.push(FieldError::new(
                "received_at",
                "in_future",
                "is in the future",
            ));
        }
        if let Some(amount) = amount {
            if amount.0 > money.receivable_fen.0 {
                errors.push(
                    FieldError::new("amount_fen", "more_than_owed", "is more than is owed")
                        .with_param("max_fen", money.receivable_fen.0.max(0)),
                );
            } else if input.purpose == PaymentPurpose::Earnest {
                errors.check(check_earnest(
                    "amount_fen",
                    Fen(o.total_fen),
                    money.earnest_fen,
                    amount,
                ));
            }
        }
        if let Some(item_id) = input.schedule_item_id {
            let item =
                tenant::find::<order_schedule_item::Entity, _>(&*tx, actor.scope(), item_id.uuid())
                    .await?;
            if item.is_none_or(|i| i.order_id != o.id) {
                errors.push(FieldError::new(
                    "schedule_item_id",
                    "unknown_item",
                    "is not a planned item of this order",
                ));
            }
        }
        errors.finish()?;
        let payment = order_payment::Model {
            id: Uuid::now_v7(),
            dealer_id: o.dealer_id,
            order_id: o.id,
            schedule_item_id: input.schedule_item_id.map(|i| i.uuid()),
            purpose: input.purpose.as_str().to_owned(),
            method: input.method.as_str().to_owned(),
            amount_fen: amount.map(|a| a.0).unwrap_or_default(),
            receipt_no: receipt_no.unwrap_or_default(),
            received_at,
            payer,
            recorded_by: Some(actor.user_id().uuid()),
            created_at: now,
        };
        let saved = tenant::insert::<order_payment::Entity, _>(
            &*tx,
            actor.scope(),
            payment.dealer_id,
            payment,
        )
        .await
        .map_err(CoreError::on_write("order_payment", "receipt_no"))?;
        audit::record(&*tx, actor, AuditEntry::created(&saved), now).await?;
        feed::append(
            &*tx,
            actor,
            FinanceChange {
                kind: "payment.recorded",
                order_id: o.id,
                record_id: saved.id,
                amount_fen: saved.amount_fen,
                payload: json!({
                    "contract_no": o.contract_no,
                    "purpose": saved.purpose,
                    "method": saved.method,
                    "receipt_no": saved.receipt_no,
                    "received_at": saved.received_at,
                    "payer": saved.payer,
                }),
            },
            now,
        )
        .await?;
        let view = views::view(&*tx, actor, &o).await?;
        tx.commit().await?;
        Ok(view)
    }
}
