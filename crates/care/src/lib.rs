//! Customer care (客户关怀): complaints (投诉) from entry to a verified close — entered,
//! assigned to a handler, answered and worked, handled with what was agreed, verified by a
//! colleague's call-back to the customer, closed (and reopened when it was not right) — with
//! two SLA clocks counted in the dealer's working calendar (time waiting for the customer does
//! not count) and an escalation ladder whose every step fires exactly once.

forecourt_kernel::module_service!(
    /// The customer-care use cases: complaints, their SLA board and the care settings.
    Care,
    CareExt,
    care
);

mod audit_names;
pub mod complaints;
pub mod module;
pub mod rules;
pub mod settings;
mod texts;

pub use module::MODULE;
pub use texts::TEXTS;
