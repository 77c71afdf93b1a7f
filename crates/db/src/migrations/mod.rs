//! One migration tree for SQLite and PostgreSQL, written with SeaQuery's schema builder so the
//! same code produces each backend's DDL. Migrations are append-only: a released migration is
//! never edited, a change is a new migration.

use sea_orm_migration::prelude::*;

mod columns;
mod m0001_organisation;
mod m0002_accounts;
mod m0003_audit;
mod m0004_catalog;
mod m0005_customers;
mod m0006_vehicles;
mod m0007_views_imports;
mod m0010_jobs;
mod m0011_activities;
mod m0012_approvals;
mod m0013_notifications_outbox;
mod m0020_sales;
mod m0021_pipeline;
mod m0022_test_drives;
mod m0023_showroom_rules;
mod m0030_stock;
mod m0031_deal;
mod m0032_orders;
mod m0040_aftersales;
mod m0050_care;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m0001_organisation::Migration),
            Box::new(m0002_accounts::Migration),
            Box::new(m0003_audit::Migration),
            Box::new(m0004_catalog::Migration),
            Box::new(m0005_customers::Migration),
            Box::new(m0006_vehicles::Migration),
            Box::new(m0007_views_imports::Migration),
            Box::new(m0010_jobs::Migration),
            Box::new(m0011_activities::Migration),
            Box::new(m0012_approvals::Migration),
            Box::new(m0013_notifications_outbox::Migration),
            Box::new(m0020_sales::Migration),
            Box::new(m0021_pipeline::Migration),
            Box::new(m0022_test_drives::Migration),
            Box::new(m0023_showroom_rules::Migration),
            Box::new(m0030_stock::Migration),
            Box::new(m0031_deal::Migration),
            Box::new(m0032_orders::Migration),
            Box::new(m0040_aftersales::Migration),
            Box::new(m0050_care::Migration),
        ]
    }
}
