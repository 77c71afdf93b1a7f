//! Forecourt's kernel: what every business module shares and that names none of them — the
//! application handle and settings, accounts, permissions and scopes, audit, the job engine,
//! approvals, notifications, the outbox, the customer timeline's write side, lookups, the
//! organisation, paging, errors, the clock and crypto — and the [`module::Module`] trait
//! through which each module plugs itself in.
//!
//! A use case checks the caller's permission and data scope, validates its input, makes its
//! change, audit row and outbox messages in one transaction, and returns the result. HTTP
//! handlers, the command line and background jobs all call these; none of them enforces
//! permissions itself. The kernel's own use cases are methods of [`App`]; a module's are
//! methods of its service, reached from the handle (`app.sales().create_lead(…)`, see
//! [`module_service!`]).

pub mod access;
pub mod app;
pub mod approvals;
pub mod audit;
pub mod auth;
pub mod clock;
pub mod crypto;
pub mod error;
pub mod jobs;
pub mod lookups;
pub mod messaging;
pub mod module;
pub mod notifications;
pub mod org;
pub mod paging;
pub mod records;
pub mod retention;
pub mod saved_views;
pub mod service;
pub mod settings;
pub mod spreadsheet;
pub mod texts;
pub mod timeline;

pub use app::App;
pub use auth::Actor;
pub use clock::{Clock, ManualClock, SystemClock};
pub use error::{CoreError, CoreResult};
pub use settings::CoreSettings;

/// Re-exported for callers that page through lists.
pub use forecourt_db::{Cursor, Page, PageRequest};
