//! Transferring a vehicle to another customer; the previous owner's history stays.

use super::ops::summary;
use super::{TransferInput, VehicleView};
use crate::Customers;
use crate::access::customer_for;
use crate::index::reindex;
use forecourt_db::entities::{vehicle, vehicle_ownership};
use forecourt_db::repo::vehicles;
use forecourt_domain::FieldError;
use forecourt_domain::ids::VehicleId;
use forecourt_domain::permission::Permission;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use uuid::Uuid;

impl Customers<'_> {
    /// Gives the car to another customer; the previous owner's history stays.
    pub async fn transfer_vehicle(
        &self,
        actor: &Actor,
        id: VehicleId,
        input: TransferInput,
    ) -> CoreResult<VehicleView> {
        let tx = self.db().begin().await?;
        let before = self
            .vehicle_for(&*tx, actor, id, Permission::VehicleUpdate)
            .await?;
        if before.version != input.version {
            return Err(CoreError::VersionConflict { entity: "vehicle" });
        }
        let new_owner =
            customer_for(&*tx, actor, input.customer_id, Permission::CustomerRead).await?;
        if before.owner_customer_id == Some(new_owner.id) {
            return Err(CoreError::invalid(FieldError::new(
                "customer_id",
                "same_owner",
                "already owns this car",
            )));
        }
        let on = input.on.unwrap_or_else(|| self.today(actor));
        let now = self.now();
        vehicles::end_ownership(&*tx, actor.scope(), before.id, on).await?;
        forecourt_db::repo::batched_insert::<vehicle_ownership::Entity, _>(
            &*tx,
            actor.scope(),
            vec![vehicle_ownership::Model {
                id: Uuid::now_v7(),
                dealer_id: before.dealer_id,
                vehicle_id: before.id,
                customer_id: new_owner.id,
                started_on: Some(on),
                ended_on: None,
                created_at: now,
            }],
        )
        .await?;
        let mut after = before.clone();
        after.owner_customer_id = Some(new_owner.id);
        let entry = AuditEntry::updated(&before, &after);
        let updated =
            audit::save::<vehicle::Entity, _>(&*tx, actor, &before, after, entry, now, |e| {
                CoreError::from_db("vehicle", e)
            })
            .await?;
        let mut events = vec![
            TimelineEvent::new(new_owner.id, "vehicle.transferred_in", summary(&updated))
                .about("vehicle", updated.id),
        ];
        let mut touched = vec![new_owner.id];
        if let Some(old) = before.owner_customer_id {
            events.push(
                TimelineEvent::new(old, "vehicle.transferred_out", summary(&updated))
                    .about("vehicle", updated.id),
            );
            touched.push(old);
        }
        timeline::record(&*tx, actor, events, now).await?;
        reindex(&*tx, actor.scope(), &touched).await?;
        let view = self.vehicle_view(&*tx, actor, &updated).await?;
        tx.commit().await?;
        Ok(view)
    }
}
