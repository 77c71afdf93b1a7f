//! The durable job queue and its recurring schedules.

use super::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Jobs {
    Table,
    Kind,
    Payload,
    RunAt,
    Priority,
    DedupeKey,
    Status,
    Attempts,
    MaxAttempts,
    LastError,
    LeaseOwner,
    LeaseUntil,
    FinishedAt,
}

#[derive(DeriveIden)]
enum JobSchedules {
    Table,
    Key,
    Kind,
    Cron,
    TimeZone,
    Payload,
    NextRunAt,
    LastRunAt,
    Active,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Jobs::Table)
                    .col(id())
                    // None for installation-wide jobs (the overdue scan over every dealer).
                    .col(uuid_null(Common::DealerId))
                    .col(text(Jobs::Kind, 64))
                    .col(json(Jobs::Payload))
                    .col(timestamp(Jobs::RunAt))
                    .col(integer(Jobs::Priority, 0))
                    // `<dealer or ->|<kind>|<idempotency key>`: one job per key, ever.
                    .col(text_null(Jobs::DedupeKey, 300).unique_key())
                    .col(text(Jobs::Status, 16))
                    .col(integer(Jobs::Attempts, 0))
                    .col(integer(Jobs::MaxAttempts, 5))
                    .col(ColumnDef::new(Jobs::LastError).text().null())
                    .col(text_null(Jobs::LeaseOwner, 100))
                    .col(timestamp_null(Jobs::LeaseUntil))
                    .col(timestamp_null(Jobs::FinishedAt))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(Jobs::Table))
                    .take(),
            )
            .await?;
        // The workers' query: what is due, by status and time.
        manager
            .create_index(index(
                "ix_jobs_due",
                Jobs::Table,
                &["status", "run_at", "priority"],
            ))
            .await?;
        manager
            .create_index(index(
                "ix_jobs_dealer_status",
                Jobs::Table,
                &["dealer_id", "status", "created_at", "id"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(JobSchedules::Table)
                    .col(id())
                    .col(uuid_null(Common::DealerId))
                    // `<dealer or ->|<name>`: ensured idempotently at startup.
                    .col(text(JobSchedules::Key, 200).unique_key())
                    .col(text(JobSchedules::Kind, 64))
                    .col(text(JobSchedules::Cron, 100))
                    .col(text(JobSchedules::TimeZone, 64))
                    .col(json(JobSchedules::Payload))
                    .col(timestamp(JobSchedules::NextRunAt))
                    .col(timestamp_null(JobSchedules::LastRunAt))
                    .col(boolean(JobSchedules::Active, true))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(JobSchedules::Table))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_job_schedules_due",
                JobSchedules::Table,
                &["active", "next_run_at"],
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["job_schedules", "jobs"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).take())
                .await?;
        }
        Ok(())
    }
}
