//! The aged-stock and low-stock alerts.

use forecourt_kernel::jobs::{JobContext, JobRegistry};

/// The hourly alert job.
pub const ALERT_JOB: &str = "stock.alerts";

pub fn register_jobs(registry: &mut JobRegistry) {
    registry.register(ALERT_JOB, |_ctx: JobContext| async move { Ok(()) });
}
