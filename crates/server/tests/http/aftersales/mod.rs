//! After-sales through the API: the workshop's settings and plans, the due list and its
//! reminders on a controlled clock, appointments within capacity (also under concurrency),
//! insurance policies and renewals.

mod appointments;
mod renewals;
mod service;
pub mod service_records;
