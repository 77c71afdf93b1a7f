//! How a business module's routes plug into the HTTP layer: the module's kernel side
//! ([`Module`]) plus its routes and OpenAPI tags. The server's composition root lists the
//! modules once, as [`HttpModule`]s; the router and the OpenAPI document are built from that
//! list, and the kernel gets the same list as [`Module`]s.

use crate::state::AppState;
use forecourt_kernel::module::Module;
use utoipa_axum::router::OpenApiRouter;

/// A business module as the HTTP layer sees it.
pub trait HttpModule: Module {
    /// Every route of the module, each documented (`utoipa_axum::routes!`).
    fn routes(&self) -> OpenApiRouter<AppState>;

    /// The OpenAPI tags its routes use: `(name, description)`.
    fn tags(&self) -> &'static [(&'static str, &'static str)] {
        &[]
    }
}

/// The modules of the process, in the composition root's order.
pub type Modules = &'static [&'static dyn HttpModule];

/// The same modules as the kernel takes them.
pub fn kernel_modules(modules: Modules) -> Vec<&'static dyn Module> {
    modules.iter().map(|m| *m as &'static dyn Module).collect()
}
