//! Administration: users, teams, departments, roles, dealer settings, API tokens, the audit log
//! and the signed-in user's own account.

forecourt_kernel::module_service!(
    /// The administration use cases: users, teams, departments, roles, dealers, API tokens, the audit log and the signed-in user.
    Admin,
    AdminExt,
    admin
);

pub mod api_tokens;
pub mod audit_log;
pub mod audit_names;
pub mod dealers;
pub mod departments;
pub mod me;
pub mod module;
pub mod roles;
pub mod teams;
pub mod users;
pub use module::MODULE;
