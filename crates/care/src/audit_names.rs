//! How the audit log names customer-care records: a complaint by its number, followed by the
//! customer's name (masked there as the reader may see it).

use forecourt_db::DatabaseConnection;
use forecourt_db::entities::complaint;
use forecourt_db::repo::tenant;
use forecourt_kernel::module::{AuditNames, BoxFuture, RecordName};
use forecourt_kernel::{Actor, CoreResult};
use uuid::Uuid;

/// The customer-care record types the audit log names.
pub static AUDIT_NAMES: &[AuditNames] = &[AuditNames {
    entity_type: "complaint",
    fields: &["complaint_id"],
    lookup: complaints,
}];

fn complaints<'a>(
    conn: &'a DatabaseConnection,
    actor: &'a Actor,
    ids: &'a [Uuid],
) -> BoxFuture<'a, CoreResult<Vec<RecordName>>> {
    Box::pin(async move {
        let rows = tenant::find_many::<complaint::Entity, _>(conn, actor.scope(), ids).await?;
        Ok(rows
            .into_iter()
            .map(|c| RecordName {
                id: c.id,
                label: c.number,
                customer_id: Some(c.customer_id),
            })
            .collect())
    })
}
