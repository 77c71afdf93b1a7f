//! Activities (活动 / 日程): calls, visits, meetings, test drives, appointments, tasks and notes,
//! linked to a customer and optionally to any other record; calendars with overlap warnings,
//! private iCalendar feeds, reminders and overdue alarms with escalation, and "my work".
//!
//! Other modules plan activities inside their own transactions with [`create_activity_in`]
//! (a pushed follow-up task sets `completion_locked`, so only the module closes it, with
//! [`close_activity_in`]); cancelling one with `cancel_needs_approval` asks for the
//! [`CANCEL_APPROVAL`] instead.

forecourt_kernel::module_service!(
    /// The work use cases: activities, calendars, calendar feeds, my work and work settings.
    Work,
    WorkExt,
    work
);

pub mod access;
mod alarms;
mod cancel;
mod feed;
mod hooks;
pub mod module;
mod read;
mod templates;
mod texts;
pub mod types;
mod write;

pub use alarms::{
    DEFAULT_ESCALATION_MINUTES, OVERDUE_SCAN_JOB, WorkSettingsPatch, WorkSettingsView,
};
pub use cancel::CANCEL_APPROVAL;
pub use hooks::{
    ActivityDraft, REMINDER_JOB, close_activity_in, create_activity_in, module_owned,
    reassign_activity_in, reschedule_activity_in, withdraw_activity_in,
};
pub use module::MODULE;
pub use read::MyWork;
pub use types::*;
