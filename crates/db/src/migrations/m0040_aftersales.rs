//! After-sales (售后): the dealer's service settings (bays, working day, labour rate, reminder
//! rules), maintenance plans per model or dealer default, each car's next service due (kept
//! current from its mileage readings and services), service appointments, repair orders (工单)
//! with labour and parts lines, the parts price list, technicians' clock-ons, insurance
//! policies and their renewals (续保) with calls and quotes.
//!
//! The database states the rules it can: one plan per model and one default per dealer, one due
//! row per car, one repair-order number per dealer, one part number per price list, **one open
//! clock-on per technician** (a partial unique index over `ended_at IS NULL`), one policy number
//! per insurer, one renewal per policy.

use super::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: [&str; 14] = [
    "service_settings",
    "maintenance_plans",
    "service_dues",
    "service_due_notices",
    "service_counters",
    "service_appointments",
    "repair_orders",
    "repair_order_labour",
    "repair_order_parts",
    "parts_prices",
    "technician_clocks",
    "insurance_policies",
    "renewals",
    "renewal_events",
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
        use ForeignKeyAction::{Cascade, Restrict, SetNull};
        let conn = manager.get_connection();

        manager
            .create_table(
                tenant_table("service_settings")
                    .col(integer(col("bays"), 4))
                    .col(integer(col("day_starts_min"), 510))
                    .col(integer(col("day_ends_min"), 1080))
                    .col(text(col("working_days"), 7).default("1111110"))
                    .col(integer(col("advisor_daily_minutes"), 600))
                    .col(fen(col("labour_rate_fen")).default(30_000))
                    .col(integer(col("fallback_km_per_year"), 20_000))
                    .col(integer(col("reminder_days_before"), 14))
                    .col(boolean(col("remind_by_task"), true))
                    .col(boolean(col("remind_by_message"), true))
                    .col(integer(col("renewal_window_days"), 90))
                    .lifecycle()
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "service_settings",
            &[("ux_service_settings_dealer", &["dealer_id"], true)],
        )
        .await?;

        manager
            .create_table(
                tenant_table("maintenance_plans")
                    .col(uuid_null(col("catalog_model_id")))
                    .col(text(col("name"), 100))
                    .col(ColumnDef::new(col("interval_km")).integer().not_null())
                    .col(ColumnDef::new(col("interval_months")).integer().not_null())
                    .col(integer_null(col("first_km")))
                    .col(integer_null(col("first_months")))
                    .lifecycle()
                    .foreign_key(&mut refers(
                        "maintenance_plans",
                        "catalog_model_id",
                        "catalog_models",
                        Cascade,
                    ))
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "maintenance_plans",
            &[
                ("ux_maintenance_plans_dealer_id", &["dealer_id", "id"], true),
                (
                    "ux_maintenance_plans_model",
                    &["dealer_id", "catalog_model_id"],
                    true,
                ),
            ],
        )
        .await?;
        // One dealer default (a NULL model is never equal to another in a unique index).
        conn.execute_unprepared(
            "CREATE UNIQUE INDEX ux_maintenance_plans_default ON maintenance_plans (dealer_id) \
             WHERE catalog_model_id IS NULL",
        )
        .await?;

        manager
            .create_table(
                tenant_table("service_dues")
                    .col(uuid(col("vehicle_id")))
                    .col(uuid_null(col("customer_id")))
                    .col(uuid_null(col("plan_id")))
                    .col(date_null(col("last_service_on")))
                    .col(integer_null(col("last_service_km")))
                    .col(date(col("due_on")))
                    .col(ColumnDef::new(col("due_km")).integer().not_null())
                    .col(text(col("due_by"), 16))
                    .col(boolean(col("first_service"), false))
                    .col(
                        ColumnDef::new(col("metres_per_day"))
                            .big_integer()
                            .not_null(),
                    )
                    .col(boolean(col("rate_estimated"), true))
                    .col(date_null(col("reminded_for")))
                    .col(timestamp(col("computed_at")))
                    .foreign_key(&mut refers(
                        "service_dues",
                        "vehicle_id",
                        "vehicles",
                        Cascade,
                    ))
                    .foreign_key(&mut refers(
                        "service_dues",
                        "customer_id",
                        "customers",
                        Restrict,
                    ))
                    .foreign_key(&mut refers(
                        "service_dues",
                        "plan_id",
                        "maintenance_plans",
                        SetNull,
                    ))
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "service_dues",
            &[
                (
                    "ux_service_dues_vehicle",
                    &["dealer_id", "vehicle_id"],
                    true,
                ),
                ("ix_service_dues_due", &["dealer_id", "due_on", "id"], false),
                (
                    "ix_service_dues_customer",
                    &["dealer_id", "customer_id"],
                    false,
                ),
            ],
        )
        .await?;

        // Every due day a car reached (kept when the car's next due day moves on): what the
        // retention report counts.
        manager
            .create_table(
                tenant_table("service_due_notices")
                    .col(uuid(col("vehicle_id")))
                    .col(date(col("due_on")))
                    .col(date(col("noticed_on")))
                    .col(timestamp(col("created_at")))
                    .foreign_key(&mut refers(
                        "service_due_notices",
                        "vehicle_id",
                        "vehicles",
                        Cascade,
                    ))
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "service_due_notices",
            &[
                (
                    "ux_service_due_notices",
                    &["dealer_id", "vehicle_id", "due_on"],
                    true,
                ),
                (
                    "ix_service_due_notices_due",
                    &["dealer_id", "due_on"],
                    false,
                ),
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(col("service_counters"))
                    .col(uuid(col("dealer_id")))
                    .col(text(col("counter"), 32))
                    .col(ColumnDef::new(col("next")).big_integer().not_null())
                    .primary_key(Index::create().col(col("dealer_id")).col(col("counter")))
                    .foreign_key(&mut dealer_fk(col("service_counters")))
                    .take(),
            )
            .await?;

        manager
            .create_table(
                tenant_table("service_appointments")
                    .col(uuid(col("customer_id")))
                    .col(uuid(col("vehicle_id")))
                    .col(uuid_null(col("advisor_id")))
                    .col(date(col("on_date")))
                    .col(timestamp_null(col("arrives_at")))
                    .col(ColumnDef::new(col("job_minutes")).integer().not_null())
                    .col(text(col("job"), 500))
                    .col(text(col("source"), 16))
                    .col(text(col("status"), 16))
                    .col(uuid_null(col("repair_order_id")))
                    .col(text_null(col("notes"), 1000))
                    .col(uuid(col("created_by")))
                    .lifecycle()
                    .foreign_key(&mut refers(
                        "service_appointments",
                        "customer_id",
                        "customers",
                        Restrict,
                    ))
                    .foreign_key(&mut refers(
                        "service_appointments",
                        "vehicle_id",
                        "vehicles",
                        Restrict,
                    ))
                    .foreign_key(&mut refers(
                        "service_appointments",
                        "advisor_id",
                        "users",
                        Restrict,
                    ))
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "service_appointments",
            &[
                (
                    "ux_service_appointments_dealer_id",
                    &["dealer_id", "id"],
                    true,
                ),
                (
                    "ix_service_appointments_day",
                    &["dealer_id", "on_date", "status", "id"],
                    false,
                ),
                (
                    "ix_service_appointments_customer",
                    &["dealer_id", "customer_id"],
                    false,
                ),
                (
                    "ix_service_appointments_vehicle",
                    &["dealer_id", "vehicle_id"],
                    false,
                ),
            ],
        )
        .await?;

        manager
            .create_table(
                tenant_table("repair_orders")
                    .col(text(col("number"), 20))
                    .col(uuid(col("customer_id")))
                    .col(uuid(col("vehicle_id")))
                    .col(uuid_null(col("appointment_id")))
                    .col(uuid(col("advisor_id")))
                    .col(text(col("status"), 16))
                    .col(boolean(col("maintenance"), false))
                    .col(ColumnDef::new(col("odometer_in_km")).integer().not_null())
                    .col(integer_null(col("odometer_out_km")))
                    .col(text(col("complaint"), 1000))
                    .col(text_null(col("diagnosis"), 1000))
                    .col(timestamp_null(col("promised_at")))
                    .col(timestamp(col("opened_at")))
                    .col(timestamp_null(col("ready_at")))
                    .col(timestamp_null(col("picked_up_at")))
                    .col(fen_null(col("paid_fen")))
                    .col(text_null(col("payment_method"), 16))
                    .lifecycle()
                    .foreign_key(&mut refers(
                        "repair_orders",
                        "customer_id",
                        "customers",
                        Restrict,
                    ))
                    .foreign_key(&mut refers(
                        "repair_orders",
                        "vehicle_id",
                        "vehicles",
                        Restrict,
                    ))
                    .foreign_key(&mut refers(
                        "repair_orders",
                        "advisor_id",
                        "users",
                        Restrict,
                    ))
                    .foreign_key(&mut refers(
                        "repair_orders",
                        "appointment_id",
                        "service_appointments",
                        Restrict,
                    ))
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "repair_orders",
            &[
                ("ux_repair_orders_dealer_id", &["dealer_id", "id"], true),
                ("ux_repair_orders_number", &["dealer_id", "number"], true),
                (
                    "ux_repair_orders_appointment",
                    &["dealer_id", "appointment_id"],
                    true,
                ),
                (
                    "ix_repair_orders_status",
                    &["dealer_id", "status", "opened_at", "id"],
                    false,
                ),
                (
                    "ix_repair_orders_opened",
                    &["dealer_id", "opened_at", "id"],
                    false,
                ),
                (
                    "ix_repair_orders_vehicle",
                    &["dealer_id", "vehicle_id", "opened_at"],
                    false,
                ),
                (
                    "ix_repair_orders_customer",
                    &["dealer_id", "customer_id"],
                    false,
                ),
                (
                    "ix_repair_orders_picked_up",
                    &["dealer_id", "picked_up_at"],
                    false,
                ),
            ],
        )
        .await?;

        manager
            .create_table(
                tenant_table("repair_order_labour")
                    .col(uuid(col("repair_order_id")))
                    .col(text(col("operation_code"), 32))
                    .col(text(col("description"), 200))
                    .col(ColumnDef::new(col("hours_centi")).integer().not_null())
                    .col(fen(col("rate_fen")))
                    .col(fen(col("amount_fen")))
                    .col(text(col("payer"), 16))
                    .col(text(col("status"), 16))
                    .col(uuid_null(col("technician_id")))
                    .lifecycle()
                    .foreign_key(&mut refers(
                        "repair_order_labour",
                        "repair_order_id",
                        "repair_orders",
                        Cascade,
                    ))
                    .foreign_key(&mut refers(
                        "repair_order_labour",
                        "technician_id",
                        "users",
                        Restrict,
                    ))
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "repair_order_labour",
            &[
                (
                    "ux_repair_order_labour_dealer_id",
                    &["dealer_id", "id"],
                    true,
                ),
                (
                    "ix_repair_order_labour_order",
                    &["dealer_id", "repair_order_id"],
                    false,
                ),
            ],
        )
        .await?;

        manager
            .create_table(
                tenant_table("repair_order_parts")
                    .col(uuid(col("repair_order_id")))
                    .col(text(col("part_no"), 40))
                    .col(text(col("name"), 200))
                    .col(ColumnDef::new(col("quantity")).integer().not_null())
                    .col(fen(col("unit_price_fen")))
                    .col(fen(col("amount_fen")))
                    .col(text(col("payer"), 16))
                    .lifecycle()
                    .foreign_key(&mut refers(
                        "repair_order_parts",
                        "repair_order_id",
                        "repair_orders",
                        Cascade,
                    ))
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "repair_order_parts",
            &[(
                "ix_repair_order_parts_order",
                &["dealer_id", "repair_order_id"],
                false,
            )],
        )
        .await?;

        manager
            .create_table(
                tenant_table("parts_prices")
                    .col(text(col("part_no"), 40))
                    .col(text(col("name"), 200))
                    .col(fen(col("price_fen")))
                    .lifecycle()
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "parts_prices",
            &[("ux_parts_prices_part_no", &["dealer_id", "part_no"], true)],
        )
        .await?;

        manager
            .create_table(
                tenant_table("technician_clocks")
                    .col(uuid(col("technician_id")))
                    .col(uuid(col("repair_order_id")))
                    .col(uuid(col("labour_id")))
                    .col(timestamp(col("started_at")))
                    .col(timestamp_null(col("ended_at")))
                    .col(uuid(col("clocked_by")))
                    .foreign_key(&mut refers(
                        "technician_clocks",
                        "technician_id",
                        "users",
                        Restrict,
                    ))
                    .foreign_key(&mut refers(
                        "technician_clocks",
                        "repair_order_id",
                        "repair_orders",
                        Cascade,
                    ))
                    .foreign_key(&mut refers(
                        "technician_clocks",
                        "labour_id",
                        "repair_order_labour",
                        Cascade,
                    ))
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "technician_clocks",
            &[
                (
                    "ix_technician_clocks_labour",
                    &["dealer_id", "labour_id"],
                    false,
                ),
                (
                    "ix_technician_clocks_started",
                    &["dealer_id", "started_at"],
                    false,
                ),
            ],
        )
        .await?;
        // One job at a time per technician.
        conn.execute_unprepared(
            "CREATE UNIQUE INDEX ux_technician_clocks_open ON technician_clocks \
             (dealer_id, technician_id) WHERE ended_at IS NULL",
        )
        .await?;

        manager
            .create_table(
                tenant_table("insurance_policies")
                    .col(uuid(col("vehicle_id")))
                    .col(uuid_null(col("customer_id")))
                    .col(text(col("kind"), 16))
                    .col(text(col("insurer"), 100))
                    .col(text(col("policy_no"), 64))
                    .col(fen(col("premium_fen")))
                    .col(date(col("starts_on")))
                    .col(date(col("ends_on")))
                    .col(boolean(col("sold_here"), false))
                    .lifecycle()
                    .foreign_key(&mut refers(
                        "insurance_policies",
                        "vehicle_id",
                        "vehicles",
                        Restrict,
                    ))
                    .foreign_key(&mut refers(
                        "insurance_policies",
                        "customer_id",
                        "customers",
                        Restrict,
                    ))
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "insurance_policies",
            &[
                (
                    "ux_insurance_policies_dealer_id",
                    &["dealer_id", "id"],
                    true,
                ),
                (
                    "ux_insurance_policies_no",
                    &["dealer_id", "insurer", "policy_no"],
                    true,
                ),
                (
                    "ix_insurance_policies_ends",
                    &["dealer_id", "ends_on", "id"],
                    false,
                ),
                (
                    "ix_insurance_policies_vehicle",
                    &["dealer_id", "vehicle_id"],
                    false,
                ),
                (
                    "ix_insurance_policies_customer",
                    &["dealer_id", "customer_id"],
                    false,
                ),
            ],
        )
        .await?;

        manager
            .create_table(
                tenant_table("renewals")
                    .col(uuid(col("policy_id")))
                    .col(uuid(col("vehicle_id")))
                    .col(uuid_null(col("customer_id")))
                    .col(uuid_null(col("agent_id")))
                    .col(date(col("due_on")))
                    .col(text(col("status"), 24))
                    .col(text_null(col("insurer"), 100))
                    .col(text_null(col("lost_reason"), 32))
                    .col(uuid_null(col("new_policy_id")))
                    .col(uuid_null(col("task_id")))
                    .col(timestamp_null(col("closed_at")))
                    .lifecycle()
                    .foreign_key(&mut refers(
                        "renewals",
                        "policy_id",
                        "insurance_policies",
                        Cascade,
                    ))
                    .foreign_key(&mut refers("renewals", "vehicle_id", "vehicles", Restrict))
                    .foreign_key(&mut refers(
                        "renewals",
                        "customer_id",
                        "customers",
                        Restrict,
                    ))
                    .foreign_key(&mut refers("renewals", "agent_id", "users", Restrict))
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "renewals",
            &[
                ("ux_renewals_dealer_id", &["dealer_id", "id"], true),
                ("ux_renewals_policy", &["dealer_id", "policy_id"], true),
                (
                    "ix_renewals_agent",
                    &["dealer_id", "agent_id", "status", "due_on"],
                    false,
                ),
                ("ix_renewals_due", &["dealer_id", "due_on", "id"], false),
                ("ix_renewals_customer", &["dealer_id", "customer_id"], false),
            ],
        )
        .await?;

        manager
            .create_table(
                tenant_table("renewal_events")
                    .col(uuid(col("renewal_id")))
                    .col(text(col("kind"), 16))
                    .col(text_null(col("outcome"), 24))
                    .col(text_null(col("insurer"), 100))
                    .col(fen_null(col("premium_fen")))
                    .col(text_null(col("notes"), 500))
                    .col(uuid(col("actor_id")))
                    .col(timestamp(col("at")))
                    .foreign_key(&mut refers(
                        "renewal_events",
                        "renewal_id",
                        "renewals",
                        Cascade,
                    ))
                    .take(),
            )
            .await?;
        indexes(
            manager,
            "renewal_events",
            &[(
                "ix_renewal_events_renewal",
                &["dealer_id", "renewal_id", "at"],
                false,
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
