mod support;

mod auth;
mod matrix;
mod openapi;
mod problems;
mod tenancy;
mod versions;
