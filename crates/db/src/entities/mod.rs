//! SeaORM models, one module per table. Ids are the domain's typed ids at the edges; here they
//! are plain `Uuid`s, converted by the repositories.

pub mod api_token;
pub mod audit_event;
pub mod catalog_brand;
pub mod catalog_model;
pub mod catalog_series;
pub mod customer;
pub mod customer_companion;
pub mod customer_consent_event;
pub mod customer_event;
pub mod customer_phone;
pub mod customer_tag;
pub mod dealer;
pub mod department;
pub mod group;
pub mod import;
pub mod import_mapping;
pub mod login_attempt;
pub mod lookup;
pub mod mileage_reading;
pub mod role;
pub mod saved_view;
pub mod search_term;
pub mod session;
pub mod team;
pub mod user;
pub mod vehicle;
pub mod vehicle_ownership;
