//! Saved list views per user, and uploaded import files with their saved column mappings.

use super::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SavedViews {
    Table,
    UserId,
    Resource,
    Name,
    Query,
}

#[derive(DeriveIden)]
enum Imports {
    Table,
    UserId,
    Kind,
    Filename,
    Format,
    Content,
    RowCount,
    Headers,
    Status,
    Result,
}

#[derive(DeriveIden)]
enum ImportMappings {
    Table,
    Kind,
    Name,
    Mapping,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SavedViews::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(SavedViews::UserId))
                    .col(text(SavedViews::Resource, 32))
                    .col(text(SavedViews::Name, 64))
                    .col(json(SavedViews::Query))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(SavedViews::Table))
                    .foreign_key(&mut same_dealer_fk(
                        SavedViews::Table,
                        SavedViews::UserId,
                        Alias::new("users"),
                        ForeignKeyAction::Cascade,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_saved_views",
                    SavedViews::Table,
                    &["dealer_id", "user_id", "resource", "name"],
                )
                .unique()
                .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Imports::Table)
                    .col(id())
                    .col(dealer_id())
                    // None for imports run by the system (the command line, the demo).
                    .col(uuid_null(Imports::UserId))
                    .col(text(Imports::Kind, 16))
                    .col(text(Imports::Filename, 255))
                    .col(text(Imports::Format, 8))
                    .col(ColumnDef::new(Imports::Content).binary().not_null())
                    .col(integer(Imports::RowCount, 0))
                    .col(json(Imports::Headers))
                    .col(text(Imports::Status, 16))
                    .col(ColumnDef::new(Imports::Result).json_binary().null())
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(Imports::Table))
                    .foreign_key(&mut same_dealer_fk(
                        Imports::Table,
                        Imports::UserId,
                        Alias::new("users"),
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_imports_created",
                Imports::Table,
                &["dealer_id", "created_at", "id"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ImportMappings::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(ImportMappings::Kind, 16))
                    .col(text(ImportMappings::Name, 64))
                    .col(json(ImportMappings::Mapping))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(ImportMappings::Table))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_import_mappings",
                    ImportMappings::Table,
                    &["dealer_id", "kind", "name"],
                )
                .unique()
                .take(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["import_mappings", "imports", "saved_views"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).take())
                .await?;
        }
        Ok(())
    }
}
