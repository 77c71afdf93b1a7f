//! Which fields of a row the audit log records ([`Audited`]), beside the entities: Rust ties a
//! trait's implementations to the crate of the trait or of the type, and every module's rows
//! are entities of this crate. A module that adds a table adds its implementation here, in
//! the file of its area.

mod aftersales;
mod care;
mod catalog;
mod customers;
mod deal;
mod orders;
mod org;
mod sales;
mod stock;

use serde_json::{Map, Value};
use uuid::Uuid;

/// A record whose changes are audited.
pub trait Audited {
    /// The entity type recorded, e.g. `user`.
    const ENTITY: &'static str;

    fn audit_id(&self) -> Uuid;

    /// The fields recorded, by name, with sensitive values already masked (phones) or left out
    /// (password hashes).
    fn audit_fields(&self) -> Map<String, Value>;
}
