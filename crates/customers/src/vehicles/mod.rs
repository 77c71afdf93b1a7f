//! Vehicles: the cars customers own (bought here or elsewhere), with their owners over time and
//! their mileage readings.

mod handover;
mod input;
mod mileage;
mod ops;
mod read;
mod transfer;
mod views;

pub use input::{MileageInput, TransferInput, VehicleInput, VehiclePatch, VehicleQuery};
pub use views::{MileageView, OwnershipView, VehicleView};

pub use handover::{HandedOverCar, hand_over_vehicle_in, take_in_vehicle_in};
pub use input::{ParsedVehicle, parse_vehicle};
pub use mileage::record_reading_in;
pub use ops::insert_vehicles;
