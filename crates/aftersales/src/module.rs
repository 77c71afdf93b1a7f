//! What after-sales brings to the kernel: the words of its tasks, notices and messages, its
//! jobs and schedules, its customer columns and its customer timeline kinds.

use chrono::{DateTime, Utc};
use forecourt_db::DatabaseTransaction;
use forecourt_domain::ids::RenewalId;
use forecourt_domain::permission::Permission;
use forecourt_kernel::module::{AuditNames, BoxFuture, Module, RecordKind, ScheduleSpec};
use forecourt_kernel::texts::Words;
use forecourt_kernel::{Actor, App, CoreResult};
use uuid::Uuid;

/// The after-sales module.
#[derive(Debug)]
pub struct AfterSalesModule;

/// The after-sales module, for the composition root.
pub static MODULE: AfterSalesModule = AfterSalesModule;

static RECORD_KINDS: &[RecordKind] = &[RecordKind {
    name: "renewal",
    visible: renewal_visible,
}];

fn renewal_visible<'a>(
    _app: &'a App,
    conn: &'a DatabaseTransaction,
    actor: &'a Actor,
    id: Uuid,
) -> BoxFuture<'a, CoreResult<()>> {
    Box::pin(async move {
        super::insurance::access::renewal_for(
            conn,
            actor,
            RenewalId::from_uuid(id),
            Permission::RenewalRead,
        )
        .await
        .map(|_| ())
    })
}

impl Module for AfterSalesModule {
    fn name(&self) -> &'static str {
        "aftersales"
    }

    fn texts(&self) -> &'static [Words] {
        super::TEXTS
    }

    fn message_templates(&self) -> &'static [forecourt_kernel::messaging::BuiltinTemplate] {
        super::TEMPLATES
    }

    fn customer_references(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("service_dues", "customer_id"),
            ("service_appointments", "customer_id"),
            ("repair_orders", "customer_id"),
            ("insurance_policies", "customer_id"),
            ("renewals", "customer_id"),
        ]
    }

    fn record_kinds(&self) -> &'static [RecordKind] {
        RECORD_KINDS
    }

    fn audit_names(&self) -> &'static [AuditNames] {
        super::audit_names::AUDIT_NAMES
    }

    fn timeline_kinds(&self) -> &'static [&'static str] {
        &[
            super::due::reminders::REMINDED_KIND,
            super::appointments::BOOKED_KIND,
            super::appointments::CANCELLED_KIND,
            super::appointments::NO_SHOW_KIND,
            "renewal.opened",
            "renewal.closed",
            "repair_order.opened",
            "repair_order.picked_up",
        ]
    }

    fn register_jobs(&self, jobs: &mut forecourt_kernel::jobs::JobRegistry) {
        super::due::register_jobs(jobs);
        super::due::reminders::register_jobs(jobs);
        super::appointments::reminder::register_jobs(jobs);
        super::insurance::open::register_jobs(jobs);
    }

    fn schedules(&self) -> &'static [ScheduleSpec] {
        // Installation-wide schedules run in UTC; each dealer's "today" is taken in its own
        // time zone. The daily ones run a little after midnight in China.
        &[
            ScheduleSpec {
                kind: super::due::REFRESH_JOB,
                cron: "10 18 * * *",
            },
            ScheduleSpec {
                kind: super::due::reminders::REMIND_JOB,
                cron: "35 * * * *",
            },
            ScheduleSpec {
                kind: super::insurance::open::RENEWALS_JOB,
                cron: "20 16 * * *",
            },
        ]
    }

    fn dealer_defaults<'a>(
        &'a self,
        conn: &'a DatabaseTransaction,
        system: &'a Actor,
        now: DateTime<Utc>,
    ) -> BoxFuture<'a, CoreResult<()>> {
        Box::pin(async move {
            super::settings::ensure_defaults(conn, system, now).await?;
            super::plans::ensure_default(conn, system, now).await?;
            Ok(())
        })
    }
}
