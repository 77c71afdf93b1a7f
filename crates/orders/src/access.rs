//! Loading an order for an actor: another dealer's is 404, then the permission (403), then
//! the data scope by the order's consultant (outside it: 404).

use forecourt_db::ConnectionTrait;
use forecourt_db::entities::order;
use forecourt_domain::ids::OrderId;
use forecourt_domain::orders::OrderStatus;
use forecourt_domain::permission::Permission;
use forecourt_kernel::access::held_record_for;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};

/// The order `id` for `permission` (and reading it), held by its consultant.
pub async fn order_for<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: OrderId,
    permission: Permission,
) -> CoreResult<order::Model> {
    held_record_for::<order::Entity, C>(
        conn,
        actor,
        id.uuid(),
        "order",
        Permission::OrderRead,
        permission,
        |o| o.consultant_id,
    )
    .await
}

/// The order's status.
pub fn status(order: &order::Model) -> OrderStatus {
    order.status.parse().unwrap_or(OrderStatus::Open)
}

/// 409 `invalid_state` unless the order is in one of `allowed`.
pub fn require_status(
    order: &order::Model,
    allowed: &[OrderStatus],
    doing: &str,
) -> CoreResult<()> {
    let current = status(order);
    if allowed.contains(&current) {
        Ok(())
    } else {
        Err(CoreError::invalid_state(format!(
            "an order that is {current} cannot be {doing}"
        )))
    }
}

/// 409 `version_conflict` unless `version` is the order's.
pub fn check_version(order: &order::Model, version: i64) -> CoreResult<()> {
    if order.version == version {
        Ok(())
    } else {
        Err(CoreError::VersionConflict { entity: "order" })
    }
}
