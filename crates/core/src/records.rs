//! The records another record may point at (`ref_type` / `ref_id` of an activity): which kinds
//! exist, and whether the caller may see one. A link to a record the caller may not see — or
//! of another dealer — is refused as if it did not exist.

use crate::app::App;
use crate::auth::Actor;
use crate::error::{CoreError, CoreResult};
use forecourt_db::ConnectionTrait;
use forecourt_domain::FieldError;
use forecourt_domain::ids::{CustomerId, LeadId, OpportunityId, TestDriveBookingId, VehicleId};
use forecourt_domain::permission::Permission;
use uuid::Uuid;

/// The kinds of record an activity may be about.
pub const KINDS: [&str; 5] = ["customer", "vehicle", "lead", "opportunity", "test_drive"];

/// Checks that `ref_type` is a kind of record and `ref_id` one the actor may see: a 422 naming
/// the field otherwise.
pub(crate) async fn check_visible<C: ConnectionTrait>(
    app: &App,
    conn: &C,
    actor: &Actor,
    ref_type: &str,
    id: Uuid,
) -> CoreResult<()> {
    let found = match ref_type {
        "customer" => crate::customers::access::customer_for(
            conn,
            actor,
            CustomerId::from_uuid(id),
            Permission::CustomerRead,
        )
        .await
        .map(|_| ()),
        "vehicle" => app
            .vehicle_for(
                conn,
                actor,
                VehicleId::from_uuid(id),
                Permission::VehicleRead,
            )
            .await
            .map(|_| ()),
        "lead" => crate::sales::leads::access::lead_for(
            conn,
            actor,
            LeadId::from_uuid(id),
            Permission::LeadRead,
        )
        .await
        .map(|_| ()),
        "opportunity" => crate::sales::opportunities::opportunity_for(
            conn,
            actor,
            OpportunityId::from_uuid(id),
            Permission::OpportunityRead,
        )
        .await
        .map(|_| ()),
        "test_drive" => app
            .booking_for(conn, actor, TestDriveBookingId::from_uuid(id))
            .await
            .map(|_| ()),
        _ => {
            return Err(CoreError::invalid(
                FieldError::new("ref_type", "invalid_value", "is not a kind of record")
                    .with_param("allowed", KINDS.join(", ")),
            ));
        }
    };
    match found {
        Ok(()) => Ok(()),
        Err(
            CoreError::NotFound { .. } | CoreError::Forbidden { .. } | CoreError::Merged { .. },
        ) => Err(CoreError::invalid(FieldError::new(
            "ref_id",
            "not_found",
            "is not a record you can see",
        ))),
        Err(other) => Err(other),
    }
}
