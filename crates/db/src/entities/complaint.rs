//! The `complaints` table.

use sea_orm::entity::prelude::*;

/// A customer's complaint (投诉), from entry to its verified close.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "complaints")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub dealer_id: Uuid,
    /// The dealer's number, `TS` + year + six digits.
    pub number: String,
    /// How it reached the dealer.
    pub source: String,
    /// What it is about.
    pub category: String,
    /// `low`, `medium`, `high`.
    pub severity: String,
    pub customer_id: Uuid,
    pub vehicle_id: Option<Uuid>,
    pub repair_order_id: Option<Uuid>,
    pub order_id: Option<Uuid>,
    /// The member of staff complained about.
    pub staff_id: Option<Uuid>,
    pub summary: String,
    pub details: String,
    /// `entered`, `assigned`, `handling`, `resolved`, `closed`.
    pub status: String,
    pub handler_id: Option<Uuid>,
    pub entered_by: Uuid,
    pub entered_at: DateTimeUtc,
    /// The OEM's own deadline for a forwarded complaint.
    pub oem_deadline_at: Option<DateTimeUtc>,
    /// The first-response target, in working minutes, fixed at entry.
    pub first_response_minutes: i32,
    /// The resolution target, in working minutes, fixed at entry.
    pub resolution_minutes: i32,
    /// When the resolution clock started: entry, or the last reopening.
    pub resolution_started_at: DateTimeUtc,
    /// None while the clock waits for the customer.
    pub first_response_due_at: Option<DateTimeUtc>,
    /// None while the clock waits for the customer.
    pub resolution_due_at: Option<DateTimeUtc>,
    pub first_responded_at: Option<DateTimeUtc>,
    pub resolved_at: Option<DateTimeUtc>,
    pub resolved_by: Option<Uuid>,
    /// What was agreed with the customer.
    pub agreement: Option<String>,
    pub verified_by: Option<Uuid>,
    pub closed_at: Option<DateTimeUtc>,
    /// Set while waiting for the customer (the clocks stand still).
    pub waiting_since: Option<DateTimeUtc>,
    /// How many times it was reopened.
    pub cycle: i32,
    /// The first response came (or is) late; stays on record.
    pub first_response_breached: bool,
    /// A resolution came (or is) late; stays on record through reopening.
    pub resolution_breached: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
