//! The vehicle catalog: brands → series → models (trims).

use super::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CatalogBrands {
    Table,
    Name,
    PublishedFrom,
}

#[derive(DeriveIden)]
enum CatalogSeries {
    Table,
    BrandId,
    Name,
    PublishedFrom,
}

#[derive(DeriveIden)]
enum CatalogModels {
    Table,
    SeriesId,
    Name,
    ModelYear,
    BodyType,
    Powertrain,
    GuidePriceFen,
    Colours,
    Active,
    PublishedFrom,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CatalogBrands::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(CatalogBrands::Name, 64))
                    // Set on entries a group or OEM published into this dealer's catalog.
                    .col(uuid_null(CatalogBrands::PublishedFrom))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(CatalogBrands::Table))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(
                CatalogBrands::Table,
                "ux_catalog_brands_dealer_id",
            ))
            .await?;
        manager
            .create_index(
                index(
                    "ux_catalog_brands_name",
                    CatalogBrands::Table,
                    &["dealer_id", "name"],
                )
                .unique()
                .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CatalogSeries::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(CatalogSeries::BrandId))
                    .col(text(CatalogSeries::Name, 64))
                    .col(uuid_null(CatalogSeries::PublishedFrom))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(CatalogSeries::Table))
                    .foreign_key(&mut same_dealer_fk(
                        CatalogSeries::Table,
                        CatalogSeries::BrandId,
                        CatalogBrands::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(
                CatalogSeries::Table,
                "ux_catalog_series_dealer_id",
            ))
            .await?;
        manager
            .create_index(
                index(
                    "ux_catalog_series_name",
                    CatalogSeries::Table,
                    &["dealer_id", "brand_id", "name"],
                )
                .unique()
                .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CatalogModels::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(CatalogModels::SeriesId))
                    .col(text(CatalogModels::Name, 100))
                    .col(
                        ColumnDef::new(CatalogModels::ModelYear)
                            .integer()
                            .not_null(),
                    )
                    .col(text(CatalogModels::BodyType, 16))
                    .col(text(CatalogModels::Powertrain, 16))
                    .col(
                        ColumnDef::new(CatalogModels::GuidePriceFen)
                            .big_integer()
                            .not_null(),
                    )
                    .col(json(CatalogModels::Colours))
                    .col(boolean(CatalogModels::Active, true))
                    .col(uuid_null(CatalogModels::PublishedFrom))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(CatalogModels::Table))
                    .foreign_key(&mut same_dealer_fk(
                        CatalogModels::Table,
                        CatalogModels::SeriesId,
                        CatalogSeries::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(
                CatalogModels::Table,
                "ux_catalog_models_dealer_id",
            ))
            .await?;
        manager
            .create_index(
                index(
                    "ux_catalog_models_name",
                    CatalogModels::Table,
                    &["dealer_id", "series_id", "name", "model_year"],
                )
                .unique()
                .take(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["catalog_models", "catalog_series", "catalog_brands"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).take())
                .await?;
        }
        Ok(())
    }
}
