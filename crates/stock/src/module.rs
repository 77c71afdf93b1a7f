//! What stock brings to the kernel: the words of its alerts, the hourly alert job, its customer
//! column and its customer timeline kinds.

use forecourt_kernel::module::{Module, ScheduleSpec};
use forecourt_kernel::texts::Words;

/// The stock module.
#[derive(Debug)]
pub struct StockModule;

/// The stock module, for the composition root.
pub static MODULE: StockModule = StockModule;

impl Module for StockModule {
    fn name(&self) -> &'static str {
        "stock"
    }

    fn texts(&self) -> &'static [Words] {
        super::TEXTS
    }

    fn customer_references(&self) -> &'static [(&'static str, &'static str)] {
        &[("stock_units", "customer_id")]
    }

    fn timeline_kinds(&self) -> &'static [&'static str] {
        &[
            super::hooks::DELIVERED_KIND,
            super::trade_in::TRADED_IN_KIND,
        ]
    }

    fn register_jobs(&self, jobs: &mut forecourt_kernel::jobs::JobRegistry) {
        super::alerts::register_jobs(jobs);
    }

    fn schedules(&self) -> &'static [ScheduleSpec] {
        &[ScheduleSpec {
            kind: super::alerts::ALERT_JOB,
            cron: "23 * * * *",
        }]
    }
}
