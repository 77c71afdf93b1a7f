//! Activities (calls, visits, meetings, test drives, appointments, tasks, notes), their
//! participants, the alarms raised about them, per-dealer work settings and calendar feeds.

use super::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Activities {
    Table,
    Kind,
    Subject,
    Notes,
    Outcome,
    CustomerId,
    RefType,
    RefId,
    OwnerId,
    CreatedBy,
    StartsAt,
    EndsAt,
    DueAt,
    DeadlineAt,
    Status,
    CompletedAt,
    CancelledAt,
    RemindMinutesBefore,
    CustomerReminderChannel,
    CancelNeedsApproval,
    CompletionLocked,
    PendingApprovalId,
}

#[derive(DeriveIden)]
enum ActivityParticipants {
    Table,
    ActivityId,
    UserId,
}

#[derive(DeriveIden)]
enum ActivityAlarms {
    Table,
    ActivityId,
    Level,
    DeadlineAt,
    RaisedAt,
}

#[derive(DeriveIden)]
enum WorkSettings {
    Table,
    EscalationMinutes,
    OverdueAlarms,
}

#[derive(DeriveIden)]
enum CalendarFeeds {
    Table,
    UserId,
    TokenHash,
    LastUsedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Activities::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(Activities::Kind, 16))
                    .col(text(Activities::Subject, 200))
                    .col(ColumnDef::new(Activities::Notes).text().null())
                    .col(ColumnDef::new(Activities::Outcome).text().null())
                    .col(uuid_null(Activities::CustomerId))
                    // A link to any other record: `lead`, `opportunity`, `vehicle`, ...
                    .col(text_null(Activities::RefType, 32))
                    .col(uuid_null(Activities::RefId))
                    .col(uuid(Activities::OwnerId))
                    .col(uuid_null(Activities::CreatedBy))
                    .col(timestamp_null(Activities::StartsAt))
                    .col(timestamp_null(Activities::EndsAt))
                    .col(timestamp_null(Activities::DueAt))
                    // due_at, else ends_at: when a planned activity becomes overdue.
                    .col(timestamp_null(Activities::DeadlineAt))
                    .col(text(Activities::Status, 16))
                    .col(timestamp_null(Activities::CompletedAt))
                    .col(timestamp_null(Activities::CancelledAt))
                    .col(
                        ColumnDef::new(Activities::RemindMinutesBefore)
                            .integer()
                            .null(),
                    )
                    .col(text_null(Activities::CustomerReminderChannel, 16))
                    .col(boolean(Activities::CancelNeedsApproval, false))
                    // Closed only by its module's own action (a pushed follow-up by logging it).
                    .col(boolean(Activities::CompletionLocked, false))
                    .col(uuid_null(Activities::PendingApprovalId))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(Activities::Table))
                    .foreign_key(&mut same_dealer_fk(
                        Activities::Table,
                        Activities::CustomerId,
                        Alias::new("customers"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        Activities::Table,
                        Activities::OwnerId,
                        Alias::new("users"),
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(
                Activities::Table,
                "ux_activities_dealer_id",
            ))
            .await?;
        for (name, cols) in [
            (
                "ix_activities_owner_deadline",
                &["dealer_id", "owner_id", "deadline_at", "id"][..],
            ),
            (
                "ix_activities_owner_start",
                &["dealer_id", "owner_id", "starts_at", "id"],
            ),
            (
                "ix_activities_status_deadline",
                &["dealer_id", "status", "deadline_at", "id"],
            ),
            (
                "ix_activities_customer",
                &["dealer_id", "customer_id", "created_at"],
            ),
            ("ix_activities_ref", &["dealer_id", "ref_type", "ref_id"]),
        ] {
            manager
                .create_index(index(name, Activities::Table, cols))
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(ActivityParticipants::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(ActivityParticipants::ActivityId))
                    .col(uuid(ActivityParticipants::UserId))
                    .foreign_key(&mut dealer_fk(ActivityParticipants::Table))
                    .foreign_key(&mut same_dealer_fk(
                        ActivityParticipants::Table,
                        ActivityParticipants::ActivityId,
                        Activities::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        ActivityParticipants::Table,
                        ActivityParticipants::UserId,
                        Alias::new("users"),
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_activity_participants",
                    ActivityParticipants::Table,
                    &["dealer_id", "activity_id", "user_id"],
                )
                .unique()
                .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_activity_participants_user",
                ActivityParticipants::Table,
                &["dealer_id", "user_id"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ActivityAlarms::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(ActivityAlarms::ActivityId))
                    // `owner` or `manager`.
                    .col(text(ActivityAlarms::Level, 16))
                    // The deadline the alarm was raised for: a rescheduled task alarms again.
                    .col(timestamp(ActivityAlarms::DeadlineAt))
                    .col(timestamp(ActivityAlarms::RaisedAt))
                    .foreign_key(&mut dealer_fk(ActivityAlarms::Table))
                    .foreign_key(&mut same_dealer_fk(
                        ActivityAlarms::Table,
                        ActivityAlarms::ActivityId,
                        Activities::Table,
                        ForeignKeyAction::Cascade,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_activity_alarms",
                    ActivityAlarms::Table,
                    &["dealer_id", "activity_id", "level", "deadline_at"],
                )
                .unique()
                .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(WorkSettings::Table)
                    .col(id())
                    .col(dealer_id().unique_key())
                    .col(integer(WorkSettings::EscalationMinutes, 60))
                    .col(boolean(WorkSettings::OverdueAlarms, true))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(WorkSettings::Table))
                    .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CalendarFeeds::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(CalendarFeeds::UserId))
                    .col(text(CalendarFeeds::TokenHash, 64).unique_key())
                    .col(timestamp(Common::CreatedAt))
                    .col(timestamp_null(CalendarFeeds::LastUsedAt))
                    .foreign_key(&mut dealer_fk(CalendarFeeds::Table))
                    .foreign_key(&mut same_dealer_fk(
                        CalendarFeeds::Table,
                        CalendarFeeds::UserId,
                        Alias::new("users"),
                        ForeignKeyAction::Cascade,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                index(
                    "ux_calendar_feeds_user",
                    CalendarFeeds::Table,
                    &["dealer_id", "user_id"],
                )
                .unique()
                .take(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "calendar_feeds",
            "work_settings",
            "activity_alarms",
            "activity_participants",
            "activities",
        ] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).take())
                .await?;
        }
        Ok(())
    }
}
