//! The finance feed's write side: every change finance must book (an order signed or
//! cancelled, a payment, an approved refund, an invoice, a delivery) appends one
//! `finance_events` row in the transaction that makes the change.
//!
//! **Nothing missed, nothing repeated.** The row's `seq` comes from the dealer's
//! `finance_feed` counter ([`orders::next_number`]), taken in the same transaction. Taking it
//! locks the counter's row until that transaction commits or rolls back, so a second writer
//! waits and gets the next number only after the first is visible (or gets the same number
//! if the first rolled back). Sequence numbers therefore become visible in increasing order
//! with no hole: a reader who has seen everything up to `n` will never later find a row with
//! a number `≤ n`, so `seq > cursor` pages through every event exactly once, across restarts.
//! On SQLite writers are serialised anyway. Call [`append`] last in a transaction, so the
//! counter is held for as short a time as possible.

use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::finance_event;
use forecourt_db::repo::{orders, tenant};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use serde_json::Value;
use uuid::Uuid;

/// The dealer counter the feed's sequence numbers come from.
pub const FEED_COUNTER: &str = "finance_feed";

/// The kinds of event the feed carries.
pub const KINDS: [&str; 6] = [
    "order.signed",
    "order.cancelled",
    "order.delivered",
    "payment.recorded",
    "refund.approved",
    "invoice.issued",
];

/// One event to append.
#[derive(Clone, Debug)]
pub struct FinanceChange {
    pub kind: &'static str,
    pub order_id: Uuid,
    pub record_id: Uuid,
    pub amount_fen: i64,
    pub payload: Value,
}

/// Appends the change to the dealer's feed with the next sequence number, in the caller's
/// transaction (see the module's documentation).
pub async fn append<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    change: FinanceChange,
    now: DateTime<Utc>,
) -> CoreResult<finance_event::Model> {
    let seq = orders::next_number(conn, actor.scope(), FEED_COUNTER).await?;
    let row = finance_event::Model {
        id: Uuid::now_v7(),
        dealer_id: actor.dealer_id().uuid(),
        seq,
        kind: change.kind.to_owned(),
        order_id: change.order_id,
        record_id: change.record_id,
        amount_fen: change.amount_fen,
        payload: change.payload,
        occurred_at: now,
    };
    Ok(tenant::insert::<finance_event::Entity, _>(conn, actor.scope(), row.dealer_id, row).await?)
}
