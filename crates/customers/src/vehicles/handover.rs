//! What other modules do with a car inside their own transactions: hand a car from stock to
//! its buyer (one record per car for life: the VIN's vehicle row is created or given to them)
//! and take a traded-in car off its owner.

use super::ParsedVehicle;
use super::mileage::reading;
use super::ops::{insert_vehicles, summary};
use crate::index::reindex;
use chrono::{DateTime, NaiveDate, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{mileage_reading, vehicle, vehicle_ownership};
use forecourt_db::repo::vehicles;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use uuid::Uuid;

/// The car a buyer takes home.
#[derive(Clone, Debug)]
pub struct HandedOverCar {
    pub vin: String,
    pub catalog_model_id: Option<Uuid>,
    pub brand: Option<String>,
    pub series: Option<String>,
    pub model: Option<String>,
    pub colour: Option<String>,
    pub purchase_date: NaiveDate,
    pub odometer_km: i32,
}

/// Gives the car with this VIN to `customer_id`, bought here on `purchase_date` with a `sale`
/// mileage reading: creates its vehicle row or, if the dealer has one with this VIN already (a
/// car sold before and traded back in), gives that row to the customer, its history kept.
/// Writes the audit rows, the customer's timeline (`vehicle.added` or
/// `vehicle.transferred_in`) and the search index. The caller checked its own permissions.
pub async fn hand_over_vehicle_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    customer_id: Uuid,
    car: HandedOverCar,
    now: DateTime<Utc>,
) -> CoreResult<vehicle::Model> {
    let scope = actor.scope();
    let existing = vehicles::with_vins(conn, scope, std::slice::from_ref(&car.vin))
        .await?
        .into_iter()
        .next();
    let Some(before) = existing else {
        let parsed = ParsedVehicle {
            vin: Some(car.vin.clone()),
            vin_check_ok: true,
            plate: None,
            catalog_model_id: car.catalog_model_id,
            brand: car.brand.clone(),
            series: car.series.clone(),
            model: car.model.clone(),
            colour: car.colour.clone(),
            model_year: None,
            purchase_date: Some(car.purchase_date),
            bought_here: true,
            mileage_km: None,
            notes: None,
        };
        let mut created = insert_vehicles(
            conn,
            actor,
            Some(customer_id),
            vec![(String::new(), parsed)],
            car.purchase_date,
            now,
        )
        .await?;
        let created = created.remove(0);
        let with_km = record_sale_reading(conn, actor, created, &car, now).await?;
        reindex(conn, scope, &[customer_id]).await?;
        return Ok(with_km);
    };
    let previous_owner = before.owner_customer_id;
    vehicles::end_ownership(conn, scope, before.id, car.purchase_date).await?;
    forecourt_db::repo::batched_insert::<vehicle_ownership::Entity, _>(
        conn,
        scope,
        vec![vehicle_ownership::Model {
            id: Uuid::now_v7(),
            dealer_id: before.dealer_id,
            vehicle_id: before.id,
            customer_id,
            started_on: Some(car.purchase_date),
            ended_on: None,
            created_at: now,
        }],
    )
    .await?;
    let mut after = before.clone();
    after.owner_customer_id = Some(customer_id);
    after.purchase_date = Some(car.purchase_date);
    after.bought_here = true;
    if car.catalog_model_id.is_some() {
        after.catalog_model_id = car.catalog_model_id;
        after.brand = car.brand.clone();
        after.series = car.series.clone();
        after.model = car.model.clone();
    }
    if car.colour.is_some() {
        after.colour = car.colour.clone();
    }
    let entry = AuditEntry::updated(&before, &after);
    let saved = audit::save::<vehicle::Entity, _>(conn, actor, &before, after, entry, now, |e| {
        CoreError::from_db("vehicle", e)
    })
    .await?;
    timeline::record(
        conn,
        actor,
        vec![
            TimelineEvent::new(customer_id, "vehicle.transferred_in", summary(&saved))
                .about("vehicle", saved.id),
        ],
        now,
    )
    .await?;
    let saved = record_sale_reading(conn, actor, saved, &car, now).await?;
    let mut touched = vec![customer_id];
    touched.extend(previous_owner.filter(|o| *o != customer_id));
    reindex(conn, scope, &touched).await?;
    Ok(saved)
}

async fn record_sale_reading<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    before: vehicle::Model,
    car: &HandedOverCar,
    now: DateTime<Utc>,
) -> CoreResult<vehicle::Model> {
    forecourt_db::repo::batched_insert::<mileage_reading::Entity, _>(
        conn,
        actor.scope(),
        vec![reading(
            actor,
            before.id,
            car.odometer_km,
            car.purchase_date,
            "sale",
            now,
        )],
    )
    .await?;
    if before.mileage_on.is_some_and(|on| on > car.purchase_date) {
        return Ok(before);
    }
    let mut after = before.clone();
    after.mileage_km = Some(car.odometer_km);
    after.mileage_on = Some(car.purchase_date);
    let entry = AuditEntry::action("vehicle", "mileage_recorded", Some(before.id)).change(
        "mileage_km",
        before.mileage_km,
        car.odometer_km,
    );
    audit::save::<vehicle::Entity, _>(conn, actor, &before, after, entry, now, |e| {
        CoreError::from_db("vehicle", e)
    })
    .await
}

/// Takes a traded-in car off its owner on `on` (the dealer holds it now): ends the ownership,
/// clears the owner, writes the audit row, the owner's timeline (`vehicle.transferred_out`) and
/// the search index. The caller checked its own permissions.
pub async fn take_in_vehicle_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    before: &vehicle::Model,
    on: NaiveDate,
    now: DateTime<Utc>,
) -> CoreResult<vehicle::Model> {
    let Some(owner) = before.owner_customer_id else {
        return Ok(before.clone());
    };
    vehicles::end_ownership(conn, actor.scope(), before.id, on).await?;
    let mut after = before.clone();
    after.owner_customer_id = None;
    let entry = AuditEntry::updated(before, &after);
    let saved = audit::save::<vehicle::Entity, _>(conn, actor, before, after, entry, now, |e| {
        CoreError::from_db("vehicle", e)
    })
    .await?;
    timeline::record(
        conn,
        actor,
        vec![
            TimelineEvent::new(owner, "vehicle.transferred_out", summary(&saved))
                .about("vehicle", saved.id),
        ],
        now,
    )
    .await?;
    reindex(conn, actor.scope(), &[owner]).await?;
    Ok(saved)
}
