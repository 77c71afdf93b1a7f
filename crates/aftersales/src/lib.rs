//! After-sales (售后): each car's mileage and when its next service falls due (predicted from
//! its own readings), the maintenance plans, reminders to the advisor and the customer, service
//! appointments within the workshop's capacity, repair orders (工单) with labour and parts,
//! technicians' clock-ons, warranty claims, insurance policies and their renewals (续保), and
//! the service manager's reports.

forecourt_kernel::module_service!(
    /// The after-sales use cases: service due, appointments, repair orders, insurance renewals.
    AfterSales,
    AfterSalesExt,
    aftersales
);

pub mod appointments;
mod audit_names;
pub mod due;
pub mod insurance;
pub mod module;
pub mod parts;
pub mod plans;
pub mod repair_orders;
pub mod reports;
pub mod settings;
mod texts;
pub mod views;

pub use module::MODULE;
pub use settings::{ServiceSettingsPatch, ServiceSettingsView};
pub use texts::{TEMPLATES, TEXTS};
