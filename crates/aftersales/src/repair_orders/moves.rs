//! Moving a repair order through the workshop (work → quality check → ready, back to work,
//! or cancelled before any work) and the pickup: the out odometer, the payment of exactly the
//! customer's bill, and the customer's timeline.

use super::types::{ODOMETER_MAX_KM, PAID_MAX_FEN, RepairMove, RepairOrderView, RepairPickup};
use super::{ENTITY, check_version, order_in_dealer, views};
use crate::AfterSales;
use forecourt_customers::vehicles::record_reading_in;
use forecourt_db::entities::{repair_order, vehicle};
use forecourt_db::repo::{repair_orders, tenant};
use forecourt_domain::aftersales::repair::RepairStatus;
use forecourt_domain::ids::RepairOrderId;
use forecourt_domain::permission::Permission;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::json;

impl AfterSales<'_> {
    /// Moves an order by hand, as its state allows: opened → in progress, in progress →
    /// quality check (质检) → ready, quality check → back in progress (it failed), opened →
    /// cancelled. Quality check and ready need every labour line done and nobody clocked on
    /// (409 `invalid_state`). Pickup has its own call. Needs `service:write`; a stale
    /// `version` is 409 `version_conflict`.
    pub async fn move_repair_order(
        &self,
        actor: &Actor,
        id: RepairOrderId,
        change: RepairMove,
    ) -> CoreResult<RepairOrderView> {
        let tx = self.db().begin().await?;
        let before = order_in_dealer(&*tx, actor, id).await?;
        actor.require(Permission::ServiceWrite)?;
        check_version(&before, change.version)?;
        let from = views::status_of(&before);
        let to = change.to;
        if !from.may_move_to(to) {
            return Err(CoreError::invalid_state(format!(
                "a repair order {} cannot become {}",
                from.as_str(),
                to.as_str()
            )));
        }
        let scope = actor.scope();
        if matches!(to, RepairStatus::QualityCheck | RepairStatus::Ready) {
            let labour = repair_orders::labour_of(&*tx, scope, &[before.id]).await?;
            let open = labour.iter().filter(|l| l.status != "done").count();
            if open > 0 {
                return Err(CoreError::invalid_state(format!(
                    "{open} labour line(s) are not done"
                )));
            }
            if !repair_orders::open_clocks_of_order(&*tx, scope, before.id)
                .await?
                .is_empty()
            {
                return Err(CoreError::invalid_state(
                    "a technician is still clocked on this order",
                ));
            }
        }
        let now = self.now();
        let mut after = before.clone();
        after.status = to.as_str().to_owned();
        if to == RepairStatus::Ready {
            after.ready_at = Some(now);
        }
        let entry = AuditEntry::updated(&before, &after).with_action("repair_order.moved");
        let moved =
            audit::save::<repair_order::Entity, _>(&*tx, actor, &before, after, entry, now, |e| {
                CoreError::from_db(ENTITY, e)
            })
            .await?;
        let view = views::order_view(&*tx, actor, moved).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Hands a `ready` car back (交车): the odometer out (a `service` mileage reading, never
    /// lower than an earlier one: 422 naming `odometer_out_km`), what the customer paid —
    /// exactly their bill, the lines they pay (warranty lines never on it), else 422 naming
    /// `paid_fen` — and how. The order becomes `picked_up`; `repair_order.picked_up` goes on
    /// the customer's timeline, and the car's next service is computed again. Needs
    /// `service:write`; any other state is 409 `invalid_state`,
    /// a stale `version` 409 `version_conflict`.
    pub async fn pick_up_repair_order(
        &self,
        actor: &Actor,
        id: RepairOrderId,
        pickup: RepairPickup,
    ) -> CoreResult<RepairOrderView> {
        let tx = self.db().begin().await?;
        let before = order_in_dealer(&*tx, actor, id).await?;
        actor.require(Permission::ServiceWrite)?;
        check_version(&before, pickup.version)?;
        if views::status_of(&before) != RepairStatus::Ready {
            return Err(CoreError::invalid_state(format!(
                "a car is picked up when its order is ready, not {}",
                before.status
            )));
        }
        let scope = actor.scope();
        let labour = repair_orders::labour_of(&*tx, scope, &[before.id]).await?;
        let parts = repair_orders::parts_of(&*tx, scope, &[before.id]).await?;
        let owed = views::customer_total(&labour, &parts);
        let mut errors = FieldErrors::new();
        if !(0..=ODOMETER_MAX_KM).contains(&i64::from(pickup.odometer_out_km)) {
            errors.push(FieldError::new(
                "odometer_out_km",
                "out_of_range",
                "must be 0–2,000,000 km",
            ));
        } else if pickup.odometer_out_km < before.odometer_in_km {
            errors.push(
                FieldError::new(
                    "odometer_out_km",
                    "below_earlier_reading",
                    "is lower than the odometer on arrival",
                )
                .with_param("km", before.odometer_in_km),
            );
        }
        if !(0..=PAID_MAX_FEN).contains(&pickup.paid_fen) || pickup.paid_fen != owed {
            errors.push(
                FieldError::new(
                    "paid_fen",
                    "not_the_bill",
                    "must be exactly the customer's bill",
                )
                .with_param("bill_fen", owed),
            );
        }
        errors.finish()?;
        let now = self.now();
        let car = tenant::find::<vehicle::Entity, _>(&*tx, scope, before.vehicle_id)
            .await?
            .ok_or(CoreError::not_found("vehicle"))?;
        let car = record_reading_in(
            &*tx,
            actor,
            car,
            "odometer_out_km",
            pickup.odometer_out_km,
            self.today(actor),
            "service",
            now,
        )
        .await?;
        let mut after = before.clone();
        after.status = RepairStatus::PickedUp.as_str().to_owned();
        after.odometer_out_km = Some(pickup.odometer_out_km);
        after.paid_fen = Some(pickup.paid_fen);
        after.payment_method = Some(pickup.payment_method.as_str().to_owned());
        after.picked_up_at = Some(now);
        let entry = AuditEntry::updated(&before, &after).with_action("repair_order.picked_up");
        let saved =
            audit::save::<repair_order::Entity, _>(&*tx, actor, &before, after, entry, now, |e| {
                CoreError::from_db(ENTITY, e)
            })
            .await?;
        // The car's next service follows from its new reading (and a maintenance done).
        crate::due::refresh_vehicle_in(&*tx, actor, car.id, now).await?;
        let data = json!({
            "repair_order_id": saved.id,
            "number": saved.number,
            "vehicle_id": car.id,
            "plate": car.plate,
            "maintenance": saved.maintenance,
            "odometer_km": pickup.odometer_out_km,
            "paid_fen": pickup.paid_fen,
        });
        timeline::record(
            &*tx,
            actor,
            vec![
                TimelineEvent::new(saved.customer_id, "repair_order.picked_up", data)
                    .about("repair_order", saved.id),
            ],
            now,
        )
        .await?;
        let view = views::order_view(&*tx, actor, saved).await?;
        tx.commit().await?;
        Ok(view)
    }
}
