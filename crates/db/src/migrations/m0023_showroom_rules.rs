//! What a day on the showroom floor asked of the schema:
//!
//! - **One open lead per customer**, stated by the database: a partial unique index over the
//!   leads still being worked (`open`, `lost_pending`). Before it is created, customers who
//!   already have several (concurrent requests could make them before this rule existed) keep
//!   their newest lead; the others are closed as lost with the reason `duplicate`, their pushed
//!   tasks cancelled and their pending loss requests withdrawn.
//! - Every car a customer looked at stays on the lead (`leads.models_considered`), not only the
//!   first one.
//! - Texts the system writes (task subjects, approval titles) are kept as a key and parameters
//!   (`activities.subject_text`, `approval_requests.title_text`), so each reader sees them in
//!   their own language.
//! - Receptions are found by customer and time (one visit of a customer at a time).
//! - Test drives booked before this version get their activity on the consultant's calendar.

use super::columns::*;
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement, Value as SqlValue};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Leads {
    Table,
    ModelsConsidered,
}

#[derive(DeriveIden)]
enum Activities {
    Table,
    SubjectText,
}

#[derive(DeriveIden)]
enum ApprovalRequests {
    Table,
    TitleText,
}

/// The leads still being worked: the statuses the unique index covers.
const WORKED: &str = "status IN ('open', 'lost_pending')";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        close_duplicate_leads(db, backend).await?;
        db.execute_unprepared(&format!(
            "CREATE UNIQUE INDEX ux_leads_one_worked_per_customer ON leads (dealer_id, customer_id) \
             WHERE {WORKED}"
        ))
        .await?;

        manager
            .alter_table(
                Table::alter()
                    .table(Leads::Table)
                    .add_column(
                        ColumnDef::new(Leads::ModelsConsidered)
                            .json_binary()
                            .not_null()
                            .default("[]"),
                    )
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Activities::Table)
                    .add_column(ColumnDef::new(Activities::SubjectText).json_binary().null())
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(ApprovalRequests::Table)
                    .add_column(
                        ColumnDef::new(ApprovalRequests::TitleText)
                            .json_binary()
                            .null(),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_receptions_customer",
                Alias::new("receptions"),
                &["dealer_id", "customer_id", "arrived_at"],
            ))
            .await?;
        plan_booked_test_drives(db, backend).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("DROP INDEX ux_leads_one_worked_per_customer")
            .await?;
        Ok(())
    }
}

fn now() -> SqlValue {
    let now = chrono::Utc::now();
    // The application's clock keeps microseconds; so does this.
    let micros = now.timestamp_micros();
    SqlValue::from(chrono::DateTime::from_timestamp_micros(micros).unwrap_or(now))
}

/// Closes all but the newest worked lead of each customer.
async fn close_duplicate_leads<C: ConnectionTrait>(
    db: &C,
    backend: DbBackend,
) -> Result<(), DbErr> {
    let duplicate = format!(
        "l.{WORKED} AND EXISTS (SELECT 1 FROM leads n WHERE n.dealer_id = l.dealer_id \
         AND n.customer_id = l.customer_id AND n.{WORKED} \
         AND (n.created_at > l.created_at OR (n.created_at = l.created_at AND n.id > l.id)))"
    );
    let found = db
        .query_all_raw(Statement::from_string(
            backend,
            format!("SELECT l.id, l.follow_up_activity_id FROM leads l WHERE {duplicate}"),
        ))
        .await?;
    for row in found {
        let id: uuid::Uuid = row.try_get("", "id")?;
        let task: Option<uuid::Uuid> = row.try_get("", "follow_up_activity_id")?;
        let p = |n: usize| match backend {
            DbBackend::Postgres => format!("${n}"),
            _ => "?".to_owned(),
        };
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "UPDATE leads SET status = 'lost', grade = 'F', lost_reason_key = 'duplicate', \
                 lost_at = {0}, next_follow_up_at = NULL, follow_up_activity_id = NULL, \
                 updated_at = {0}, version = version + 1 WHERE id = {1}",
                p(1),
                p(2)
            ),
            [now(), id.into()],
        ))
        .await?;
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "UPDATE approval_requests SET status = 'withdrawn', decided_at = {0}, \
                 updated_at = {0}, version = version + 1 \
                 WHERE ref_type = 'lead' AND ref_id = {1} AND status = 'pending'",
                p(1),
                p(2)
            ),
            [now(), id.into()],
        ))
        .await?;
        if let Some(task) = task {
            db.execute_raw(Statement::from_sql_and_values(
                backend,
                format!(
                    "UPDATE activities SET status = 'cancelled', cancelled_at = {0}, \
                     updated_at = {0}, version = version + 1 WHERE id = {1} AND status = 'planned'",
                    p(1),
                    p(2)
                ),
                [now(), task.into()],
            ))
            .await?;
        }
    }
    Ok(())
}

