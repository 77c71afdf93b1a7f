//! The delivery checklists (PDI and handover): the items ticked on an order, from the
//! dealer's lists ([`crate::settings`]).

use crate::Orders;
use crate::access::{check_version, order_for, require_status};
use crate::settings::ensure_defaults;
use crate::views::{self, OrderView};
use forecourt_db::entities::order;
use forecourt_domain::ids::OrderId;
use forecourt_domain::orders::OrderStatus;
use forecourt_domain::permission::Permission;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::Deserialize;
use utoipa::ToSchema;

/// The items ticked on an order's checklists; absent lists stay.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistTicks {
    /// The PDI items done (each one of the dealer's PDI items).
    pub pdi_done: Option<Vec<String>>,
    /// The handover items done (each one of the dealer's handover items).
    pub handover_done: Option<Vec<String>>,
    pub version: i64,
}

fn check(
    field: &str,
    ticked: &[String],
    items: &[String],
    errors: &mut FieldErrors,
) -> Vec<String> {
    let mut done: Vec<String> = Vec::new();
    for (index, item) in ticked.iter().enumerate() {
        let item = item.trim();
        if !items.iter().any(|i| i == item) {
            errors.push(FieldError::new(
                format!("{field}.{index}"),
                "unknown_item",
                "is not an item of the dealer's checklist",
            ));
        } else if !done.iter().any(|d| d == item) {
            done.push(item.to_owned());
        }
    }
    done
}

impl Orders<'_> {
    /// Ticks an order's PDI and handover items (the lists replace what was ticked). Needs
    /// `order:write` or `delivery:complete`; an item not on the dealer's list is 422 naming it;
    /// a cancelled or delivered order 409 `invalid_state`.
    pub async fn tick_checklists(
        &self,
        actor: &Actor,
        id: OrderId,
        input: ChecklistTicks,
    ) -> CoreResult<OrderView> {
        let permission = if actor.can(Permission::DeliveryComplete) {
            Permission::DeliveryComplete
        } else {
            Permission::OrderWrite
        };
        let now = self.now();
        let tx = self.db().begin().await?;
        let before = order_for(&*tx, actor, id, permission).await?;
        check_version(&before, input.version)?;
        require_status(
            &before,
            &[OrderStatus::Open, OrderStatus::Invoiced],
            "ticked",
        )?;
        let settings = crate::settings::view(&ensure_defaults(&*tx, actor, now).await?);
        let mut errors = FieldErrors::new();
        let mut after: order::Model = before.clone();
        if let Some(ticked) = &input.pdi_done {
            after.pdi_done =
                serde_json::json!(check("pdi_done", ticked, &settings.pdi_items, &mut errors));
        }
        if let Some(ticked) = &input.handover_done {
            after.handover_done = serde_json::json!(check(
                "handover_done",
                ticked,
                &settings.handover_items,
                &mut errors
            ));
        }
        errors.finish()?;
        let entry = AuditEntry::updated(&before, &after).with_action("order.checklists_ticked");
        let saved = audit::update_if_changed::<order::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            |e| CoreError::from_db("order", e),
        )
        .await?
        .unwrap_or(before);
        let view = views::view(&*tx, actor, &saved).await?;
        tx.commit().await?;
        Ok(view)
    }
}
