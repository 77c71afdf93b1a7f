mod support;

mod auth;
mod customers;
mod demo;
mod imports;
mod lists;
mod matrix;
mod openapi;
mod problems;
mod sales;
mod tenancy;
mod vehicles;
mod versions;