/// Gives every booked or driven test drive without one its activity on the consultant's
/// calendar (new bookings get theirs from the booking itself).
async fn plan_booked_test_drives<C: ConnectionTrait>(
    db: &C,
    backend: DbBackend,
) -> Result<(), DbErr> {
    let found = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT b.id, b.dealer_id, b.customer_id, b.consultant_id, b.starts_at, b.ends_at, \
             b.status, b.completed_at, b.created_at, c.name AS car FROM test_drive_bookings b \
             JOIN test_drive_cars c ON c.dealer_id = b.dealer_id AND c.id = b.car_id \
             WHERE b.status IN ('booked', 'done') AND b.consultant_id IS NOT NULL \
             AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.dealer_id = b.dealer_id \
             AND a.ref_type = 'test_drive' AND a.ref_id = b.id)"
                .to_owned(),
        ))
        .await?;
    let placeholders: Vec<String> = (1..=17)
        .map(|n| match backend {
            DbBackend::Postgres => format!("${n}"),
            _ => "?".to_owned(),
        })
        .collect();
    let sql = format!(
        "INSERT INTO activities (id, dealer_id, kind, subject, subject_text, customer_id, ref_type, \
         ref_id, owner_id, starts_at, ends_at, deadline_at, status, completed_at, \
         remind_minutes_before, cancel_needs_approval, completion_locked, created_at, updated_at, \
         version) VALUES ({}, 'test_drive', {}, {}, {}, 'test_drive', {}, {}, {}, {}, {}, {}, \
         {}, NULL, {}, {}, {}, {}, 1)",
        placeholders[..2].join(", "),
        placeholders[2],
        placeholders[3],
        placeholders[4],
        placeholders[5],
        placeholders[6],
        placeholders[7],
        placeholders[8],
        placeholders[9],
        placeholders[10],
        placeholders[11],
        placeholders[12],
        placeholders[13],
        placeholders[14],
        placeholders[15],
    );
    for row in found {
        let car: String = row.try_get("", "car")?;
        let status: String = row.try_get("", "status")?;
        let ends: chrono::DateTime<chrono::Utc> = row.try_get("", "ends_at")?;
        let created: chrono::DateTime<chrono::Utc> = row.try_get("", "created_at")?;
        let completed: Option<chrono::DateTime<chrono::Utc>> = row.try_get("", "completed_at")?;
        let text = serde_json::json!({"key": "sales.test_drive_activity", "params": {"car": car}});
        let values: Vec<SqlValue> = vec![
            uuid::Uuid::now_v7().into(),
            row.try_get::<uuid::Uuid>("", "dealer_id")?.into(),
            format!("试驾 {car}").into(),
            SqlValue::from(text),
            row.try_get::<uuid::Uuid>("", "customer_id")?.into(),
            row.try_get::<uuid::Uuid>("", "id")?.into(),
            row.try_get::<uuid::Uuid>("", "consultant_id")?.into(),
            row.try_get::<chrono::DateTime<chrono::Utc>>("", "starts_at")?
                .into(),
            ends.into(),
            ends.into(),
            (if status == "done" { "done" } else { "planned" }).into(),
            completed.into(),
            false.into(),
            true.into(),
            created.into(),
            created.into(),
        ];
        db.execute_raw(Statement::from_sql_and_values(backend, sql.clone(), values))
            .await?;
    }
    Ok(())
}
