//! Forecourt's use cases. Each one checks the caller's permission and data scope, validates its
//! input, makes its change, audit row and outbox messages in one transaction, and returns the
//! result. HTTP handlers, the command line and background jobs all call these; none of them
//! enforces permissions itself.

pub mod activities;
pub mod admin;
pub mod app;
pub mod approvals;
pub mod audit;
pub mod auth;
pub mod catalog;
pub mod clock;
pub mod crypto;
pub mod customers;
pub mod demo;
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
pub mod sales;
pub mod saved_views;
pub mod settings;
pub mod spreadsheet;
pub mod texts;
pub mod timeline;
pub mod vehicles;

pub use app::App;
pub use auth::Actor;
pub use clock::{Clock, ManualClock, SystemClock};
pub use error::{CoreError, CoreResult};
pub use settings::CoreSettings;

/// Re-exported for callers that page through lists.
pub use forecourt_db::{Cursor, Page, PageRequest};
