//! The deal: the configurator on the catalog (option groups, options, packages, dealer
//! accessories, prices effective from a date), trade-in appraisals, and quotes (报价单) with
//! the on-the-road price (落地价), their versions, approval and acceptance. Orders build on an
//! accepted quote through [`hooks`].

forecourt_kernel::module_service!(
    /// The deal use cases: the configurator, appraisals, quotes.
    Deal,
    DealExt,
    deal
);

pub mod appraisals;
pub mod configurator;
pub mod hooks;
pub mod module;
pub mod quotes;
pub mod settings;
mod texts;

pub use module::MODULE;
pub use texts::TEXTS;
