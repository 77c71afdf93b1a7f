//! Sales: the dealer's sales settings and assignment rules, leads with their grade history and
//! follow-ups, showroom receptions, and the intake API's idempotency keys.

use super::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SalesSettings {
    Table,
    CadenceNDays,
    CadenceHDays,
    CadenceADays,
    CadenceBDays,
    CadenceCDays,
    FollowUpDueHour,
    CHandoverDays,
    StagnationDays,
    StagnationAction,
    StagnationUserId,
    LostNeedsApproval,
    AssignmentMode,
    AssignmentTeamId,
}

#[derive(DeriveIden)]
enum LeadAssignmentRules {
    Table,
    SeriesId,
    TeamId,
    UserId,
}

#[derive(DeriveIden)]
enum Leads {
    Table,
    CustomerId,
    SourceKey,
    SeriesId,
    ModelId,
    ModelText,
    BudgetMinFen,
    BudgetMaxFen,
    Timeframe,
    Payment,
    TradeIn,
    TradeInNote,
    Grade,
    Status,
    OwnerId,
    Pool,
    Notes,
    GradedAt,
    LastUpgradeAt,
    LastContactAt,
    NextFollowUpAt,
    FollowUpActivityId,
    StagnantSince,
    LostReasonKey,
    LostCompetitorBrand,
    LostCompetitorModel,
    LostNote,
    LostAt,
    WonAt,
    CreatedBy,
}

#[derive(DeriveIden)]
enum LeadGradeChanges {
    Table,
    LeadId,
    FromGrade,
    ToGrade,
    Origin,
    OwnerId,
    UserId,
    OccurredAt,
}

#[derive(DeriveIden)]
enum LeadFollowUps {
    Table,
    LeadId,
    CustomerId,
    UserId,
    Channel,
    Summary,
    GradeBefore,
    GradeAfter,
    NextStep,
    NextFollowUpAt,
    ActivityId,
    OccurredAt,
}

#[derive(DeriveIden)]
enum Receptions {
    Table,
    CustomerId,
    LeadId,
    ConsultantId,
    ArrivedAt,
    LeftAt,
    PartySize,
    Companions,
    Models,
    TestDrive,
    FirstVisit,
    Grade,
    Notes,
    EnteredBy,
}

#[derive(DeriveIden)]
enum LeadIntakes {
    Table,
    IdempotencyKey,
    RequestHash,
    LeadId,
    Created,
}

