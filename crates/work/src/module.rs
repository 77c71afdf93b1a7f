//! What the work engine's activities bring to the kernel: the `activity.cancel` approval, the
//! reminder and overdue-scan jobs, their customer column and timeline entries.

use forecourt_kernel::module::{Module, ScheduleSpec};

/// The work module: activities, calendars, my work.
#[derive(Debug)]
pub struct WorkModule;

/// The work module, for the composition root.
pub static MODULE: WorkModule = WorkModule;

static APPROVAL_TYPES: &[&forecourt_kernel::approvals::ApprovalType] = &[&super::CANCEL_APPROVAL];

impl Module for WorkModule {
    fn name(&self) -> &'static str {
        "work"
    }

    fn approval_types(&self) -> &'static [&'static forecourt_kernel::approvals::ApprovalType] {
        APPROVAL_TYPES
    }

    fn texts(&self) -> &'static [forecourt_kernel::texts::Words] {
        super::texts::TEXTS
    }

    fn message_templates(&self) -> &'static [forecourt_kernel::messaging::BuiltinTemplate] {
        super::templates::TEMPLATES
    }

    fn customer_references(&self) -> &'static [(&'static str, &'static str)] {
        &[("activities", "customer_id")]
    }

    fn timeline_kinds(&self) -> &'static [&'static str] {
        &[
            "activity.planned",
            "activity.rescheduled",
            "activity.done",
            "activity.cancelled",
        ]
    }

    fn register_jobs(&self, jobs: &mut forecourt_kernel::jobs::JobRegistry) {
        super::alarms::register(jobs);
    }

    fn schedules(&self) -> &'static [ScheduleSpec] {
        &[ScheduleSpec {
            kind: super::OVERDUE_SCAN_JOB,
            cron: "* * * * *",
        }]
    }
}
