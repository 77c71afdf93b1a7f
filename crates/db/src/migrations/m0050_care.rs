//! Customer care (客户关怀): the dealer's working calendar for SLA clocks (working days and
//! hours, holidays and worked days off), complaint SLA targets per severity and source, the
//! complaints (投诉) with their steps, the time spent waiting for the customer and every
//! escalation fired.
//!
//! The database states the rules it can: one calendar and one number sequence per dealer, one
//! entry per calendar day, one target per severity and source, one complaint number per
//! dealer, **one escalation per complaint, clock, step and cycle** (so two nodes never fire a
//! step twice), at most one open pause per complaint (a partial unique index).

use super::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: [&str; 8] = [
    "care_settings",
    "care_calendar_days",
    "care_counters",
    "complaint_sla_targets",
    "complaints",
    "complaint_events",
    "complaint_pauses",
    "complaint_escalations",
];

async fn indexes(
    manager: &SchemaManager<'_>,
    table: &'static str,
    list: &[(&str, &[&'static str], bool)],
) -> Result<(), DbErr> {
    for (name, cols, unique) in list {
        let mut ix = index(name, Alias::new(table), cols);
        if *unique {
            ix.unique();
        }
        manager.create_index(ix).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, Restrict};
        let conn = manager.get_connection();

        manager
            .create_table(
                tenant_table("care_settings")
                    .col(text(col("working_days"), 7).default("1111110"))
                    .col(integer(col("day_starts_min"), 510))
                    .col(integer(col("day_ends_min"), 1080))
                    .col(integer(col("warn_percent"), 80))
                    .col(integer(col("senior_after_minutes"), 1440))
                    .lifecycle()
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "care_settings",
            &[("ux_care_settings_dealer", &["dealer_id"], true)],
        )
        .await?;

        manager
            .create_table(
                tenant_table("care_calendar_days")
                    .col(date(col("day")))
                    .col(boolean(col("working"), false))
                    .col(text_null(col("name"), 60))
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "care_calendar_days",
            &[("ux_care_calendar_days_day", &["dealer_id", "day"], true)],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(col("care_counters"))
                    .col(uuid(col("dealer_id")))
                    .col(text(col("counter"), 32))
                    .col(ColumnDef::new(col("next")).big_integer().not_null())
                    .primary_key(Index::create().col(col("dealer_id")).col(col("counter")))
                    .foreign_key(&mut dealer_fk(col("care_counters")))
                    .take(),
            )
            .await?;

        manager
            .create_table(
                tenant_table("complaint_sla_targets")
                    .col(text(col("severity"), 16))
                    .col(text(col("source"), 24))
                    .col(integer(col("first_response_minutes"), 240))
                    .col(integer(col("resolution_minutes"), 960))
                    .lifecycle()
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "complaint_sla_targets",
            &[(
                "ux_complaint_sla_targets_key",
                &["dealer_id", "severity", "source"],
                true,
            )],
        )
        .await?;

        manager
            .create_table(
                tenant_table("complaints")
                    .col(text(col("number"), 20))
                    .col(text(col("source"), 24))
                    .col(text(col("category"), 24))
                    .col(text(col("severity"), 16))
                    .col(uuid(col("customer_id")))
                    .col(uuid_null(col("vehicle_id")))
                    .col(uuid_null(col("repair_order_id")))
                    .col(uuid_null(col("order_id")))
                    .col(uuid_null(col("staff_id")))
                    .col(text(col("summary"), 200))
                    .col(text(col("details"), 2000))
                    .col(text(col("status"), 16))
                    .col(uuid_null(col("handler_id")))
                    .col(uuid(col("entered_by")))
                    .col(timestamp(col("entered_at")))
                    .col(timestamp_null(col("oem_deadline_at")))
                    .col(integer(col("first_response_minutes"), 240))
                    .col(integer(col("resolution_minutes"), 960))
                    .col(timestamp(col("resolution_started_at")))
                    .col(timestamp_null(col("first_response_due_at")))
                    .col(timestamp_null(col("resolution_due_at")))
                    .col(timestamp_null(col("first_responded_at")))
                    .col(timestamp_null(col("resolved_at")))
                    .col(uuid_null(col("resolved_by")))
                    .col(text_null(col("agreement"), 2000))
                    .col(uuid_null(col("verified_by")))
                    .col(timestamp_null(col("closed_at")))
                    .col(timestamp_null(col("waiting_since")))
                    .col(integer(col("cycle"), 0))
                    .col(boolean(col("first_response_breached"), false))
                    .col(boolean(col("resolution_breached"), false))
                    .lifecycle()
                    .foreign_key(&mut refers(
                        "complaints",
                        "customer_id",
                        "customers",
                        Restrict,
                    ))
                    .foreign_key(&mut refers(
                        "complaints",
                        "vehicle_id",
                        "vehicles",
                        Restrict,
                    ))
                    .foreign_key(&mut refers(
                        "complaints",
                        "repair_order_id",
                        "repair_orders",
                        Restrict,
                    ))
                    .foreign_key(&mut refers("complaints", "order_id", "orders", Restrict))
                    .foreign_key(&mut refers("complaints", "staff_id", "users", Restrict))
                    .foreign_key(&mut refers("complaints", "handler_id", "users", Restrict))
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "complaints",
            &[
                ("ux_complaints_dealer_id", &["dealer_id", "id"], true),
                ("ux_complaints_number", &["dealer_id", "number"], true),
                (
                    "ix_complaints_status",
                    &["dealer_id", "status", "resolution_due_at"],
                    false,
                ),
                (
                    "ix_complaints_handler",
                    &["dealer_id", "handler_id", "status"],
                    false,
                ),
                (
                    "ix_complaints_customer",
                    &["dealer_id", "customer_id"],
                    false,
                ),
                (
                    "ix_complaints_entered",
                    &["dealer_id", "entered_at", "id"],
                    false,
                ),
            ],
        )
        .await?;

        manager
            .create_table(
                tenant_table("complaint_events")
                    .col(uuid(col("complaint_id")))
                    .col(text(col("kind"), 24))
                    .col(text_null(col("notes"), 2000))
                    .col(uuid_null(col("actor_id")))
                    .col(timestamp(col("at")))
                    .foreign_key(&mut refers(
                        "complaint_events",
                        "complaint_id",
                        "complaints",
                        Cascade,
                    ))
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "complaint_events",
            &[(
                "ix_complaint_events_complaint",
                &["dealer_id", "complaint_id", "at"],
                false,
            )],
        )
        .await?;

        manager
            .create_table(
                tenant_table("complaint_pauses")
                    .col(uuid(col("complaint_id")))
                    .col(timestamp(col("started_at")))
                    .col(timestamp_null(col("ended_at")))
                    .foreign_key(&mut refers(
                        "complaint_pauses",
                        "complaint_id",
                        "complaints",
                        Cascade,
                    ))
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "complaint_pauses",
            &[(
                "ix_complaint_pauses_complaint",
                &["dealer_id", "complaint_id", "started_at"],
                false,
            )],
        )
        .await?;
        // At most one pause open per complaint, whatever races.
        conn.execute_unprepared(
            "CREATE UNIQUE INDEX ux_complaint_pauses_open ON complaint_pauses \
             (dealer_id, complaint_id) WHERE ended_at IS NULL",
        )
        .await?;

        manager
            .create_table(
                tenant_table("complaint_escalations")
                    .col(uuid(col("complaint_id")))
                    .col(text(col("clock"), 24))
                    .col(text(col("step"), 16))
                    .col(integer(col("cycle"), 0))
                    .col(timestamp(col("due_at")))
                    .col(timestamp(col("fired_at")))
                    .foreign_key(&mut refers(
                        "complaint_escalations",
                        "complaint_id",
                        "complaints",
                        Cascade,
                    ))
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "complaint_escalations",
            &[(
                "ux_complaint_escalations_step",
                &["dealer_id", "complaint_id", "clock", "step", "cycle"],
                true,
            )],
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES.iter().rev() {
            manager
                .drop_table(Table::drop().table(Alias::new(*table)).take())
                .await?;
        }
        Ok(())
    }
}
