//! After-sales through the API: the workshop's settings and plans, the due list and its
//! reminders on a controlled clock, appointments within capacity (also under concurrency);
//! repair orders with their lines, clock-ons, moves and pickup, the parts price list and its
//! import, warranty claims; insurance policies and renewals; the whole after-sales journey.

mod appointments;
mod journey;
mod renewals;
mod repair_fixture;
mod repair_orders;
mod service;
pub mod service_records;
