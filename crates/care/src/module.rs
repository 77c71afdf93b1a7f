//! What customer care brings to the kernel: the words of its notices, its escalation job and
//! schedule, its customer columns and its customer timeline kinds.

use forecourt_kernel::module::{AuditNames, Module, ScheduleSpec};
use forecourt_kernel::texts::Words;

/// The customer-care module.
#[derive(Debug)]
pub struct CareModule;

/// The customer-care module, for the composition root.
pub static MODULE: CareModule = CareModule;

impl Module for CareModule {
    fn name(&self) -> &'static str {
        "care"
    }

    fn texts(&self) -> &'static [Words] {
        super::TEXTS
    }

    fn customer_references(&self) -> &'static [(&'static str, &'static str)] {
        &[("complaints", "customer_id")]
    }

    fn audit_names(&self) -> &'static [AuditNames] {
        super::audit_names::AUDIT_NAMES
    }

    fn timeline_kinds(&self) -> &'static [&'static str] {
        super::complaints::TIMELINE_KINDS
    }

    fn register_jobs(&self, jobs: &mut forecourt_kernel::jobs::JobRegistry) {
        super::complaints::escalate::register_jobs(jobs);
    }

    fn schedules(&self) -> &'static [ScheduleSpec] {
        &[ScheduleSpec {
            kind: super::complaints::escalate::ESCALATION_JOB,
            cron: "*/5 * * * *",
        }]
    }
}
