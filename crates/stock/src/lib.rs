//! Stock: the cars on the dealer's books by VIN — ordered, in transit, in stock, reserved for an
//! order, sold, delivered (then the customer's vehicle: one record per car for life) — with
//! their history, days in stock, the filtered list and its export, used-car stock from
//! trade-ins, and the aged-stock and low-stock alerts.

forecourt_kernel::module_service!(
    /// The stock use cases: units by VIN, their moves, the list and its export, trade-ins, the alerts.
    Stock,
    StockExt,
    stock
);

pub mod alerts;
pub mod hooks;
mod input;
pub mod list;
pub mod module;
pub mod settings;
mod texts;
pub mod trade_in;
pub mod types;
pub mod units;
mod views;
pub use views::ModelNames;

pub use hooks::{allocate_in, deliver_in, mark_sold_in, release_in, unit_for_order};
pub use module::MODULE;
pub use texts::TEXTS;
pub use types::*;
