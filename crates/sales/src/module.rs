//! What sales brings to the kernel: the `lead.lost` approval, its texts, the cadence and
//! stagnation jobs, every dealer's built-in pipeline stages, the closing of a merged
//! customer's second worked lead, its customer columns and the records an activity may be
//! about.

use crate::SalesExt as _;
use chrono::{DateTime, Utc};
use forecourt_db::DatabaseTransaction;
use forecourt_domain::ids::{LeadId, OpportunityId, TestDriveBookingId};
use forecourt_domain::permission::Permission;
use forecourt_kernel::module::{BoxFuture, CustomerMerge, Module, RecordKind, ScheduleSpec};
use forecourt_kernel::texts::Words;
use forecourt_kernel::{Actor, App, CoreResult};
use uuid::Uuid;

/// The sales module.
#[derive(Debug)]
pub struct SalesModule;

/// The sales module, for the composition root.
pub static MODULE: SalesModule = SalesModule;

static RECORD_KINDS: &[RecordKind] = &[
    RecordKind {
        name: "lead",
        visible: lead_visible,
    },
    RecordKind {
        name: "opportunity",
        visible: opportunity_visible,
    },
    RecordKind {
        name: "test_drive",
        visible: test_drive_visible,
    },
];

fn lead_visible<'a>(
    _app: &'a App,
    conn: &'a DatabaseTransaction,
    actor: &'a Actor,
    id: Uuid,
) -> BoxFuture<'a, CoreResult<()>> {
    Box::pin(async move {
        super::leads::access::lead_for(conn, actor, LeadId::from_uuid(id), Permission::LeadRead)
            .await
            .map(|_| ())
    })
}

fn opportunity_visible<'a>(
    _app: &'a App,
    conn: &'a DatabaseTransaction,
    actor: &'a Actor,
    id: Uuid,
) -> BoxFuture<'a, CoreResult<()>> {
    Box::pin(async move {
        super::opportunities::opportunity_for(
            conn,
            actor,
            OpportunityId::from_uuid(id),
            Permission::OpportunityRead,
        )
        .await
        .map(|_| ())
    })
}

fn test_drive_visible<'a>(
    app: &'a App,
    conn: &'a DatabaseTransaction,
    actor: &'a Actor,
    id: Uuid,
) -> BoxFuture<'a, CoreResult<()>> {
    Box::pin(async move {
        app.sales()
            .booking_for(conn, actor, TestDriveBookingId::from_uuid(id))
            .await
            .map(|_| ())
    })
}

static APPROVAL_TYPES: &[&forecourt_kernel::approvals::ApprovalType] =
    &[&super::leads::LOST_APPROVAL];

impl Module for SalesModule {
    fn name(&self) -> &'static str {
        "sales"
    }

    fn approval_types(&self) -> &'static [&'static forecourt_kernel::approvals::ApprovalType] {
        APPROVAL_TYPES
    }

    fn texts(&self) -> &'static [Words] {
        super::TEXTS
    }

    fn customer_references(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("leads", "customer_id"),
            ("lead_follow_ups", "customer_id"),
            ("receptions", "customer_id"),
            ("opportunities", "customer_id"),
            ("test_drive_bookings", "customer_id"),
        ]
    }

    fn record_kinds(&self) -> &'static [RecordKind] {
        RECORD_KINDS
    }

    fn timeline_kinds(&self) -> &'static [&'static str] {
        &[
            "lead.created",
            "lead.assigned",
            "lead.enquired_again",
            "lead.followed_up",
            "lead.lost",
            "lead.lost_requested",
            "lead.lost_refused",
            "lead.reopened",
            "reception.visited",
            "opportunity.opened",
            "opportunity.stage_changed",
            "test_drive.booked",
            "test_drive.done",
            "test_drive.cancelled",
        ]
    }

    fn register_jobs(&self, jobs: &mut forecourt_kernel::jobs::JobRegistry) {
        super::follow_up_tasks::register_jobs(jobs);
    }

    fn schedules(&self) -> &'static [ScheduleSpec] {
        &[
            ScheduleSpec {
                kind: super::follow_up_tasks::CADENCE_JOB,
                cron: "*/5 * * * *",
            },
            ScheduleSpec {
                kind: super::follow_up_tasks::STAGNATION_JOB,
                cron: "7 * * * *",
            },
        ]
    }

    fn dealer_defaults<'a>(
        &'a self,
        conn: &'a DatabaseTransaction,
        system: &'a Actor,
        now: DateTime<Utc>,
    ) -> BoxFuture<'a, CoreResult<()>> {
        Box::pin(super::pipeline::ensure_builtin(conn, system, now))
    }

    fn before_customer_merge<'a>(
        &'a self,
        merge: CustomerMerge<'a>,
    ) -> BoxFuture<'a, CoreResult<()>> {
        Box::pin(super::leads::close_duplicates_before_merge(
            merge.conn,
            merge.actor,
            merge.survivor,
            merge.merged,
            merge.now,
        ))
    }
}
