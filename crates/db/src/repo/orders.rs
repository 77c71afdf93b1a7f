//! Orders and money: the per-dealer counters (contract numbers, the finance feed's sequence),
//! an order's payments, refunds and plan, the finance feed, and the lists finance reads.

use crate::entities::{
    finance_event, order, order_invoice, order_payment, order_refund, order_schedule_item,
    order_setting,
};
use crate::repo::counters::{self, Counters};
use crate::repo::tenant::TenantEntity;
use crate::repo::{Reach, owned_within_reach};
use crate::{DbResult, DealerScope};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

/// Takes the next number of one of the dealer's order counters (`contract:2026`,
/// `finance_feed`), starting at 1, inside the caller's write transaction (see
/// [`counters::next`]).
pub async fn next_number<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    counter: &str,
) -> DbResult<i64> {
    counters::next(conn, scope, Counters::Orders, counter).await
}

/// The dealer's order settings, if saved.
pub async fn settings<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Option<order_setting::Model>> {
    Ok(order_setting::Entity::scoped(scope).one(conn).await?)
}

/// An order's planned items, in the order they fall due.
pub async fn schedule<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    order_ids: &[Uuid],
) -> DbResult<Vec<order_schedule_item::Model>> {
    Ok(order_schedule_item::Entity::scoped(scope)
        .filter(order_schedule_item::Column::OrderId.is_in(order_ids.iter().copied()))
        .order_by_asc(order_schedule_item::Column::DueOn)
        .order_by_asc(order_schedule_item::Column::Id)
        .all(conn)
        .await?)
}

/// The orders' payments, oldest first.
pub async fn payments<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    order_ids: &[Uuid],
) -> DbResult<Vec<order_payment::Model>> {
    Ok(order_payment::Entity::scoped(scope)
        .filter(order_payment::Column::OrderId.is_in(order_ids.iter().copied()))
        .order_by_asc(order_payment::Column::ReceivedAt)
        .order_by_asc(order_payment::Column::Id)
        .all(conn)
        .await?)
}

/// The orders' refunds, oldest first.
pub async fn refunds<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    order_ids: &[Uuid],
) -> DbResult<Vec<order_refund::Model>> {
    Ok(order_refund::Entity::scoped(scope)
        .filter(order_refund::Column::OrderId.is_in(order_ids.iter().copied()))
        .order_by_asc(order_refund::Column::Id)
        .all(conn)
        .await?)
}

/// The refund an approval request decides.
pub async fn refund_of_approval<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    approval_id: Uuid,
) -> DbResult<Option<order_refund::Model>> {
    Ok(order_refund::Entity::scoped(scope)
        .filter(order_refund::Column::ApprovalId.eq(approval_id))
        .one(conn)
        .await?)
}

/// The orders' invoices.
pub async fn invoices<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    order_ids: &[Uuid],
) -> DbResult<Vec<order_invoice::Model>> {
    Ok(order_invoice::Entity::scoped(scope)
        .filter(order_invoice::Column::OrderId.is_in(order_ids.iter().copied()))
        .all(conn)
        .await?)
}

/// The order made from a quote, if any.
pub async fn of_quote<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    quote_id: Uuid,
) -> DbResult<Option<order::Model>> {
    Ok(order::Entity::scoped(scope)
        .filter(order::Column::QuoteId.eq(quote_id))
        .one(conn)
        .await?)
}

/// A page of orders within reach (by the order's consultant), newest first, after the order
/// `after` (an id: ids are time-ordered), optionally of one status or customer.
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    status: Option<&str>,
    customer_id: Option<Uuid>,
    after: Option<Uuid>,
    limit: u64,
) -> DbResult<Vec<order::Model>> {
    let mut select = owned_within_reach(
        order::Entity::scoped(scope),
        scope,
        reach,
        order::Column::ConsultantId,
    );
    if let Some(status) = status {
        select = select.filter(order::Column::Status.eq(status));
    }
    if let Some(customer_id) = customer_id {
        select = select.filter(order::Column::CustomerId.eq(customer_id));
    }
    if let Some(after) = after {
        select = select.filter(order::Column::Id.lt(after));
    }
    Ok(select
        .order_by_desc(order::Column::Id)
        .limit(limit)
        .all(conn)
        .await?)
}

/// The dealer's orders not cancelled (for the receivables ageing).
pub async fn live_orders<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Vec<order::Model>> {
    Ok(order::Entity::scoped(scope)
        .filter(order::Column::Status.ne("cancelled"))
        .order_by_asc(order::Column::SignedAt)
        .all(conn)
        .await?)
}

/// The dealer's orders signed in `[from, to)`.
pub async fn orders_signed<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> DbResult<Vec<order::Model>> {
    Ok(order::Entity::scoped(scope)
        .filter(order::Column::SignedAt.gte(from))
        .filter(order::Column::SignedAt.lt(to))
        .order_by_asc(order::Column::SignedAt)
        .all(conn)
        .await?)
}

/// The dealer's payments received in `[from, to)`.
pub async fn payments_received<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> DbResult<Vec<order_payment::Model>> {
    Ok(order_payment::Entity::scoped(scope)
        .filter(order_payment::Column::ReceivedAt.gte(from))
        .filter(order_payment::Column::ReceivedAt.lt(to))
        .order_by_asc(order_payment::Column::ReceivedAt)
        .all(conn)
        .await?)
}

/// The dealer's refunds requested in `[from, to)`.
pub async fn refunds_created<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> DbResult<Vec<order_refund::Model>> {
    Ok(order_refund::Entity::scoped(scope)
        .filter(order_refund::Column::CreatedAt.gte(from))
        .filter(order_refund::Column::CreatedAt.lt(to))
        .order_by_asc(order_refund::Column::CreatedAt)
        .all(conn)
        .await?)
}

/// The dealer's invoices issued in `[from, to)`.
pub async fn invoices_issued<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> DbResult<Vec<order_invoice::Model>> {
    Ok(order_invoice::Entity::scoped(scope)
        .filter(order_invoice::Column::IssuedAt.gte(from))
        .filter(order_invoice::Column::IssuedAt.lt(to))
        .order_by_asc(order_invoice::Column::IssuedAt)
        .all(conn)
        .await?)
}

/// The finance events after `cursor` (a sequence number), in sequence order.
pub async fn finance_events<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    after_seq: i64,
    limit: u64,
) -> DbResult<Vec<finance_event::Model>> {
    Ok(finance_event::Entity::scoped(scope)
        .filter(finance_event::Column::Seq.gt(after_seq))
        .order_by_asc(finance_event::Column::Seq)
        .limit(limit)
        .all(conn)
        .await?)
}

/// An invoice of the dealer with this VIN or this number, if any.
pub async fn invoice_clash<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    vin: &str,
    invoice_no: &str,
) -> DbResult<Option<order_invoice::Model>> {
    use sea_orm::Condition;
    Ok(order_invoice::Entity::scoped(scope)
        .filter(
            Condition::any()
                .add(order_invoice::Column::Vin.eq(vin))
                .add(order_invoice::Column::InvoiceNo.eq(invoice_no)),
        )
        .one(conn)
        .await?)
}
