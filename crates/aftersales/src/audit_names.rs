//! How the audit log names after-sales records: a repair order by its number, an appointment by
//! its day and job, a policy by its number, a renewal by the day its policy ends, a plan and a
//! part by their own names; a record of a customer is followed by the customer's name (masked
//! there as the reader may see it).

use forecourt_db::DatabaseConnection;
use forecourt_db::entities::{
    insurance_policy, maintenance_plan, parts_price, renewal, repair_order, service_appointment,
};
use forecourt_db::repo::tenant::{self, TenantEntity};
use forecourt_kernel::module::{AuditNames, BoxFuture, RecordName};
use forecourt_kernel::{Actor, CoreResult};
use uuid::Uuid;

/// The after-sales record types the audit log names.
pub static AUDIT_NAMES: &[AuditNames] = &[
    AuditNames {
        entity_type: "repair_order",
        fields: &["repair_order_id"],
        lookup: repair_orders,
    },
    AuditNames {
        entity_type: "service_appointment",
        fields: &["appointment_id"],
        lookup: appointments,
    },
    AuditNames {
        entity_type: "insurance_policy",
        fields: &["policy_id", "new_policy_id"],
        lookup: policies,
    },
    AuditNames {
        entity_type: "renewal",
        fields: &["renewal_id"],
        lookup: renewals,
    },
    AuditNames {
        entity_type: "maintenance_plan",
        fields: &["plan_id"],
        lookup: plans,
    },
    AuditNames {
        entity_type: "parts_price",
        fields: &[],
        lookup: parts,
    },
];

/// The records of `ids` of the actor's dealer, named by `name`.
fn lookup<'a, E: TenantEntity>(
    conn: &'a DatabaseConnection,
    actor: &'a Actor,
    ids: &'a [Uuid],
    name: fn(E::Model) -> RecordName,
) -> BoxFuture<'a, CoreResult<Vec<RecordName>>>
where
    E::Model: Send,
{
    Box::pin(async move {
        let rows = tenant::find_many::<E, _>(conn, actor.scope(), ids).await?;
        Ok(rows.into_iter().map(name).collect())
    })
}

fn repair_orders<'a>(
    conn: &'a DatabaseConnection,
    actor: &'a Actor,
    ids: &'a [Uuid],
) -> BoxFuture<'a, CoreResult<Vec<RecordName>>> {
    lookup::<repair_order::Entity>(conn, actor, ids, |r| RecordName {
        id: r.id,
        label: r.number,
        customer_id: Some(r.customer_id),
    })
}

fn appointments<'a>(
    conn: &'a DatabaseConnection,
    actor: &'a Actor,
    ids: &'a [Uuid],
) -> BoxFuture<'a, CoreResult<Vec<RecordName>>> {
    lookup::<service_appointment::Entity>(conn, actor, ids, |a| RecordName {
        id: a.id,
        label: format!("{} {}", a.on_date, a.job),
        customer_id: Some(a.customer_id),
    })
}

fn policies<'a>(
    conn: &'a DatabaseConnection,
    actor: &'a Actor,
    ids: &'a [Uuid],
) -> BoxFuture<'a, CoreResult<Vec<RecordName>>> {
    lookup::<insurance_policy::Entity>(conn, actor, ids, |p| RecordName {
        id: p.id,
        label: p.policy_no,
        customer_id: p.customer_id,
    })
}

fn renewals<'a>(
    conn: &'a DatabaseConnection,
    actor: &'a Actor,
    ids: &'a [Uuid],
) -> BoxFuture<'a, CoreResult<Vec<RecordName>>> {
    lookup::<renewal::Entity>(conn, actor, ids, |r| RecordName {
        id: r.id,
        label: r.due_on.to_string(),
        customer_id: r.customer_id,
    })
}

fn plans<'a>(
    conn: &'a DatabaseConnection,
    actor: &'a Actor,
    ids: &'a [Uuid],
) -> BoxFuture<'a, CoreResult<Vec<RecordName>>> {
    lookup::<maintenance_plan::Entity>(conn, actor, ids, |p| RecordName {
        id: p.id,
        label: p.name,
        customer_id: None,
    })
}

fn parts<'a>(
    conn: &'a DatabaseConnection,
    actor: &'a Actor,
    ids: &'a [Uuid],
) -> BoxFuture<'a, CoreResult<Vec<RecordName>>> {
    lookup::<parts_price::Entity>(conn, actor, ids, |p| RecordName {
        id: p.id,
        label: format!("{} {}", p.part_no, p.name),
        customer_id: None,
    })
}
