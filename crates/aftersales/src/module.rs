//! What after-sales brings to the kernel: the words of its tasks, notices and messages, its
//! jobs and schedules, its customer columns and its customer timeline kinds.

use chrono::{DateTime, Utc};
use forecourt_db::DatabaseTransaction;
use forecourt_kernel::module::{BoxFuture, Module};
use forecourt_kernel::texts::Words;
use forecourt_kernel::{Actor, CoreResult};

/// The after-sales module.
#[derive(Debug)]
pub struct AfterSalesModule;

/// The after-sales module, for the composition root.
pub static MODULE: AfterSalesModule = AfterSalesModule;

impl Module for AfterSalesModule {
    fn name(&self) -> &'static str {
        "aftersales"
    }

    fn texts(&self) -> &'static [Words] {
        super::TEXTS
    }

    fn customer_references(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("service_dues", "customer_id"),
            ("service_appointments", "customer_id"),
            ("repair_orders", "customer_id"),
            ("insurance_policies", "customer_id"),
            ("renewals", "customer_id"),
        ]
    }

    fn timeline_kinds(&self) -> &'static [&'static str] {
        &["repair_order.opened", "repair_order.picked_up"]
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
