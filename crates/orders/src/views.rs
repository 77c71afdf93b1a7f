//! What the API shows of an order: the contract with its agreed lines, the money (the
//! receivable computed from the rows, never stored), the plan, payments, refunds, invoice and
//! the delivery checklists. Views of a page are built with one query per kind of row.

use crate::settings;
use chrono::{DateTime, NaiveDate, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{
    customer, order, order_invoice, order_payment, order_refund, order_schedule_item, quote,
};
use forecourt_db::repo::{orders, tenant};
use forecourt_domain::ids::{CustomerId, LeadId, OrderId, UserId};
use forecourt_domain::money::Fen;
use forecourt_domain::orders::rules::{earnest_cap, open_items, receivable};
use forecourt_domain::orders::{
    OrderStatus, PayerKind, PaymentMethod, PaymentPurpose, RefundStatus, ScheduleStatus,
};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// One agreed line of the contract, copied from the accepted quote when the order was made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct OrderLine {
    /// What the line is (`vehicle`, `option`, `accessory`, `purchase_tax`, `insurance`,
    /// `discount`, `trade_in` …, as the quote named it).
    pub kind: String,
    /// The line's words as quoted.
    pub label: String,
    /// The amount in fen (negative for a discount or a trade-in).
    pub amount_fen: Fen,
}

/// The money of an order, computed from its rows.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct OrderMoney {
    /// The contract total: the quote's on-the-road price (落地价).
    pub total_fen: Fen,
    /// Everything received.
    pub received_fen: Fen,
    /// Approved refunds (they count once approved).
    pub refunded_fen: Fen,
    /// Refunds waiting for approval (not counted yet).
    pub refund_pending_fen: Fen,
    /// What is still owed (应收) = total − received + refunded.
    pub receivable_fen: Fen,
    /// 定金 received (binding earnest deposits).
    pub earnest_fen: Fen,
    /// The most a 定金 may be: 20% of the contract.
    pub earnest_cap_fen: Fen,
    /// 订金 received (refundable advances).
    pub advance_fen: Fen,
    /// Approved loans not paid out yet: they may cover the receivable at delivery.
    pub loan_open_fen: Fen,
}

/// A planned payment.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ScheduleItemView {
    pub id: Uuid,
    pub purpose: PaymentPurpose,
    pub payer_kind: PayerKind,
    /// The finance company, OEM or office, by name.
    pub payer_name: Option<String>,
    pub amount_fen: Fen,
    pub due_on: NaiveDate,
    /// `planned`, or `approved` (a loan its finance company has approved).
    pub status: ScheduleStatus,
    /// Received against it: the payments recorded for it, then those of its purpose recorded
    /// without an item, in the order the items fall due. Computed, never stored.
    pub paid_fen: Fen,
    /// Whether it has been paid in full.
    pub settled: bool,
    pub version: i64,
}

/// A payment received.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PaymentView {
    pub id: Uuid,
    pub schedule_item_id: Option<Uuid>,
    pub purpose: PaymentPurpose,
    pub method: PaymentMethod,
    pub amount_fen: Fen,
    /// The receipt number (unique in the dealer).
    pub receipt_no: String,
    pub received_at: DateTime<Utc>,
    pub payer: Option<String>,
}

/// A refund: it reduces what was received only once approved.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RefundView {
    pub id: Uuid,
    pub payment_id: Option<Uuid>,
    pub amount_fen: Fen,
    pub reason: String,
    pub status: RefundStatus,
    /// The approval request deciding it.
    pub approval_id: Option<Uuid>,
    pub requested_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

/// The unified motor-vehicle sales invoice (机动车销售统一发票).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct InvoiceView {
    pub id: Uuid,
    pub invoice_no: String,
    pub vin: String,
    pub amount_fen: Fen,
    pub issued_at: DateTime<Utc>,
}

/// One item of a checklist.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ChecklistItem {
    pub item: String,
    pub done: bool,
}

/// A delivery checklist (PDI or handover) with what is ticked.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ChecklistView {
    pub items: Vec<ChecklistItem>,
    /// Whether every item is ticked.
    pub complete: bool,
}

/// An order (订单 / 合同).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct OrderView {
    pub id: OrderId,
    /// The contract number: prefix + year + sequence (`HT2026000001`), unique in the dealer.
    pub contract_no: String,
    pub quote_id: Uuid,
    pub lead_id: LeadId,
    pub opportunity_id: Option<Uuid>,
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub consultant_id: Option<UserId>,
    /// The car ordered, in words (brand, series, model, trim).
    pub vehicle: String,
    /// The catalog trim ordered (the accepted quote's), for matching stock to allocate.
    pub model_id: Option<Uuid>,
    pub colour: Option<String>,
    /// The agreed lines, as signed.
    pub lines: Vec<OrderLine>,
    pub status: OrderStatus,
    /// The car allocated, by VIN.
    pub vin: Option<String>,
    pub stock_unit_id: Option<Uuid>,
    pub signed_at: DateTime<Utc>,
    pub cancel_reason: Option<String>,
    pub cancel_note: Option<String>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub odometer_km: Option<i32>,
    /// The customer's vehicle the delivery created.
    pub delivered_vehicle_id: Option<Uuid>,
    pub money: OrderMoney,
    pub schedule: Vec<ScheduleItemView>,
    pub payments: Vec<PaymentView>,
    pub refunds: Vec<RefundView>,
    pub invoice: Option<InvoiceView>,
    pub pdi: ChecklistView,
    pub handover: ChecklistView,
    pub version: i64,
}

