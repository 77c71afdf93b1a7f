//! Customers: people and companies, their phones, companions, consent, tags and cars; search,
//! lists, duplicates and merging, import and export, and the 360° timeline.

forecourt_kernel::module_service!(
    /// The customers use cases: people and companies, their cars, search, duplicates and merging, import and export.
    Customers,
    CustomersExt,
    customers
);

pub mod access;
mod audited;
mod bulk;
mod consent;
mod create;
mod duplicates;
pub mod export;
pub mod import;
pub mod index;
mod input;
pub mod list;
mod merge;
pub mod module;
pub mod owners;
mod pii;
mod read;
pub mod reassign_approval;
mod search;
pub mod timeline;
mod types;
mod update;
pub mod vehicles;
pub mod views;

pub use bulk::{BulkAction, BulkOutcome, BulkRequest};
pub use consent::ConsentChange;
pub use duplicates::{DuplicateCandidate, DuplicateCheck, DuplicateMatch};
pub use input::{
    AddressInput, CompanionInput, ConsentInput, CustomerPatch, NewCustomer, PhoneInput,
};
pub use list::rows as customer_rows;
pub use list::{CustomerPage, CustomerQuery, FileSize};
pub use merge::{FieldChoice, MergeRequest};
pub use module::MODULE;
pub use pii::{IdNumberReveal, RevealedIdNumber};
pub use search::{MAX_LIMIT as SEARCH_MAX_LIMIT, SearchHit, SearchQuery};
pub use types::{ConsentChannel, ConsentMethod, CustomerKind, Gender, PhoneLabel, Relation};
pub use views::masked_name;
pub use views::{
    AddressView, CompanionView, ConsentEventView, ConsentView, CustomerRow, CustomerView,
    OwnerView, PhoneView,
};
