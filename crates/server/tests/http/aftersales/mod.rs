//! After-sales through the API.

mod renewals;
