//! Registering and editing vehicles.

use super::input::{check_model_year, parse_plate, parse_vin};
use super::mileage::reading;
use super::{ParsedVehicle, VehicleInput, VehiclePatch, VehicleView};
use crate::Customers;
use crate::access::customer_for;
use crate::index::reindex;
use chrono::{Datelike, NaiveDate};
use forecourt_db::entities::{mileage_reading, vehicle, vehicle_ownership};
use forecourt_db::repo::{tenant, vehicles};
use forecourt_db::{ConnectionTrait, DbError};
use forecourt_domain::ids::{CustomerId, VehicleId};
use forecourt_domain::permission::Permission;
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::{Value, json};
use uuid::Uuid;

pub(super) fn summary(v: &vehicle::Model) -> Value {
    json!({
        "vehicle_id": v.id,
        "plate": v.plate,
        "vin": v.vin,
        "brand": v.brand,
        "series": v.series,
        "model": v.model,
    })
}

/// Inserts vehicles for a customer (or none), with their first ownership and mileage reading,
/// their audit rows and timeline entries. VINs already registered are refused field by field.
pub async fn insert_vehicles<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    customer_id: Option<Uuid>,
    parsed: Vec<(String, ParsedVehicle)>,
    today: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
) -> CoreResult<Vec<vehicle::Model>> {
    let scope = actor.scope();
    let vins: Vec<String> = parsed.iter().filter_map(|(_, p)| p.vin.clone()).collect();
    let taken = vehicles::with_vins(conn, scope, &vins).await?;
    if !taken.is_empty() {
        let errors: Vec<FieldError> = parsed
            .iter()
            .filter(|(_, p)| {
                p.vin
                    .as_ref()
                    .is_some_and(|vin| taken.iter().any(|t| t.vin.as_ref() == Some(vin)))
            })
            .map(|(field, _)| {
                FieldError::new(
                    format!("{field}vin"),
                    "taken",
                    "is already registered to a car; transfer that car instead",
                )
            })
            .collect();
        return Err(CoreError::Validation(errors));
    }
    let mut created = Vec::new();
    for (_, p) in parsed {
        let model = vehicle::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            vin: p.vin,
            vin_check_ok: p.vin_check_ok,
            plate: p.plate,
            catalog_model_id: p.catalog_model_id,
            brand: p.brand,
            series: p.series,
            model: p.model,
            colour: p.colour,
            model_year: p.model_year,
            purchase_date: p.purchase_date,
            bought_here: p.bought_here,
            owner_customer_id: customer_id,
            mileage_km: p.mileage_km,
            mileage_on: p.mileage_km.map(|_| today),
            notes: p.notes,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let vehicle = tenant::insert::<vehicle::Entity, _>(conn, scope, model.dealer_id, model)
            .await
            .map_err(CoreError::on_write("vehicle", "vin"))?;
        if let Some(customer_id) = customer_id {
            forecourt_db::repo::batched_insert::<vehicle_ownership::Entity, _>(
                conn,
                scope,
                vec![vehicle_ownership::Model {
                    id: Uuid::now_v7(),
                    dealer_id: vehicle.dealer_id,
                    vehicle_id: vehicle.id,
                    customer_id,
                    started_on: vehicle.purchase_date.or(Some(today)),
                    ended_on: None,
                    created_at: now,
                }],
            )
            .await?;
            timeline::record(
                conn,
                actor,
                vec![
                    TimelineEvent::new(customer_id, "vehicle.added", summary(&vehicle))
                        .about("vehicle", vehicle.id),
                ],
                now,
            )
            .await?;
        }
        if let Some(km) = vehicle.mileage_km {
            forecourt_db::repo::batched_insert::<mileage_reading::Entity, _>(
                conn,
                scope,
                vec![reading(actor, vehicle.id, km, today, "customer", now)],
            )
            .await?;
        }
        audit::record(conn, actor, AuditEntry::created(&vehicle), now).await?;
        created.push(vehicle);
    }
    Ok(created)
}

