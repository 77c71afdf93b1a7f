//! The cars customers own (bought here or not), their owners over time and their mileage.

use super::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Vehicles {
    Table,
    Vin,
    VinCheckOk,
    Plate,
    CatalogModelId,
    Brand,
    Series,
    Model,
    Colour,
    ModelYear,
    PurchaseDate,
    BoughtHere,
    OwnerCustomerId,
    MileageKm,
    MileageOn,
    Notes,
}

#[derive(DeriveIden)]
enum VehicleOwnerships {
    Table,
    VehicleId,
    CustomerId,
    StartedOn,
    EndedOn,
}

#[derive(DeriveIden)]
enum MileageReadings {
    Table,
    VehicleId,
    ReadOn,
    Km,
    Source,
    RecordedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Vehicles::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text_null(Vehicles::Vin, 17))
                    .col(boolean(Vehicles::VinCheckOk, true))
                    .col(text_null(Vehicles::Plate, 16))
                    .col(uuid_null(Vehicles::CatalogModelId))
                    .col(text_null(Vehicles::Brand, 64))
                    .col(text_null(Vehicles::Series, 64))
                    .col(text_null(Vehicles::Model, 100))
                    .col(text_null(Vehicles::Colour, 32))
                    .col(ColumnDef::new(Vehicles::ModelYear).integer().null())
                    .col(ColumnDef::new(Vehicles::PurchaseDate).date().null())
                    .col(boolean(Vehicles::BoughtHere, false))
                    .col(uuid_null(Vehicles::OwnerCustomerId))
                    .col(ColumnDef::new(Vehicles::MileageKm).integer().null())
                    .col(ColumnDef::new(Vehicles::MileageOn).date().null())
                    .col(text_null(Vehicles::Notes, 500))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(Vehicles::Table))
                    .foreign_key(&mut same_dealer_fk(
                        Vehicles::Table,
                        Vehicles::CatalogModelId,
                        Alias::new("catalog_models"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        Vehicles::Table,
                        Vehicles::OwnerCustomerId,
                        Alias::new("customers"),
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(Vehicles::Table, "ux_vehicles_dealer_id"))
            .await?;
        // Several NULL VINs are allowed by both backends' unique indexes.
        manager
            .create_index(
                index("ux_vehicles_vin", Vehicles::Table, &["dealer_id", "vin"])
                    .unique()
                    .take(),
            )
            .await?;
        for (name, cols) in [
            ("ix_vehicles_plate", &["dealer_id", "plate"][..]),
            ("ix_vehicles_owner", &["dealer_id", "owner_customer_id"]),
            (
                "ix_vehicles_brand",
                &["dealer_id", "brand", "owner_customer_id"],
            ),
            ("ix_vehicles_created", &["dealer_id", "created_at", "id"]),
        ] {
            manager
                .create_index(index(name, Vehicles::Table, cols))
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(VehicleOwnerships::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(VehicleOwnerships::VehicleId))
                    .col(uuid(VehicleOwnerships::CustomerId))
                    .col(ColumnDef::new(VehicleOwnerships::StartedOn).date().null())
                    .col(ColumnDef::new(VehicleOwnerships::EndedOn).date().null())
                    .col(timestamp(Common::CreatedAt))
                    .foreign_key(&mut dealer_fk(VehicleOwnerships::Table))
                    .foreign_key(&mut same_dealer_fk(
                        VehicleOwnerships::Table,
                        VehicleOwnerships::VehicleId,
                        Vehicles::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        VehicleOwnerships::Table,
                        VehicleOwnerships::CustomerId,
                        Alias::new("customers"),
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_ownerships_vehicle",
                VehicleOwnerships::Table,
                &["dealer_id", "vehicle_id"],
            ))
            .await?;
        manager
            .create_index(index(
                "ix_ownerships_customer",
                VehicleOwnerships::Table,
                &["dealer_id", "customer_id"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(MileageReadings::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(MileageReadings::VehicleId))
                    .col(ColumnDef::new(MileageReadings::ReadOn).date().not_null())
                    .col(ColumnDef::new(MileageReadings::Km).integer().not_null())
                    .col(text(MileageReadings::Source, 16))
                    .col(uuid_null(MileageReadings::RecordedBy))
                    .col(timestamp(Common::CreatedAt))
                    .foreign_key(&mut dealer_fk(MileageReadings::Table))
                    .foreign_key(&mut same_dealer_fk(
                        MileageReadings::Table,
                        MileageReadings::VehicleId,
                        Vehicles::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_mileage_vehicle",
                MileageReadings::Table,
                &["dealer_id", "vehicle_id", "read_on"],
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["mileage_readings", "vehicle_ownerships", "vehicles"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).take())
                .await?;
        }
        Ok(())
    }
}
