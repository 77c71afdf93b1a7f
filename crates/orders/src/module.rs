//! What orders brings to the kernel: the `order.refund` approval, its texts, every dealer's
//! order settings (contract prefix, PDI and handover checklists), its customer columns and
//! its timeline kinds.

use chrono::{DateTime, Utc};
use forecourt_db::DatabaseTransaction;
use forecourt_kernel::module::{BoxFuture, Module};
use forecourt_kernel::texts::Words;
use forecourt_kernel::{Actor, CoreResult};

/// The orders module.
#[derive(Debug)]
pub struct OrdersModule;

/// The orders module, for the composition root.
pub static MODULE: OrdersModule = OrdersModule;

static APPROVAL_TYPES: &[&forecourt_kernel::approvals::ApprovalType] =
    &[&super::refunds::REFUND_APPROVAL];

impl Module for OrdersModule {
    fn name(&self) -> &'static str {
        "orders"
    }

    fn approval_types(&self) -> &'static [&'static forecourt_kernel::approvals::ApprovalType] {
        APPROVAL_TYPES
    }

    fn texts(&self) -> &'static [Words] {
        super::TEXTS
    }

    fn customer_references(&self) -> &'static [(&'static str, &'static str)] {
        &[("orders", "customer_id")]
    }

    fn timeline_kinds(&self) -> &'static [&'static str] {
        &["order.signed", "order.cancelled", "order.delivered"]
    }

    fn dealer_defaults<'a>(
        &'a self,
        conn: &'a DatabaseTransaction,
        system: &'a Actor,
        now: DateTime<Utc>,
    ) -> BoxFuture<'a, CoreResult<()>> {
        Box::pin(async move {
            super::settings::ensure_defaults(conn, system, now).await?;
            Ok(())
        })
    }
}
