//! The composition root: the business modules this server runs, listed once. The kernel gets
//! them as [`Module`](forecourt_kernel::module::Module)s (approval types, jobs, schedules,
//! dealer defaults, customer references, record kinds, texts), the HTTP layer as
//! [`HttpModule`]s (routes and OpenAPI tags). A new module is one line here.

use forecourt_db::Db;
use forecourt_http::module::{Modules, kernel_modules};
use forecourt_kernel::{App, Clock, CoreSettings};
use std::sync::Arc;

/// Every module, lower ones first (as `docs/ARCHITECTURE.md` draws the crate graph).
pub static MODULES: Modules = &[
    &forecourt_customers::MODULE,
    &forecourt_catalog::MODULE,
    &forecourt_work::MODULE,
    &forecourt_sales::MODULE,
    &forecourt_stock::MODULE,
    &forecourt_deal::MODULE,
    &forecourt_orders::MODULE,
    &forecourt_aftersales::MODULE,
    &forecourt_care::MODULE,
    &forecourt_admin::MODULE,
];

/// The application over `db` with every module.
pub fn app(db: Db, settings: CoreSettings) -> App {
    App::new(db, settings, kernel_modules(MODULES))
}

/// [`app`] reading the time from `clock` (tests).
pub fn app_with_clock(db: Db, settings: CoreSettings, clock: Arc<dyn Clock>) -> App {
    App::with_clock(db, settings, clock, kernel_modules(MODULES))
}
