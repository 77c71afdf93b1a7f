//! Orders and money (订单 / 合同): contracts made from accepted quotes with the agreed lines
//! kept, contract numbers without gaps, the payment plan with its deposits (定金 versus 订金),
//! payments and the receivable (应收) computed from them, refunds that count once approved,
//! cancellation, the unified motor-vehicle sales invoice, delivery behind its checklists, and
//! for finance an incremental feed, period exports and the receivables ageing.

forecourt_kernel::module_service!(
    /// The orders use cases: contracts, money, invoice, delivery and the finance feed.
    Orders,
    OrdersExt,
    orders
);

pub mod access;
pub mod checklists;
pub mod contract;
pub mod feed;
pub mod finance;
pub mod finance_export;
pub mod fulfil;
pub mod module;
pub mod payments;
pub mod read;
pub mod refunds;
pub mod settings;
pub mod sign;
mod texts;
pub mod views;

pub use module::MODULE;
pub use texts::TEXTS;
