//! How a business module plugs into the kernel.
//!
//! The kernel names no business module. Each module (customers, catalog, work, sales, admin …)
//! implements [`Module`] and says what it brings: its approval types, job handlers and
//! schedules, the defaults every dealer gets, the columns of its tables that point at a
//! customer (a merge moves them), the kinds of record an activity may be about, the words of
//! the texts it writes and the kinds of timeline event it records. The server's composition
//! root lists the modules once and hands them to [`App::new`](crate::App::new), which installs
//! them for the process.

use crate::app::App;
use crate::approvals::ApprovalType;
use crate::auth::Actor;
use crate::error::CoreResult;
use crate::jobs::JobRegistry;
use crate::texts::Words;
use chrono::{DateTime, Utc};
use forecourt_db::{DatabaseConnection, DatabaseTransaction};
use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;
use uuid::Uuid;

/// A boxed future borrowing its arguments (what a module's hooks return).
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A recurring job a module needs in every installation: a cron expression (read in UTC for
/// installation-wide schedules) and the job kind it enqueues.
#[derive(Clone, Copy, Debug)]
pub struct ScheduleSpec {
    pub kind: &'static str,
    pub cron: &'static str,
}

/// A kind of record an activity (or another module's record) may point at, and how to check
/// that the actor may see one: `Ok(())`, else the not-found / forbidden error the module's
/// own read would give.
#[derive(Clone, Copy)]
pub struct RecordKind {
    /// `customer`, `lead`, `opportunity` …, as stored in `ref_type`.
    pub name: &'static str,
    pub visible: for<'a> fn(
        &'a App,
        &'a DatabaseTransaction,
        &'a Actor,
        Uuid,
    ) -> BoxFuture<'a, CoreResult<()>>,
}

impl std::fmt::Debug for RecordKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecordKind")
            .field("name", &self.name)
            .finish()
    }
}

/// One of a module's records as the audit log names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordName {
    pub id: Uuid,
    /// Its own label (a repair order's number, a policy's number …), never personal data.
    pub label: String,
    /// The customer it belongs to: the audit log adds their name, masked as the reader may
    /// see it.
    pub customer_id: Option<Uuid>,
}

/// How the audit log names one type of a module's records.
#[derive(Clone, Copy)]
pub struct AuditNames {
    /// The record type, as the audit log's `entity_type` (`repair_order` …).
    pub entity_type: &'static str,
    /// The fields of a change that hold an id of this type (`repair_order_id` …).
    pub fields: &'static [&'static str],
    /// The names of these records of the actor's dealer (missing ids are left out), in one
    /// query.
    pub lookup: NameLookup,
}

/// Looks up the names of some records of the actor's dealer.
pub type NameLookup = for<'a> fn(
    &'a DatabaseConnection,
    &'a Actor,
    &'a [Uuid],
) -> BoxFuture<'a, CoreResult<Vec<RecordName>>>;

impl std::fmt::Debug for AuditNames {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuditNames")
            .field("entity_type", &self.entity_type)
            .finish()
    }
}

/// Two customers about to become one, inside the merge's transaction.
#[derive(Clone, Copy)]
pub struct CustomerMerge<'a> {
    pub conn: &'a DatabaseTransaction,
    pub actor: &'a Actor,
    /// The customer that stays.
    pub survivor: Uuid,
    /// The customer merged away.
    pub merged: Uuid,
    pub now: DateTime<Utc>,
}