impl Customers<'_> {
    /// Registers a car, for a customer or (at dealer scope) without one.
    pub async fn create_vehicle(
        &self,
        actor: &Actor,
        customer_id: Option<CustomerId>,
        input: VehicleInput,
    ) -> CoreResult<VehicleView> {
        actor.require(Permission::VehicleCreate)?;
        let tx = self.db().begin().await?;
        let owner = match customer_id {
            Some(id) => Some(customer_for(&*tx, actor, id, Permission::CustomerRead).await?),
            None => None,
        };
        let mut errors = FieldErrors::new();
        let parsed = super::parse_vehicle(self, &*tx, actor, &mut errors, "", &input).await?;
        errors.finish()?;
        let now = self.now();
        let created = insert_vehicles(
            &*tx,
            actor,
            owner.as_ref().map(|c| c.id),
            vec![(String::new(), parsed)],
            self.today(actor),
            now,
        )
        .await?;
        if let Some(owner) = &owner {
            reindex(&*tx, actor.scope(), &[owner.id]).await?;
        }
        let view = self.vehicle_view(&*tx, actor, &created[0]).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Edits a vehicle's VIN, plate, catalog model, names, year, purchase and notes. Needs
    /// `vehicle.update` on its owner; a vehicle out of scope is 404, a stale `version` 409
    /// `version_conflict`, a VIN already registered 409 `already_exists`, bad input 422 on the
    /// field.
    pub async fn update_vehicle(
        &self,
        actor: &Actor,
        id: VehicleId,
        patch: VehiclePatch,
    ) -> CoreResult<VehicleView> {
        let tx = self.db().begin().await?;
        let before = self
            .vehicle_for(&*tx, actor, id, Permission::VehicleUpdate)
            .await?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict { entity: "vehicle" });
        }
        let mut after = before.clone();
        let mut errors = FieldErrors::new();
        if let Some(vin) = &patch.vin {
            let (vin, ok) = parse_vin(
                &mut errors,
                "vin",
                vin.as_deref(),
                patch.accept_vin_check_digit,
            );
            after.vin = vin;
            after.vin_check_ok = ok;
        }
        if let Some(plate) = &patch.plate {
            after.plate = parse_plate(&mut errors, "plate", plate.as_deref());
        }
        if let Some(model_id) = patch.catalog_model_id {
            match model_id {
                Some(model_id) => match super::input::catalog_names(&*tx, actor, model_id).await? {
                    Some((brand, series, model)) => {
                        after.catalog_model_id = Some(model_id.uuid());
                        after.brand = Some(brand);
                        after.series = Some(series);
                        after.model = Some(model);
                    }
                    None => errors.push(FieldError::new(
                        "catalog_model_id",
                        "unknown_model",
                        "is not a model of the catalog",
                    )),
                },
                None => after.catalog_model_id = None,
            }
        }
        for (field, value, target, max) in [
            ("brand", &patch.brand, &mut after.brand, 64),
            ("series", &patch.series, &mut after.series, 64),
            ("model", &patch.model, &mut after.model, 100),
            ("colour", &patch.colour, &mut after.colour, 32),
            ("notes", &patch.notes, &mut after.notes, 500),
        ] {
            if let Some(value) = value {
                *target = errors
                    .check(parse_optional_text(field, value.as_deref(), max))
                    .flatten();
            }
        }
        if let Some(year) = patch.model_year {
            after.model_year =
                check_model_year(&mut errors, "model_year", year, self.today(actor).year());
        }
        if let Some(date) = patch.purchase_date {
            after.purchase_date = date;
        }
        if let Some(here) = patch.bought_here {
            after.bought_here = here;
        }
        errors.finish()?;
        let entry = AuditEntry::updated(&before, &after);
        let now = self.now();
        let Some(updated) = audit::update_if_changed::<vehicle::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            |e| match e {
                DbError::UniqueViolation(_) => CoreError::AlreadyExists(FieldError::new(
                    "vin",
                    "taken",
                    "is already registered to a car",
                )),
                other => CoreError::from_db("vehicle", other),
            },
        )
        .await?
        else {
            return self.vehicle_view(&*tx, actor, &before).await;
        };
        if let Some(owner) = updated.owner_customer_id {
            reindex(&*tx, actor.scope(), &[owner]).await?;
        }
        let view = self.vehicle_view(&*tx, actor, &updated).await?;
        tx.commit().await?;
        Ok(view)
    }
}
