//! Administration as a module: users, teams, departments, roles, dealers, API tokens and the
//! audit log. It brings nothing to the kernel's registries; its routes and pages plug in
//! through the composition root.

use forecourt_kernel::module::Module;

/// The administration module.
#[derive(Debug)]
pub struct AdminModule;

/// The administration module, for the composition root.
pub static MODULE: AdminModule = AdminModule;

impl Module for AdminModule {
    fn name(&self) -> &'static str {
        "admin"
    }
}