/// A business module, as the kernel sees it. Every method has an empty default: a module
/// states only what it brings.
pub trait Module: Send + Sync + 'static {
    /// The module's name (`sales`), for logs and the architecture test.
    fn name(&self) -> &'static str;

    /// The approval types its requests use.
    fn approval_types(&self) -> &'static [&'static ApprovalType] {
        &[]
    }

    /// The words of the texts it writes (task subjects, notifications): key → zh-CN, zh-TW, en.
    fn texts(&self) -> &'static [Words] {
        &[]
    }

    /// The lists of its pages a user may save views (filters) of: `customers`, `vehicles` ….
    fn saved_view_lists(&self) -> &'static [&'static str] {
        &[]
    }

    /// Its built-in message texts (key, channel, locale, subject, body), which a dealer may
    /// reword.
    fn message_templates(&self) -> &'static [crate::messaging::BuiltinTemplate] {
        &[]
    }

    /// `(table, column)` of every column of its tables that points at a customer.
    fn customer_references(&self) -> &'static [(&'static str, &'static str)] {
        &[]
    }

    /// The kinds of its records an activity may be about.
    fn record_kinds(&self) -> &'static [RecordKind] {
        &[]
    }

    /// How the audit log names its records.
    fn audit_names(&self) -> &'static [AuditNames] {
        &[]
    }

    /// The kinds of customer timeline event it records (`lead.created` …).
    fn timeline_kinds(&self) -> &'static [&'static str] {
        &[]
    }

    /// Registers the handlers of its job kinds.
    fn register_jobs(&self, _jobs: &mut JobRegistry) {}

    /// Its installation-wide recurring jobs.
    fn schedules(&self) -> &'static [ScheduleSpec] {
        &[]
    }

    /// Adds what every dealer gets from this module (built-in stages …), in the caller's
    /// transaction, as the dealer's system actor. Runs at startup and when a dealer is
    /// created; safe to repeat.
    fn dealer_defaults<'a>(
        &'a self,
        _conn: &'a DatabaseTransaction,
        _system: &'a Actor,
        _now: DateTime<Utc>,
    ) -> BoxFuture<'a, CoreResult<()>> {
        Box::pin(async { Ok(()) })
    }

    /// Runs in a customer merge's transaction before references move to the survivor (e.g.
    /// sales closes the merged customer's second worked lead).
    fn before_customer_merge<'a>(
        &'a self,
        _merge: CustomerMerge<'a>,
    ) -> BoxFuture<'a, CoreResult<()>> {
        Box::pin(async { Ok(()) })
    }
}

static INSTALLED: OnceLock<Vec<&'static dyn Module>> = OnceLock::new();

/// Installs the process's modules (the composition root's list). The first installation wins;
/// installing a different list later is a programming error.
pub fn install(modules: Vec<&'static dyn Module>) {
    let names = |list: &[&'static dyn Module]| list.iter().map(|m| m.name()).collect::<Vec<_>>();
    let wanted = names(&modules);
    let first = INSTALLED.get_or_init(|| modules);
    assert_eq!(names(first), wanted, "one process runs one set of modules");
}

/// The installed modules, in the composition root's order (none before [`install`]).
pub fn installed() -> &'static [&'static dyn Module] {
    INSTALLED.get().map(Vec::as_slice).unwrap_or(&[])
}

/// Every installed approval type.
pub fn approval_types() -> impl Iterator<Item = &'static ApprovalType> {
    installed()
        .iter()
        .flat_map(|m| m.approval_types().iter().copied())
}

/// The kernel's own tables that point at a customer: the timeline and outbound messages.
const KERNEL_CUSTOMER_REFERENCES: &[(&str, &str)] = &[
    ("customer_events", "customer_id"),
    ("outbound_messages", "customer_id"),
];

/// Every `(table, column)` that points at a customer: the kernel's and the modules'.
pub fn customer_references() -> Vec<(&'static str, &'static str)> {
    KERNEL_CUSTOMER_REFERENCES
        .iter()
        .copied()
        .chain(
            installed()
                .iter()
                .flat_map(|m| m.customer_references().iter().copied()),
        )
        .collect()
}

/// The record kind of this name.
pub fn record_kind(name: &str) -> Option<&'static RecordKind> {
    installed()
        .iter()
        .flat_map(|m| m.record_kinds().iter())
        .find(|k| k.name == name)
}

/// The names of every record kind, for an error listing them.
pub fn record_kind_names() -> Vec<&'static str> {
    installed()
        .iter()
        .flat_map(|m| m.record_kinds().iter().map(|k| k.name))
        .collect()
}

/// Every installed module's way of naming its records in the audit log.
pub fn audit_names() -> impl Iterator<Item = &'static AuditNames> {
    installed().iter().flat_map(|m| m.audit_names().iter())
}

/// Every timeline event kind the modules declare.
pub fn timeline_kinds() -> impl Iterator<Item = &'static str> {
    installed()
        .iter()
        .flat_map(|m| m.timeline_kinds().iter().copied())
}
