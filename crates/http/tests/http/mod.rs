mod support;

mod auth;
mod cadence;
mod customers;
mod demo;
mod imports;
mod lists;
mod matrix;
mod matrix_work;
mod openapi;
mod problems;
mod sales;
mod tenancy;
mod vehicles;
mod versions;
mod work;
