//! Stock: the cars on the dealer's books by VIN (`stock_units`), each change of status
//! (`stock_unit_events`), the dealer's aged-stock thresholds (`stock_settings`), the per-model
//! minimums (`stock_model_minimums`) and the alerts already raised (`stock_alerts`).
//!
//! The database states the allocation rule: a unit is reserved by a conditional UPDATE (in
//! stock and held by no order), and an order holds at most one unit (a partial unique index
//! over `order_id`). An alert is raised once: `(dealer_id, unit_id, threshold_days)` and
//! `(dealer_id, catalog_model_id, on_date)` are unique.

use super::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum StockUnits {
    Table,
    Vin,
    CatalogModelId,
    Description,
    Colour,
    Status,
    Location,
    ArrivedOn,
    CostFen,
    OrderId,
    CustomerId,
    VehicleId,
    Used,
    StatusChangedAt,
}

#[derive(DeriveIden)]
enum StockUnitEvents {
    Table,
    UnitId,
    FromStatus,
    ToStatus,
    OrderId,
    ActorId,
    At,
}

#[derive(DeriveIden)]
enum StockSettings {
    Table,
    AgedDays,
}

#[derive(DeriveIden)]
enum StockModelMinimums {
    Table,
    CatalogModelId,
    Minimum,
}

#[derive(DeriveIden)]
enum StockAlerts {
    Table,
    Kind,
    UnitId,
    CatalogModelId,
    ThresholdDays,
    OnDate,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(StockUnits::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(StockUnits::Vin, 17))
                    .col(uuid_null(StockUnits::CatalogModelId))
                    .col(text_null(StockUnits::Description, 200))
                    .col(text_null(StockUnits::Colour, 32))
                    .col(text(StockUnits::Status, 16))
                    .col(text_null(StockUnits::Location, 100))
                    .col(ColumnDef::new(StockUnits::ArrivedOn).date().null())
                    .col(ColumnDef::new(StockUnits::CostFen).big_integer().null())
                    .col(uuid_null(StockUnits::OrderId))
                    .col(uuid_null(StockUnits::CustomerId))
                    .col(uuid_null(StockUnits::VehicleId))
                    .col(boolean(StockUnits::Used, false))
                    .col(timestamp(StockUnits::StatusChangedAt))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(StockUnits::Table))
                    .foreign_key(&mut same_dealer_fk(
                        StockUnits::Table,
                        StockUnits::CatalogModelId,
                        Alias::new("catalog_models"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        StockUnits::Table,
                        StockUnits::CustomerId,
                        Alias::new("customers"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        StockUnits::Table,
                        StockUnits::VehicleId,
                        Alias::new("vehicles"),
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(
                StockUnits::Table,
                "ux_stock_units_dealer_id",
            ))
            .await?;
        manager
            .create_index(
                index(
                    "ux_stock_units_vin",
                    StockUnits::Table,
                    &["dealer_id", "vin"],
                )
                .unique()
                .take(),
            )
            .await?;
        for (name, cols) in [
            (
                "ix_stock_units_status",
                &["dealer_id", "status", "created_at", "id"][..],
            ),
            ("ix_stock_units_created", &["dealer_id", "created_at", "id"]),
            ("ix_stock_units_arrived", &["dealer_id", "arrived_on", "id"]),
            ("ix_stock_units_model", &["dealer_id", "catalog_model_id"]),
            ("ix_stock_units_customer", &["dealer_id", "customer_id"]),
        ] {
            manager
                .create_index(index(name, StockUnits::Table, cols))
                .await?;
        }
        // An order holds at most one unit.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX ux_stock_units_order ON stock_units (dealer_id, order_id) \
                 WHERE order_id IS NOT NULL",
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(StockUnitEvents::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(StockUnitEvents::UnitId))
                    .col(text_null(StockUnitEvents::FromStatus, 16))
                    .col(text(StockUnitEvents::ToStatus, 16))
                    .col(uuid_null(StockUnitEvents::OrderId))
                    .col(uuid_null(StockUnitEvents::ActorId))
                    .col(timestamp(StockUnitEvents::At))
                    .foreign_key(&mut dealer_fk(StockUnitEvents::Table))
                    .foreign_key(&mut same_dealer_fk(
                        StockUnitEvents::Table,
                        StockUnitEvents::UnitId,
                        StockUnits::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_stock_unit_events_unit",
                StockUnitEvents::Table,
                &["dealer_id", "unit_id", "at"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(StockSettings::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(json(StockSettings::AgedDays))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(StockSettings::Table))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_stock_settings_dealer",
                    StockSettings::Table,
                    &["dealer_id"],
                )
                .unique()
                .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(StockModelMinimums::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(StockModelMinimums::CatalogModelId))
                    .col(integer(StockModelMinimums::Minimum, 0))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(StockModelMinimums::Table))
                    .foreign_key(&mut same_dealer_fk(
                        StockModelMinimums::Table,
                        StockModelMinimums::CatalogModelId,
                        Alias::new("catalog_models"),
                        ForeignKeyAction::Cascade,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_stock_model_minimums_model",
                    StockModelMinimums::Table,
                    &["dealer_id", "catalog_model_id"],
                )
                .unique()
                .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(StockAlerts::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(StockAlerts::Kind, 16))
                    .col(uuid_null(StockAlerts::UnitId))
                    .col(uuid_null(StockAlerts::CatalogModelId))
                    .col(ColumnDef::new(StockAlerts::ThresholdDays).integer().null())
                    .col(ColumnDef::new(StockAlerts::OnDate).date().null())
                    .col(timestamp(Common::CreatedAt))
                    .foreign_key(&mut dealer_fk(StockAlerts::Table))
                    .foreign_key(&mut same_dealer_fk(
                        StockAlerts::Table,
                        StockAlerts::UnitId,
                        StockUnits::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .take(),
            )
            .await?;
        for (name, cols) in [
            (
                "ux_stock_alerts_aged",
                &["dealer_id", "unit_id", "threshold_days"][..],
            ),
            (
                "ux_stock_alerts_low",
                &["dealer_id", "catalog_model_id", "on_date"],
            ),
        ] {
            manager
                .create_index(index(name, StockAlerts::Table, cols).unique().take())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "stock_alerts",
            "stock_model_minimums",
            "stock_settings",
            "stock_unit_events",
            "stock_units",
        ] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).take())
                .await?;
        }
        Ok(())
    }
}
