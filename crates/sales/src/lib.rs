//! Sales: leads and showroom reception, intent grades with their follow-up cadence,
//! assignment, opportunities on a configurable pipeline with its funnel, test drives, and the
//! manager's morning report.

forecourt_kernel::module_service!(
    /// The sales use cases: leads, reception, assignment, opportunities, test drives, the morning report.
    Sales,
    SalesExt,
    sales
);

pub mod catalog_names;
pub mod follow_up_tasks;
pub mod intake;
pub mod lead_detail;
pub mod leads;
pub mod module;
pub mod opportunities;
pub mod people;
pub mod pipeline;
pub mod receptions;
pub mod report;
pub mod report_export;
mod schedule;
pub mod settings;
pub mod test_drives;
mod texts;

pub use texts::TEXTS;

pub use catalog_names::CarRef;
pub use module::MODULE;
