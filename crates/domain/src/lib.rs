//! Forecourt's domain: the pure types and rules every other crate builds on.
//!
//! Nothing here does IO, is async or knows SQL. Values are parsed once at the edge into types
//! that cannot hold an invalid value ("parse, don't validate"): a [`phone::Phone`] is always a
//! normalised mainland number, a [`username::Username`] always satisfies the username rules.

pub mod aftersales;
pub mod care;
pub mod code;
pub mod dates;
pub mod deal_config;
pub mod email;
pub mod error;
pub mod ical;
pub mod id_number;
pub mod ids;
pub mod locale;
pub mod masking;
pub mod money;
pub mod orders;
pub mod paging;
pub mod password;
pub mod patch;
pub mod permission;
pub mod phone;
pub mod plate;
pub mod quote_price;
pub mod quote_status;
pub mod region;
pub mod role;
pub mod sales;
pub mod schema;
pub mod search;
pub mod stock;
pub mod text;
pub mod time_zone;
pub mod username;
pub mod vin;
pub mod work;

pub use error::{ErrorCode, FieldError, FieldErrors};
