//! Groups, dealers, departments and teams.

use super::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Groups {
    Table,
    Code,
    Name,
    Kind,
}

#[derive(DeriveIden)]
enum Dealers {
    Table,
    GroupId,
    Code,
    Name,
    TimeZone,
    Locale,
}

#[derive(DeriveIden)]
enum Departments {
    Table,
    Name,
}

#[derive(DeriveIden)]
enum Teams {
    Table,
    DepartmentId,
    Name,
    LeaderId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Groups::Table)
                    .col(id())
                    .col(text(Groups::Code, 32).unique_key())
                    .col(text(Groups::Name, 100))
                    .col(text(Groups::Kind, 16))
                    .lifecycle()
                    .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Dealers::Table)
                    .col(id())
                    .col(uuid_null(Dealers::GroupId))
                    .col(text(Dealers::Code, 32).unique_key())
                    .col(text(Dealers::Name, 100))
                    .col(text(Dealers::TimeZone, 64))
                    .col(text(Dealers::Locale, 8))
                    .lifecycle()
                    .foreign_key(
                        ForeignKey::create()
                            .from_tbl(Dealers::Table)
                            .from_col(Dealers::GroupId)
                            .to_tbl(Groups::Table)
                            .to_col(Common::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(index("ix_dealers_group", Dealers::Table, &["group_id"]))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Departments::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(Departments::Name, 64))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(Departments::Table))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(
                Departments::Table,
                "ux_departments_dealer_id",
            ))
            .await?;
        manager
            .create_index(
                index(
                    "ux_departments_dealer_name",
                    Departments::Table,
                    &["dealer_id", "name"],
                )
                .unique()
                .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Teams::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid_null(Teams::DepartmentId))
                    .col(text(Teams::Name, 64))
                    // The team lead (a user); checked by the application, as users also
                    // reference teams.
                    .col(uuid_null(Teams::LeaderId))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(Teams::Table))
                    .foreign_key(&mut same_dealer_fk(
                        Teams::Table,
                        Teams::DepartmentId,
                        Departments::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(Teams::Table, "ux_teams_dealer_id"))
            .await?;
        manager
            .create_index(
                index("ux_teams_dealer_name", Teams::Table, &["dealer_id", "name"])
                    .unique()
                    .take(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["teams", "departments", "dealers", "groups"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).take())
                .await?;
        }
        Ok(())
    }
}
