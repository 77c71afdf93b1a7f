//! Calling an appointment off, and recording that the customer did not come (未到店).

use super::types::AppointmentVersion;
use super::{AppointmentView, CANCELLED_KIND, NO_SHOW_KIND, views};
use crate::AfterSales;
use forecourt_db::entities::service_appointment;
use forecourt_domain::permission::Permission;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::json;
use uuid::Uuid;

impl AfterSales<'_> {
    async fn close_appointment(
        &self,
        actor: &Actor,
        id: Uuid,
        input: AppointmentVersion,
        to: &str,
        kind: &'static str,
    ) -> CoreResult<AppointmentView> {
        let now = self.now();
        let today = self.today(actor);
        let tx = self.db().begin().await?;
        let before = forecourt_kernel::access::find_in_dealer::<service_appointment::Entity, _>(
            &*tx,
            actor,
            id,
            "service_appointment",
        )
        .await?;
        actor.require(Permission::ServiceWrite)?;
        if before.status != "booked" {
            return Err(CoreError::invalid_state(
                "only a booked appointment can be cancelled or marked a no-show",
            ));
        }
        if to == "no_show" && before.on_date > today {
            return Err(CoreError::invalid_state(
                "a no-show is recorded on or after the appointment's day",
            ));
        }
        if before.version != input.version {
            return Err(CoreError::VersionConflict {
                entity: "service_appointment",
            });
        }
        let mut after = before.clone();
        after.status = to.to_owned();
        let entry = AuditEntry::updated(&before, &after);
        let saved = audit::save::<service_appointment::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            |e| CoreError::from_db("service_appointment", e),
        )
        .await?;
        let data = json!({"appointment_id": saved.id, "vehicle_id": saved.vehicle_id, "on_date": saved.on_date});
        timeline::record(
            &*tx,
            actor,
            vec![
                TimelineEvent::new(saved.customer_id, kind, data)
                    .about("vehicle", saved.vehicle_id),
            ],
            now,
        )
        .await?;
        let view = views(&*tx, actor, std::slice::from_ref(&saved))
            .await?
            .remove(0);
        tx.commit().await?;
        Ok(view)
    }

    /// Calls a booked appointment off (its capacity is freed, its reminder not sent). Needs
    /// `service:write`; 409 `invalid_state` unless booked; stale `version` 409.
    pub async fn cancel_appointment(
        &self,
        actor: &Actor,
        id: Uuid,
        input: AppointmentVersion,
    ) -> CoreResult<AppointmentView> {
        self.close_appointment(actor, id, input, "cancelled", CANCELLED_KIND)
            .await
    }

    /// Records that the customer did not come, on or after the day. Needs `service:write`;
    /// 409 `invalid_state` unless booked and its day has come.
    pub async fn record_no_show(
        &self,
        actor: &Actor,
        id: Uuid,
        input: AppointmentVersion,
    ) -> CoreResult<AppointmentView> {
        self.close_appointment(actor, id, input, "no_show", NO_SHOW_KIND)
            .await
    }
}
