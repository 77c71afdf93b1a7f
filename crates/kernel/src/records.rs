//! The records another record may point at (`ref_type` / `ref_id` of an activity): which kinds
//! exist — each module registers its own ([`Module::record_kinds`](crate::module::Module)) —
//! and whether the caller may see one. A link to a record the caller may not see — or of
//! another dealer — is refused as if it did not exist.

use crate::app::App;
use crate::auth::Actor;
use crate::error::{CoreError, CoreResult};
use crate::module;
use forecourt_db::DatabaseTransaction;
use forecourt_domain::FieldError;
use uuid::Uuid;

/// Checks that `ref_type` is a kind of record and `ref_id` one the actor may see: a 422 naming
/// the field otherwise.
pub async fn check_visible(
    app: &App,
    conn: &DatabaseTransaction,
    actor: &Actor,
    ref_type: &str,
    id: Uuid,
) -> CoreResult<()> {
    let Some(kind) = module::record_kind(ref_type) else {
        return Err(CoreError::invalid(
            FieldError::new("ref_type", "invalid_value", "is not a kind of record")
                .with_param("allowed", module::record_kind_names().join(", ")),
        ));
    };
    match (kind.visible)(app, conn, actor, id).await {
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
