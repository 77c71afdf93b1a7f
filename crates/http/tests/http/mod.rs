mod support;

mod auth;
mod customers;
mod matrix;
mod openapi;
mod problems;
mod tenancy;
mod versions;
