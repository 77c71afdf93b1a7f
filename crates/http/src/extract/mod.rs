//! Extractors that turn bad input into problem+json naming the field, and authentication into
//! an [`forecourt_kernel::Actor`].

mod auth;
mod client;
mod json;
mod path;
mod query;

pub use auth::{Authed, SESSION_COOKIE};
pub use client::ClientInfo;
pub use json::{ApiJson, parse as parse_json};
pub use path::PathId;
pub use query::{ApiQuery, badly_encoded};
