//! After-sales (售后): the pure rules — odometer readings and a car's driving rate, when its next
//! service falls due, whether a job fits a workshop day, a repair order's states and who pays a
//! line, and the renewal rate.

pub mod capacity;
pub mod due;
pub mod mileage;
pub mod renewal;
pub mod repair;
