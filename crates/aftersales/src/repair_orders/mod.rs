//! Repair orders (工单): opened from an appointment or for a walk-in, labour and parts lines
//! with who pays each, technicians' clock-ons, the moves to the quality check and pickup with
//! the customer's bill, each car's repair history and the warranty claims of a period.

mod clocks;
mod lines;
mod moves;
mod open;
mod read;
pub mod types;
mod views;
mod warranty;

pub use types::*;

use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{repair_order, repair_order_labour, repair_order_part, user};
use forecourt_db::repo::tenant;
use forecourt_domain::FieldError;
use forecourt_domain::ids::{RepairLineId, RepairOrderId};
use forecourt_kernel::access::find_in_dealer;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use uuid::Uuid;

pub(crate) const ENTITY: &str = "repair_order";
pub(crate) const LINE: &str = "repair_order_line";

/// The order of the actor's dealer; 404 otherwise.
pub(crate) async fn order_in_dealer<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: RepairOrderId,
) -> CoreResult<repair_order::Model> {
    find_in_dealer::<repair_order::Entity, C>(conn, actor, id.uuid(), ENTITY).await
}

/// A labour line of this order; 404 otherwise.
pub(crate) async fn labour_in_order<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    order: &repair_order::Model,
    id: RepairLineId,
) -> CoreResult<repair_order_labour::Model> {
    tenant::find::<repair_order_labour::Entity, C>(conn, actor.scope(), id.uuid())
        .await?
        .filter(|l| l.repair_order_id == order.id)
        .ok_or(CoreError::not_found(LINE))
}

/// A parts line of this order; 404 otherwise.
pub(crate) async fn part_in_order<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    order: &repair_order::Model,
    id: RepairLineId,
) -> CoreResult<repair_order_part::Model> {
    tenant::find::<repair_order_part::Entity, C>(conn, actor.scope(), id.uuid())
        .await?
        .filter(|p| p.repair_order_id == order.id)
        .ok_or(CoreError::not_found(LINE))
}

/// The version read must be the order's (409 `version_conflict`).
pub(crate) fn check_version(order: &repair_order::Model, version: i64) -> CoreResult<()> {
    if order.version == version {
        Ok(())
    } else {
        Err(CoreError::VersionConflict { entity: ENTITY })
    }
}

/// Lines change only while the order is in the workshop (409 `invalid_state`).
pub(crate) fn require_open(order: &repair_order::Model) -> CoreResult<()> {
    if views::status_of(order).is_open() {
        Ok(())
    } else {
        Err(CoreError::invalid_state(format!(
            "the lines of a repair order {} no longer change",
            order.status
        )))
    }
}

/// Bumps the order's version (a line changed), only if it is still the version read.
pub(crate) async fn touch<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    order: &repair_order::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> CoreResult<repair_order::Model> {
    tenant::update::<repair_order::Entity, C>(
        conn,
        actor.scope(),
        order.id,
        order.clone(),
        order.version,
        now,
    )
    .await
    .map_err(|e| CoreError::from_db(ENTITY, e))
}

/// An active user of the dealer, for `field` (422 `unknown_user` otherwise).
pub(crate) async fn active_user<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    field: &str,
    id: Uuid,
) -> CoreResult<Result<user::Model, FieldError>> {
    Ok(
        match tenant::find::<user::Entity, C>(conn, actor.scope(), id).await? {
            Some(u) if u.status == "active" => Ok(u),
            _ => Err(FieldError::new(
                field,
                "unknown_user",
                "is not an active user of the dealer",
            )),
        },
    )
}
