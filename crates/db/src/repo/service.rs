//! After-sales' service side: the workshop's settings, maintenance plans, each car's next
//! service due, and the appointments that fill the workshop's days.

use crate::entities::service_setting;
use crate::repo::tenant::TenantEntity;
use crate::{DbResult, DealerScope};
use sea_orm::ConnectionTrait;

/// The dealer's service settings, if saved.
pub async fn settings<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
) -> DbResult<Option<service_setting::Model>> {
    Ok(service_setting::Entity::scoped(scope).one(conn).await?)
}
