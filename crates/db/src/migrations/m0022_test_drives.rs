//! Test drives: the dealer's test-drive cars and their bookings. The database itself refuses
//! two bookings of one car whose times overlap: an exclusion constraint on PostgreSQL, triggers
//! on SQLite (where writes are serialised, so a trigger's check cannot race).

use super::columns::*;
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TestDriveCars {
    Table,
    Name,
    SeriesId,
    ModelId,
    Vin,
    Plate,
    Colour,
    Active,
    Notes,
}

#[derive(DeriveIden)]
enum TestDriveBookings {
    Table,
    CarId,
    CustomerId,
    LeadId,
    ConsultantId,
    StartsAt,
    EndsAt,
    Status,
    LicenceCipher,
    LicenceLast4,
    FeedbackRating,
    FeedbackLiked,
    FeedbackConcerns,
    FeedbackGrade,
    Notes,
    CompletedAt,
    CancelledAt,
    CreatedBy,
}

/// The message both backends' overlap checks carry, so the db layer can classify it.
pub const OVERLAP: &str = "test_drive_bookings_overlap";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TestDriveCars::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(text(TestDriveCars::Name, 100))
                    .col(uuid_null(TestDriveCars::SeriesId))
                    .col(uuid_null(TestDriveCars::ModelId))
                    .col(text_null(TestDriveCars::Vin, 17))
                    .col(text_null(TestDriveCars::Plate, 16))
                    .col(text_null(TestDriveCars::Colour, 32))
                    .col(boolean(TestDriveCars::Active, true))
                    .col(text_null(TestDriveCars::Notes, 500))
                    .lifecycle()
                    .foreign_key(&mut dealer_fk(TestDriveCars::Table))
                    .foreign_key(&mut same_dealer_fk(
                        TestDriveCars::Table,
                        TestDriveCars::SeriesId,
                        Alias::new("catalog_series"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        TestDriveCars::Table,
                        TestDriveCars::ModelId,
                        Alias::new("catalog_models"),
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(unique_dealer_id(
                TestDriveCars::Table,
                "ux_test_drive_cars_dealer_id",
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(TestDriveBookings::Table)
                    .col(id())
                    .col(dealer_id())
                    .col(uuid(TestDriveBookings::CarId))
                    .col(uuid(TestDriveBookings::CustomerId))
                    .col(uuid_null(TestDriveBookings::LeadId))
                    .col(uuid_null(TestDriveBookings::ConsultantId))
                    .col(timestamp(TestDriveBookings::StartsAt))
                    .col(timestamp(TestDriveBookings::EndsAt))
                    .col(text(TestDriveBookings::Status, 16))
                    .col(
                        ColumnDef::new(TestDriveBookings::LicenceCipher)
                            .text()
                            .null(),
                    )
                    .col(text_null(TestDriveBookings::LicenceLast4, 4))
                    .col(
                        ColumnDef::new(TestDriveBookings::FeedbackRating)
                            .integer()
                            .null(),
                    )
                    .col(text_null(TestDriveBookings::FeedbackLiked, 500))
                    .col(text_null(TestDriveBookings::FeedbackConcerns, 500))
                    .col(text_null(TestDriveBookings::FeedbackGrade, 1))
                    .col(text_null(TestDriveBookings::Notes, 500))
                    .col(timestamp_null(TestDriveBookings::CompletedAt))
                    .col(timestamp_null(TestDriveBookings::CancelledAt))
                    .col(uuid_null(TestDriveBookings::CreatedBy))
                    .lifecycle()
                    .check(
                        Expr::col(TestDriveBookings::EndsAt)
                            .gt(Expr::col(TestDriveBookings::StartsAt)),
                    )
                    .foreign_key(&mut dealer_fk(TestDriveBookings::Table))
                    .foreign_key(&mut same_dealer_fk(
                        TestDriveBookings::Table,
                        TestDriveBookings::CarId,
                        TestDriveCars::Table,
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        TestDriveBookings::Table,
                        TestDriveBookings::CustomerId,
                        Alias::new("customers"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        TestDriveBookings::Table,
                        TestDriveBookings::LeadId,
                        Alias::new("leads"),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut same_dealer_fk(
                        TestDriveBookings::Table,
                        TestDriveBookings::ConsultantId,
                        Alias::new("users"),
                        ForeignKeyAction::Restrict,
                    ))
                    .take(),
            )
            .await?;
        for (name, cols) in [
            (
                "ix_test_drive_bookings_car",
                &["dealer_id", "car_id", "starts_at"][..],
            ),
            (
                "ix_test_drive_bookings_time",
                &["dealer_id", "starts_at", "id"],
            ),
            (
                "ix_test_drive_bookings_consultant",
                &["dealer_id", "consultant_id", "starts_at"],
            ),
            (
                "ix_test_drive_bookings_customer",
                &["dealer_id", "customer_id"],
            ),
        ] {
            manager
                .create_index(index(name, TestDriveBookings::Table, cols))
                .await?;
        }

        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                // btree_gist lets the gist index compare uuids with `=` beside the range `&&`.
                db.execute_unprepared("CREATE EXTENSION IF NOT EXISTS btree_gist")
                    .await?;
                db.execute_unprepared(&format!(
                    "ALTER TABLE test_drive_bookings ADD CONSTRAINT {OVERLAP} EXCLUDE USING gist \
                     (dealer_id WITH =, car_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) \
                     WHERE (status IN ('booked', 'done'))"
                ))
                .await?;
            }
            _ => {
                let clash = |extra: &str| {
                    format!(
                        "SELECT RAISE(ABORT, 'exclusion violation: {OVERLAP}') WHERE EXISTS (\
                         SELECT 1 FROM test_drive_bookings b WHERE b.dealer_id = NEW.dealer_id \
                         AND b.car_id = NEW.car_id AND b.status IN ('booked', 'done') {extra}\
                         AND julianday(b.starts_at) < julianday(NEW.ends_at) \
                         AND julianday(NEW.starts_at) < julianday(b.ends_at));"
                    )
                };
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER tr_test_drive_bookings_overlap_insert BEFORE INSERT ON \
                     test_drive_bookings WHEN NEW.status IN ('booked', 'done') BEGIN {} END",
                    clash("")
                ))
                .await?;
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER tr_test_drive_bookings_overlap_update BEFORE UPDATE OF \
                     car_id, starts_at, ends_at, status ON test_drive_bookings \
                     WHEN NEW.status IN ('booked', 'done') BEGIN {} END",
                    clash("AND b.id <> NEW.id ")
                ))
                .await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["test_drive_bookings", "test_drive_cars"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).take())
                .await?;
        }
        Ok(())
    }
}
