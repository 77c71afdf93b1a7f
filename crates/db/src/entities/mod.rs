//! SeaORM models, one module per table. Ids are the domain's typed ids at the edges; here they
//! are plain `Uuid`s, converted by the repositories.

pub mod api_token;
pub mod audit_event;
pub mod dealer;
pub mod department;
pub mod group;
pub mod login_attempt;
pub mod role;
pub mod session;
pub mod team;
pub mod user;
