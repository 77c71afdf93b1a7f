//! The sales pipeline: the dealer's stages with their probabilities, opportunities, and every
//! stage change (the funnel and the managers' history read it).

use super::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PipelineStages {
    Table,
    Key,
    Name,
    Probability,
    Kind,
    SortOrder,
    Builtin,
    Active,
}

#[derive(DeriveIden)]
enum Opportunities {
    Table,
    LeadId,
    CustomerId,
    OwnerId,
    StageId,
    Status,
    AmountFen,
    ExpectedOn,
    SeriesId,
    ModelId,
    Competitors,
    Notes,
    StageChangedAt,
    ClosedAt,
}

#[derive(DeriveIden)]
enum OpportunityStageChanges {
    Table,
    OpportunityId,
    FromStageId,
    ToStageId,
    OwnerId,
    UserId,
    OccurredAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PipelineStages::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(PipelineStages::Key, 32))
                    .col(text(PipelineStages::Name, 64))
                    .col(integer(PipelineStages::Probability, 0))
                    .col(text(PipelineStages::Kind, 8))
                    .col(integer(PipelineStages::SortOrder, 0))
                    .col(boolean(PipelineStages::Builtin, false))
                    .col(boolean(PipelineStages::Active, true))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(PipelineStages::Table))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(
                PipelineStages::Table,
                "ux_pipeline_stages_dealer_id",
            ))
            .await?;
        manager
            .create_index(
                index(
                    "ux_pipeline_stages_key",
                    PipelineStages::Table,
                    &["dealer_id", "key"],
                )
                .unique()
                .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Opportunities::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(Opportunities::LeadId))
                    .col(uuid(Opportunities::CustomerId))
                    .col(uuid_null(Opportunities::OwnerId))
                    .col(uuid(Opportunities::StageId))
                    .col(text(Opportunities::Status, 8))
                    .col(
                        ColumnDef::new(Opportunities::AmountFen)
                            .big_integer()
                            .null(),
                    )
                    .col(ColumnDef::new(Opportunities::ExpectedOn).date().null())
                    .col(uuid_null(Opportunities::SeriesId))
                    .col(uuid_null(Opportunities::ModelId))
                    .col(json(Opportunities::Competitors))
                    .col(ColumnDef::new(Opportunities::Notes).text().null())
                    .col(timestamp(Opportunities::StageChangedAt))
                    .col(timestamp_null(Opportunities::ClosedAt))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(Opportunities::Table))
                    .foreign_key(&mut same_dealer_fk(
                        Opportunities::Table,
                        Opportunities::LeadId,
                        Alias::new("leads"),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        Opportunities::Table,
                        Opportunities::CustomerId,
                        Alias::new("customers"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        Opportunities::Table,
                        Opportunities::OwnerId,
                        Alias::new("users"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        Opportunities::Table,
                        Opportunities::StageId,
                        PipelineStages::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        Opportunities::Table,
                        Opportunities::SeriesId,
                        Alias::new("catalog_series"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        Opportunities::Table,
                        Opportunities::ModelId,
                        Alias::new("catalog_models"),
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(
                Opportunities::Table,
                "ux_opportunities_dealer_id",
            ))
            .await?;
        // One opportunity per lead.
        manager
            .create_index(
                index(
                    "ux_opportunities_lead",
                    Opportunities::Table,
                    &["dealer_id", "lead_id"],
                )
                .unique()
                .take(),
            )
            .await?;
        for (name, cols) in [
            (
                "ix_opportunities_stage",
                &["dealer_id", "status", "stage_id", "stage_changed_at"][..],
            ),
            (
                "ix_opportunities_owner",
                &["dealer_id", "owner_id", "status"],
            ),
            ("ix_opportunities_customer", &["dealer_id", "customer_id"]),
        ] {
            manager
                .create_index(index(name, Opportunities::Table, cols))
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(OpportunityStageChanges::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(OpportunityStageChanges::OpportunityId))
                    .col(uuid_null(OpportunityStageChanges::FromStageId))
                    .col(uuid(OpportunityStageChanges::ToStageId))
                    .col(uuid_null(OpportunityStageChanges::OwnerId))
                    .col(uuid_null(OpportunityStageChanges::UserId))
                    .col(timestamp(OpportunityStageChanges::OccurredAt))
                    .foreign_key(&mut dealer_fk(OpportunityStageChanges::Table))
                    .foreign_key(&mut same_dealer_fk(
                        OpportunityStageChanges::Table,
                        OpportunityStageChanges::OpportunityId,
                        Opportunities::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .take(),
            )
            .await?;
        for (name, cols) in [
            (
                "ix_opportunity_stage_changes_opp",
                &["dealer_id", "opportunity_id", "occurred_at"][..],
            ),
            (
                "ix_opportunity_stage_changes_time",
                &["dealer_id", "occurred_at"],
            ),
        ] {
            manager
                .create_index(index(name, OpportunityStageChanges::Table, cols))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "opportunity_stage_changes",
            "opportunities",
            "pipeline_stages",
        ] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).take())
                .await?;
        }
        Ok(())
    }
}
