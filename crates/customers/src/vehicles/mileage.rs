//! Recording a vehicle's mileage: odometer readings, the latest being the car's mileage.

use super::input::{MILEAGE_SOURCES, check_mileage};
use super::{MileageInput, VehicleView};
use crate::Customers;
use chrono::NaiveDate;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{mileage_reading, vehicle};
use forecourt_db::repo::{locks, tenant, vehicles};
use forecourt_domain::aftersales::mileage::{Reading, ReadingConflict, check_reading};
use forecourt_domain::ids::VehicleId;
use forecourt_domain::permission::Permission;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::json;
use uuid::Uuid;

pub(super) fn reading(
    actor: &Actor,
    vehicle_id: Uuid,
    km: i32,
    read_on: NaiveDate,
    source: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> mileage_reading::Model {
    mileage_reading::Model {
        id: Uuid::now_v7(),
        dealer_id: actor.dealer_id().uuid(),
        vehicle_id,
        read_on,
        km,
        source: source.to_owned(),
        recorded_by: Some(actor.user_id().uuid()).filter(|u| !u.is_nil()),
        created_at: now,
    }
}

/// Records an odometer reading of `before` inside the caller's write transaction: refused (422
/// on `field`) when lower than a reading taken on or before its day (`below_earlier_reading`)
/// or higher than one taken after it (`above_later_reading`), so a back-dated reading between
/// two valid ones is accepted. The latest reading becomes the car's mileage; the reading is
/// audited and goes on the owner's timeline. Readings of one car are taken one at a time (a
/// lock on the car), so readings at once never conflict. The caller checked its own
/// permissions.
#[allow(clippy::too_many_arguments)]
pub async fn record_reading_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    before: vehicle::Model,
    field: &str,
    km: i32,
    read_on: NaiveDate,
    source: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> CoreResult<vehicle::Model> {
    let key = before.id.to_string();
    locks::lock_keys(conn, actor.scope(), &[("vehicle", key.as_str())]).await?;
    // The car as it is now that its readings are ours: another reading may have landed since
    // the caller read it (two orders opened for one car at once), and that is no conflict.
    let before = tenant::find::<vehicle::Entity, _>(conn, actor.scope(), before.id)
        .await?
        .ok_or(CoreError::NotFound { entity: "vehicle" })?;
    let kept: Vec<Reading> = vehicles::readings_of(conn, actor.scope(), &[before.id])
        .await?
        .into_iter()
        .map(|r| Reading {
            on: r.read_on,
            km: r.km,
        })
        .collect();
    if let Err(conflict) = check_reading(&kept, Reading { on: read_on, km }) {
        let (code, message, other) = match conflict {
            ReadingConflict::BelowEarlier(r) => (
                "below_earlier_reading",
                "is lower than an earlier reading",
                r,
            ),
            ReadingConflict::AboveLater(r) => {
                ("above_later_reading", "is higher than a later reading", r)
            }
        };
        return Err(CoreError::from(
            FieldError::new(field, code, message)
                .with_param("km", other.km)
                .with_param("read_on", other.on.to_string()),
        ));
    }
    forecourt_db::repo::batched_insert::<mileage_reading::Entity, _>(
        conn,
        actor.scope(),
        vec![reading(actor, before.id, km, read_on, source, now)],
    )
    .await?;
    let mut after = before.clone();
    if before.mileage_on.is_none_or(|on| read_on >= on) {
        after.mileage_km = Some(km);
        after.mileage_on = Some(read_on);
    }
    let entry = AuditEntry::action("vehicle", "mileage_recorded", Some(before.id)).change(
        "mileage_km",
        before.mileage_km,
        km,
    );
    let updated = audit::save::<vehicle::Entity, _>(conn, actor, &before, after, entry, now, |e| {
        CoreError::from_db("vehicle", e)
    })
    .await?;
    if let Some(owner) = updated.owner_customer_id {
        let data = json!({"vehicle_id": updated.id, "plate": updated.plate, "km": km, "read_on": read_on, "source": source});
        timeline::record(
            conn,
            actor,
            vec![TimelineEvent::new(owner, "mileage.recorded", data).about("vehicle", updated.id)],
            now,
        )
        .await?;
    }
    Ok(updated)
}

impl Customers<'_> {
    /// Records an odometer reading; the latest reading is the car's mileage. A reading lower
    /// than one taken on or before its day, or higher than one taken after it, is 422 on `km`.
    pub async fn record_mileage(
        &self,
        actor: &Actor,
        id: VehicleId,
        input: MileageInput,
    ) -> CoreResult<VehicleView> {
        let tx = self.db().begin().await?;
        let before = self
            .vehicle_for(&*tx, actor, id, Permission::VehicleUpdate)
            .await?;
        let today = self.today(actor);
        let mut errors = FieldErrors::new();
        let km = check_mileage(&mut errors, "km", Some(input.km));
        let read_on = input.read_on.unwrap_or(today);
        if read_on > today {
            errors.push(FieldError::new(
                "read_on",
                "must_be_past",
                "cannot be in the future",
            ));
        }
        let source = input.source.unwrap_or_else(|| "customer".to_owned());
        if !MILEAGE_SOURCES.contains(&source.as_str()) {
            errors.push(FieldError::new(
                "source",
                "invalid_value",
                "must be service, customer, inspection, sale or import",
            ));
        }
        errors.finish()?;
        let km = km.unwrap_or_default();
        let now = self.now();
        let updated =
            record_reading_in(&*tx, actor, before, "km", km, read_on, &source, now).await?;
        let view = self.vehicle_view(&*tx, actor, &updated).await?;
        tx.commit().await?;
        Ok(view)
    }
}
