//! After-sales through the API: the workshop's settings and plans, the due list and its
//! reminders on a controlled clock, appointments within capacity (also under concurrency).

mod appointments;
mod service;
pub mod service_records;
