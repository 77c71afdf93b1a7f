//! What customers and their vehicles bring to the kernel: the `customer.reassign` approval,
//! their customer columns, the records an activity may be about and their timeline entries.

use super::reassign_approval::CUSTOMER_REASSIGN;
use crate::CustomersExt as _;
use forecourt_db::DatabaseTransaction;
use forecourt_domain::ids::{CustomerId, VehicleId};
use forecourt_domain::permission::Permission;
use forecourt_kernel::module::{BoxFuture, Module, RecordKind};
use forecourt_kernel::{Actor, App, CoreResult};
use uuid::Uuid;

/// The customers module: customers, their vehicles, search, import and export.
#[derive(Debug)]
pub struct CustomersModule;

/// The customers module, for the composition root.
pub static MODULE: CustomersModule = CustomersModule;

static RECORD_KINDS: &[RecordKind] = &[
    RecordKind {
        name: "customer",
        visible: customer_visible,
    },
    RecordKind {
        name: "vehicle",
        visible: vehicle_visible,
    },
];

fn customer_visible<'a>(
    _app: &'a App,
    conn: &'a DatabaseTransaction,
    actor: &'a Actor,
    id: Uuid,
) -> BoxFuture<'a, CoreResult<()>> {
    Box::pin(async move {
        super::access::customer_for(
            conn,
            actor,
            CustomerId::from_uuid(id),
            Permission::CustomerRead,
        )
        .await
        .map(|_| ())
    })
}

fn vehicle_visible<'a>(
    app: &'a App,
    conn: &'a DatabaseTransaction,
    actor: &'a Actor,
    id: Uuid,
) -> BoxFuture<'a, CoreResult<()>> {
    Box::pin(async move {
        app.customers()
            .vehicle_for(
                conn,
                actor,
                VehicleId::from_uuid(id),
                Permission::VehicleRead,
            )
            .await
            .map(|_| ())
    })
}

static APPROVAL_TYPES: &[&forecourt_kernel::approvals::ApprovalType] = &[&CUSTOMER_REASSIGN];

impl Module for CustomersModule {
    fn name(&self) -> &'static str {
        "customers"
    }

    fn approval_types(&self) -> &'static [&'static forecourt_kernel::approvals::ApprovalType] {
        APPROVAL_TYPES
    }

    fn saved_view_lists(&self) -> &'static [&'static str] {
        &["customers", "vehicles"]
    }

    fn customer_references(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("customer_companions", "customer_id"),
            ("customer_consent_events", "customer_id"),
            ("vehicles", "owner_customer_id"),
            ("vehicle_ownerships", "customer_id"),
        ]
    }

    fn record_kinds(&self) -> &'static [RecordKind] {
        RECORD_KINDS
    }

    fn timeline_kinds(&self) -> &'static [&'static str] {
        &[
            "customer.created",
            "customer.updated",
            "customer.imported",
            "customer.merged",
            "owner.changed",
            "consent.changed",
            "vehicle.added",
            "vehicle.transferred_in",
            "vehicle.transferred_out",
            "mileage.recorded",
        ]
    }
}