/// The money of one order from its rows.
pub fn money(
    o: &order::Model,
    schedule: &[&order_schedule_item::Model],
    payments: &[&order_payment::Model],
    refunds: &[&order_refund::Model],
) -> OrderMoney {
    let sum = |it: &mut dyn Iterator<Item = i64>| Fen(it.sum());
    let received = sum(&mut payments.iter().map(|p| p.amount_fen));
    let by_status = |status: RefundStatus| {
        Fen(refunds
            .iter()
            .filter(|r| r.status == status.as_str())
            .map(|r| r.amount_fen)
            .sum())
    };
    let refunded = by_status(RefundStatus::Approved);
    let paid = |purpose: PaymentPurpose| {
        Fen(payments
            .iter()
            .filter(|p| p.purpose == purpose.as_str())
            .map(|p| p.amount_fen)
            .sum())
    };
    let loans_approved: i64 = schedule
        .iter()
        .filter(|s| {
            s.purpose == PaymentPurpose::Loan.as_str()
                && s.status == ScheduleStatus::Approved.as_str()
        })
        .map(|s| s.amount_fen)
        .sum();
    OrderMoney {
        total_fen: Fen(o.total_fen),
        received_fen: received,
        refunded_fen: refunded,
        refund_pending_fen: by_status(RefundStatus::Pending),
        receivable_fen: receivable(Fen(o.total_fen), received, refunded),
        earnest_fen: paid(PaymentPurpose::Earnest),
        earnest_cap_fen: earnest_cap(Fen(o.total_fen)),
        advance_fen: paid(PaymentPurpose::Advance),
        loan_open_fen: Fen((loans_approved - paid(PaymentPurpose::Loan).0).max(0)),
    }
}

/// The strings of a JSON array.
pub fn strings(value: &serde_json::Value) -> Vec<String> {
    serde_json::from_value(value.clone()).unwrap_or_default()
}

fn checklist(items: &[String], done: &serde_json::Value) -> ChecklistView {
    let done = strings(done);
    ChecklistView {
        complete: open_items(items, &done).is_empty(),
        items: items
            .iter()
            .map(|i| ChecklistItem {
                item: i.clone(),
                done: done.contains(i),
            })
            .collect(),
    }
}

fn parse<T: std::str::FromStr>(s: &str, default: T) -> T {
    s.parse().unwrap_or(default)
}

/// The views of these orders: their rows loaded once per kind for all of them.
pub async fn views<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    list: &[order::Model],
) -> CoreResult<Vec<OrderView>> {
    let ids: Vec<Uuid> = list.iter().map(|o| o.id).collect();
    let schedule = orders::schedule(conn, actor.scope(), &ids).await?;
    let payments = orders::payments(conn, actor.scope(), &ids).await?;
    let refunds = orders::refunds(conn, actor.scope(), &ids).await?;
    let invoices = orders::invoices(conn, actor.scope(), &ids).await?;
    let quote_ids: Vec<Uuid> = list.iter().map(|o| o.quote_id).collect();
    let trims: HashMap<Uuid, Uuid> =
        tenant::find_many::<quote::Entity, _>(conn, actor.scope(), &quote_ids)
            .await?
            .into_iter()
            .map(|q| (q.id, q.model_id))
            .collect();
    let customer_ids: Vec<Uuid> = list.iter().map(|o| o.customer_id).collect();
    let names: HashMap<Uuid, String> =
        tenant::find_many::<customer::Entity, _>(conn, actor.scope(), &customer_ids)
            .await?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
    let settings = match orders::settings(conn, actor.scope()).await? {
        Some(s) => settings::view(&s),
        None => settings::OrderSettingsView {
            contract_prefix: String::new(),
            pdi_items: settings::DEFAULT_PDI.map(str::to_owned).to_vec(),
            handover_items: settings::DEFAULT_HANDOVER.map(str::to_owned).to_vec(),
            version: 0,
        },
    };
    Ok(list
        .iter()
        .map(|o| {
            let sched: Vec<_> = schedule.iter().filter(|s| s.order_id == o.id).collect();
            let pays: Vec<_> = payments.iter().filter(|p| p.order_id == o.id).collect();
            let refs: Vec<_> = refunds.iter().filter(|r| r.order_id == o.id).collect();
            OrderView {
                id: OrderId::from_uuid(o.id),
                contract_no: o.contract_no.clone(),
                quote_id: o.quote_id,
                lead_id: LeadId::from_uuid(o.lead_id),
                opportunity_id: o.opportunity_id,
                customer_id: CustomerId::from_uuid(o.customer_id),
                customer_name: names.get(&o.customer_id).cloned().unwrap_or_default(),
                consultant_id: o.consultant_id.map(UserId::from_uuid),
                vehicle: o.vehicle_desc.clone(),
                model_id: trims.get(&o.quote_id).copied(),
                colour: o.colour.clone(),
                lines: serde_json::from_value(o.lines.clone()).unwrap_or_default(),
                status: parse(&o.status, OrderStatus::Open),
                vin: o.vin.clone(),
                stock_unit_id: o.stock_unit_id,
                signed_at: o.signed_at,
                cancel_reason: o.cancel_reason.clone(),
                cancel_note: o.cancel_note.clone(),
                cancelled_at: o.cancelled_at,
                delivered_at: o.delivered_at,
                odometer_km: o.odometer_km,
                delivered_vehicle_id: o.delivered_vehicle_id,
                money: money(o, &sched, &pays, &refs),
                schedule: schedule_views(&sched, &pays),
                payments: pays.iter().map(|p| payment_view(p)).collect(),
                refunds: refs.iter().map(|r| refund_view(r)).collect(),
                invoice: invoices
                    .iter()
                    .find(|i| i.order_id == o.id)
                    .map(invoice_view),
                pdi: checklist(&settings.pdi_items, &o.pdi_done),
                handover: checklist(&settings.handover_items, &o.handover_done),
                version: o.version,
            }
        })
        .collect())
}

