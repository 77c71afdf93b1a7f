//! Customers: people and companies, their phones, companions, consent, tags and cars; search,
//! lists, duplicates and merging, import and export, and the 360° timeline.

pub mod access;
mod audited;
mod bulk;
mod consent;
mod create;
mod duplicates;
pub mod export;
pub mod import;
pub(crate) mod index;
mod input;
pub(crate) mod list;
mod merge;
pub mod module;
pub(crate) mod owners;
mod pii;
mod read;
pub mod reassign_approval;
mod search;
pub mod timeline;
mod types;
mod update;
pub(crate) mod views;

pub use bulk::{BulkAction, BulkOutcome, BulkRequest};
pub use consent::ConsentChange;
pub use duplicates::{DuplicateCandidate, DuplicateCheck, DuplicateMatch};
pub use input::{
    AddressInput, CompanionInput, ConsentInput, CustomerPatch, NewCustomer, PhoneInput,
};
pub(crate) use list::rows as customer_rows;
pub use list::{CustomerPage, CustomerQuery, FileSize};
pub use merge::{FieldChoice, MergeRequest};
pub use module::MODULE;
pub use pii::{IdNumberReveal, RevealedIdNumber};
pub use search::{MAX_LIMIT as SEARCH_MAX_LIMIT, SearchHit, SearchQuery};
pub use types::{ConsentChannel, ConsentMethod, CustomerKind, Gender, PhoneLabel, Relation};
pub(crate) use views::masked_name;
pub use views::{
    AddressView, CompanionView, ConsentEventView, ConsentView, CustomerRow, CustomerView,
    OwnerView, PhoneView,
};