fn user_fk(
    table: impl IntoIden + 'static,
    column: impl IntoIden + 'static,
) -> ForeignKeyCreateStatement {
    same_dealer_fk(
        table,
        column,
        Alias::new("users"),
        ForeignKeyAction::Restrict,
    )
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SalesSettings::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(integer(SalesSettings::CadenceNDays, 1))
                    .col(integer(SalesSettings::CadenceHDays, 2))
                    .col(integer(SalesSettings::CadenceADays, 7))
                    .col(integer(SalesSettings::CadenceBDays, 14))
                    .col(integer(SalesSettings::CadenceCDays, 30))
                    .col(integer(SalesSettings::FollowUpDueHour, 18))
                    .col(
                        ColumnDef::new(SalesSettings::CHandoverDays)
                            .integer()
                            .null(),
                    )
                    .col(integer(SalesSettings::StagnationDays, 90))
                    .col(text(SalesSettings::StagnationAction, 16))
                    .col(uuid_null(SalesSettings::StagnationUserId))
                    .col(boolean(SalesSettings::LostNeedsApproval, true))
                    .col(text(SalesSettings::AssignmentMode, 16))
                    .col(uuid_null(SalesSettings::AssignmentTeamId))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(SalesSettings::Table))
                    .foreign_key(&mut user_fk(
                        SalesSettings::Table,
                        SalesSettings::StagnationUserId,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        SalesSettings::Table,
                        SalesSettings::AssignmentTeamId,
                        Alias::new("teams"),
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_sales_settings_dealer",
                    SalesSettings::Table,
                    &["dealer_id"],
                )
                .unique()
                .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(LeadAssignmentRules::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(LeadAssignmentRules::SeriesId))
                    .col(uuid_null(LeadAssignmentRules::TeamId))
                    .col(uuid_null(LeadAssignmentRules::UserId))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(LeadAssignmentRules::Table))
                    .foreign_key(&mut same_dealer_fk(
                        LeadAssignmentRules::Table,
                        LeadAssignmentRules::SeriesId,
                        Alias::new("catalog_series"),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        LeadAssignmentRules::Table,
                        LeadAssignmentRules::TeamId,
                        Alias::new("teams"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut user_fk(
                        LeadAssignmentRules::Table,
                        LeadAssignmentRules::UserId,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_lead_assignment_rules_series",
                    LeadAssignmentRules::Table,
                    &["dealer_id", "series_id"],
                )
                .unique()
                .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Leads::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(Leads::CustomerId))
                    .col(text_null(Leads::SourceKey, 32))
                    .col(uuid_null(Leads::SeriesId))
                    .col(uuid_null(Leads::ModelId))
                    .col(text_null(Leads::ModelText, 100))
                    .col(ColumnDef::new(Leads::BudgetMinFen).big_integer().null())
                    .col(ColumnDef::new(Leads::BudgetMaxFen).big_integer().null())
                    .col(text_null(Leads::Timeframe, 24))
                    .col(text_null(Leads::Payment, 8))
                    .col(boolean(Leads::TradeIn, false))
                    .col(text_null(Leads::TradeInNote, 200))
                    .col(text(Leads::Grade, 1))
                    .col(text(Leads::Status, 16))
                    .col(uuid_null(Leads::OwnerId))
                    .col(text_null(Leads::Pool, 16))
                    .col(ColumnDef::new(Leads::Notes).text().null())
                    .col(timestamp(Leads::GradedAt))
                    .col(timestamp(Leads::LastUpgradeAt))
                    .col(timestamp_null(Leads::LastContactAt))
                    .col(timestamp_null(Leads::NextFollowUpAt))
                    .col(uuid_null(Leads::FollowUpActivityId))
                    .col(timestamp_null(Leads::StagnantSince))
                    .col(text_null(Leads::LostReasonKey, 32))
                    .col(text_null(Leads::LostCompetitorBrand, 64))
                    .col(text_null(Leads::LostCompetitorModel, 100))
                    .col(text_null(Leads::LostNote, 500))
                    .col(timestamp_null(Leads::LostAt))
                    .col(timestamp_null(Leads::WonAt))
                    .col(uuid_null(Leads::CreatedBy))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(Leads::Table))
                    .foreign_key(&mut same_dealer_fk(
                        Leads::Table,
                        Leads::CustomerId,
                        Alias::new("customers"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        Leads::Table,
                        Leads::SeriesId,
                        Alias::new("catalog_series"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        Leads::Table,
                        Leads::ModelId,
                        Alias::new("catalog_models"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut user_fk(Leads::Table, Leads::OwnerId))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(Leads::Table, "ux_leads_dealer_id"))
            .await?;
        for (name, cols) in [
            ("ix_leads_created", &["dealer_id", "created_at", "id"][..]),
            (
                "ix_leads_owner",
                &["dealer_id", "owner_id", "status", "grade"],
            ),
            ("ix_leads_customer", &["dealer_id", "customer_id", "status"]),
            (
                "ix_leads_follow_up",
                &["dealer_id", "status", "next_follow_up_at"],
            ),
            (
                "ix_leads_stagnation",
                &["dealer_id", "status", "last_upgrade_at"],
            ),
            (
                "ix_leads_grade",
                &["dealer_id", "grade", "created_at", "id"],
            ),
        ] {
            manager
                .create_index(index(name, Leads::Table, cols))
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(LeadGradeChanges::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(LeadGradeChanges::LeadId))
                    .col(text_null(LeadGradeChanges::FromGrade, 1))
                    .col(text(LeadGradeChanges::ToGrade, 1))
                    .col(text(LeadGradeChanges::Origin, 16))
                    .col(uuid_null(LeadGradeChanges::OwnerId))
                    .col(uuid_null(LeadGradeChanges::UserId))
                    .col(timestamp(LeadGradeChanges::OccurredAt))
                    .foreign_key(&mut dealer_fk(LeadGradeChanges::Table))
                    .foreign_key(&mut same_dealer_fk(
                        LeadGradeChanges::Table,
                        LeadGradeChanges::LeadId,
                        Leads::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .take(),
            )
            .await?;
        for (name, cols) in [
            (
                "ix_lead_grade_changes_lead",
                &["dealer_id", "lead_id", "occurred_at"][..],
            ),
            ("ix_lead_grade_changes_time", &["dealer_id", "occurred_at"]),
        ] {
            manager
                .create_index(index(name, LeadGradeChanges::Table, cols))
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(LeadFollowUps::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(LeadFollowUps::LeadId))
                    .col(uuid(LeadFollowUps::CustomerId))
                    .col(uuid_null(LeadFollowUps::UserId))
                    .col(text(LeadFollowUps::Channel, 8))
                    .col(ColumnDef::new(LeadFollowUps::Summary).text().not_null())
                    .col(text(LeadFollowUps::GradeBefore, 1))
                    .col(text(LeadFollowUps::GradeAfter, 1))
                    .col(text_null(LeadFollowUps::NextStep, 200))
                    .col(timestamp_null(LeadFollowUps::NextFollowUpAt))
                    .col(uuid_null(LeadFollowUps::ActivityId))
                    .col(timestamp(LeadFollowUps::OccurredAt))
                    .col(timestamp(Common::CreatedAt))
                    .foreign_key(&mut dealer_fk(LeadFollowUps::Table))
                    .foreign_key(&mut same_dealer_fk(
                        LeadFollowUps::Table,
                        LeadFollowUps::LeadId,
                        Leads::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        LeadFollowUps::Table,
                        LeadFollowUps::CustomerId,
                        Alias::new("customers"),
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        for (name, cols) in [
            (
                "ix_lead_follow_ups_lead",
                &["dealer_id", "lead_id", "occurred_at"][..],
            ),
            ("ix_lead_follow_ups_time", &["dealer_id", "occurred_at"]),
        ] {
            manager
                .create_index(index(name, LeadFollowUps::Table, cols))
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(Receptions::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(Receptions::CustomerId))
                    .col(uuid(Receptions::LeadId))
                    .col(uuid_null(Receptions::ConsultantId))
                    .col(timestamp(Receptions::ArrivedAt))
                    .col(timestamp_null(Receptions::LeftAt))
                    .col(integer(Receptions::PartySize, 1))
                    .col(json(Receptions::Companions))
                    .col(json(Receptions::Models))
                    .col(boolean(Receptions::TestDrive, false))
                    .col(boolean(Receptions::FirstVisit, true))
                    .col(text(Receptions::Grade, 1))
                    .col(ColumnDef::new(Receptions::Notes).text().null())
                    .col(uuid_null(Receptions::EnteredBy))
                    .col(timestamp(Common::CreatedAt))
                    .foreign_key(&mut dealer_fk(Receptions::Table))
                    .foreign_key(&mut same_dealer_fk(
                        Receptions::Table,
                        Receptions::CustomerId,
                        Alias::new("customers"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        Receptions::Table,
                        Receptions::LeadId,
                        Leads::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut user_fk(Receptions::Table, Receptions::ConsultantId))
                    .take(),
            )
            .await?;
        for (name, cols) in [
            (
                "ix_receptions_arrived",
                &["dealer_id", "arrived_at", "id"][..],
            ),
            (
                "ix_receptions_consultant",
                &["dealer_id", "consultant_id", "arrived_at"],
            ),
            ("ix_receptions_lead", &["dealer_id", "lead_id"]),
        ] {
            manager
                .create_index(index(name, Receptions::Table, cols))
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(LeadIntakes::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(LeadIntakes::IdempotencyKey, 128))
                    .col(text(LeadIntakes::RequestHash, 64))
                    .col(uuid(LeadIntakes::LeadId))
                    .col(boolean(LeadIntakes::Created, true))
                    .col(timestamp(Common::CreatedAt))
                    .foreign_key(&mut dealer_fk(LeadIntakes::Table))
                    .foreign_key(&mut same_dealer_fk(
                        LeadIntakes::Table,
                        LeadIntakes::LeadId,
                        Leads::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_lead_intakes_key",
                    LeadIntakes::Table,
                    &["dealer_id", "idempotency_key"],
                )
                .unique()
                .take(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "lead_intakes",
            "receptions",
            "lead_follow_ups",
            "lead_grade_changes",
            "leads",
            "lead_assignment_rules",
            "sales_settings",
        ] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).take())
                .await?;
        }
        Ok(())
    }
}
