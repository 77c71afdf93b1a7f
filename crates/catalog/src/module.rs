//! The car catalog as a module: it brings nothing to the kernel's registries yet; its routes
//! and pages plug in through the composition root.

use forecourt_kernel::module::Module;

/// The catalog module: brands, series and models, imported and published by the OEM.
#[derive(Debug)]
pub struct CatalogModule;

/// The catalog module, for the composition root.
pub static MODULE: CatalogModule = CatalogModule;

impl Module for CatalogModule {
    fn name(&self) -> &'static str {
        "catalog"
    }
}