/// The view of one order.
pub async fn view<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    o: &order::Model,
) -> CoreResult<OrderView> {
    views(conn, actor, std::slice::from_ref(o))
        .await?
        .pop()
        .ok_or(forecourt_kernel::error::CoreError::not_found("order"))
}

/// An order's plan with what was received against each item: first the payments recorded for
/// the item, then the payments of its purpose recorded without one, to the items in the order
/// they fall due.
pub fn schedule_views(
    schedule: &[&order_schedule_item::Model],
    payments: &[&order_payment::Model],
) -> Vec<ScheduleItemView> {
    let mut views: Vec<ScheduleItemView> = schedule
        .iter()
        .map(|s| {
            let linked: i64 = payments
                .iter()
                .filter(|p| p.schedule_item_id == Some(s.id))
                .map(|p| p.amount_fen)
                .sum();
            ScheduleItemView {
                id: s.id,
                purpose: parse(&s.purpose, PaymentPurpose::Balance),
                payer_kind: parse(&s.payer_kind, PayerKind::Customer),
                payer_name: s.payer_name.clone(),
                amount_fen: Fen(s.amount_fen),
                due_on: s.due_on,
                status: parse(&s.status, ScheduleStatus::Planned),
                paid_fen: Fen(linked.min(s.amount_fen)),
                settled: false,
                version: s.version,
            }
        })
        .collect();
    let mut by_due: Vec<usize> = (0..views.len()).collect();
    by_due.sort_by_key(|&i| (views[i].due_on, i));
    for purpose in PaymentPurpose::ALL {
        let mut loose: i64 = payments
            .iter()
            .filter(|p| p.schedule_item_id.is_none() && p.purpose == purpose.as_str())
            .map(|p| p.amount_fen)
            .sum();
        for &i in &by_due {
            if loose <= 0 {
                break;
            }
            let item = &mut views[i];
            if item.purpose != *purpose {
                continue;
            }
            let take = (item.amount_fen.0 - item.paid_fen.0).clamp(0, loose);
            item.paid_fen = Fen(item.paid_fen.0 + take);
            loose -= take;
        }
    }
    for item in &mut views {
        item.settled = item.paid_fen.0 >= item.amount_fen.0;
    }
    views
}

pub fn payment_view(p: &order_payment::Model) -> PaymentView {
    PaymentView {
        id: p.id,
        schedule_item_id: p.schedule_item_id,
        purpose: parse(&p.purpose, PaymentPurpose::Balance),
        method: parse(&p.method, PaymentMethod::Transfer),
        amount_fen: Fen(p.amount_fen),
        receipt_no: p.receipt_no.clone(),
        received_at: p.received_at,
        payer: p.payer.clone(),
    }
}

pub fn refund_view(r: &order_refund::Model) -> RefundView {
    RefundView {
        id: r.id,
        payment_id: r.payment_id,
        amount_fen: Fen(r.amount_fen),
        reason: r.reason.clone(),
        status: parse(&r.status, RefundStatus::Pending),
        approval_id: r.approval_id,
        requested_at: r.created_at,
        decided_at: r.decided_at,
    }
}

pub fn invoice_view(i: &order_invoice::Model) -> InvoiceView {
    InvoiceView {
        id: i.id,
        invoice_no: i.invoice_no.clone(),
        vin: i.vin.clone(),
        amount_fen: Fen(i.amount_fen),
        issued_at: i.issued_at,
    }
}
