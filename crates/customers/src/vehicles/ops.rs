//! Registering, editing and transferring vehicles, and recording their mileage.

use super::input::{MILEAGE_SOURCES, check_mileage, check_model_year, parse_plate, parse_vin};
use super::{
    MileageInput, ParsedVehicle, TransferInput, VehicleInput, VehiclePatch, VehicleQuery,
    VehicleView,
};
use crate::Customers;
use crate::access::{customer_for, owner_teams, reaches};
use crate::index::reindex;
use crate::views::masked_name;
use chrono::{Datelike, NaiveDate};
use forecourt_db::entities::{customer, mileage_reading, vehicle, vehicle_ownership};
use forecourt_db::repo::vehicles::VehicleFilter;
use forecourt_db::repo::{customers, tenant, vehicles};
use forecourt_db::{ConnectionTrait, DbError};
use forecourt_domain::ids::{CustomerId, VehicleId};
use forecourt_domain::permission::Permission;
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::paging::{Paged, page_or_bad_cursor, page_request};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::{Value, json};
use uuid::Uuid;

fn summary(v: &vehicle::Model) -> Value {
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

fn reading(
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

impl Customers<'_> {
    /// The vehicle, if the actor may act on it with `permission` (through its owner).
    pub async fn vehicle_for<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        id: VehicleId,
        permission: Permission,
    ) -> CoreResult<vehicle::Model> {
        let found = forecourt_kernel::access::find_in_dealer::<vehicle::Entity, _>(
            conn,
            actor,
            id.uuid(),
            "vehicle",
        )
        .await?;
        actor.require(permission)?;
        let visible = match found.owner_customer_id {
            Some(owner) => {
                match tenant::find::<customer::Entity, _>(conn, actor.scope(), owner).await? {
                    Some(customer) => {
                        let owners = owner_teams(conn, actor, customer.owner_id).await?;
                        reaches(actor, Permission::VehicleRead, &customer, &owners)
                            && reaches(actor, permission, &customer, &owners)
                    }
                    None => false,
                }
            }
            None => actor
                .grants()
                .scope(permission)
                .is_some_and(|s| s >= forecourt_domain::permission::Scope::Dealer),
        };
        if visible {
            Ok(found)
        } else {
            Err(CoreError::not_found("vehicle"))
        }
    }

    pub async fn list_vehicles(
        &self,
        actor: &Actor,
        query: VehicleQuery,
    ) -> CoreResult<Paged<VehicleView>> {
        let reach = actor.reach(Permission::VehicleRead)?;
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let filter = VehicleFilter {
            brand: query.brand,
            owner_customer_id: query.customer_id.map(CustomerId::uuid),
            bought_here: query.bought_here,
            q: query.q,
        };
        let conn = self.db().conn();
        let rows =
            page_or_bad_cursor(vehicles::list(conn, actor.scope(), reach, &filter, &page).await?)?;
        Ok(Paged::from_page(rows, |v| VehicleView::new(&v, &[])))
    }

    /// A vehicle with its mileage readings and owners over time.
    pub async fn get_vehicle(&self, actor: &Actor, id: VehicleId) -> CoreResult<VehicleView> {
        let conn = self.db().conn();
        let v = self
            .vehicle_for(conn, actor, id, Permission::VehicleRead)
            .await?;
        self.vehicle_view(conn, actor, &v).await
    }

    async fn vehicle_view<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        v: &vehicle::Model,
    ) -> CoreResult<VehicleView> {
        let readings = vehicles::readings_of(conn, actor.scope(), &[v.id]).await?;
        let ownerships = vehicles::ownerships_of(conn, actor.scope(), &[v.id]).await?;
        let ids: Vec<Uuid> = ownerships.iter().map(|o| o.customer_id).collect();
        let owners_of_record = customers::find_many(conn, actor.scope(), &ids).await?;
        let teams = owner_teams(
            conn,
            actor,
            owners_of_record.iter().filter_map(|c| c.owner_id),
        )
        .await?;
        let names: std::collections::HashMap<Uuid, String> = owners_of_record
            .iter()
            .map(|c| {
                let name = if reaches(actor, Permission::CustomerRead, c, &teams) {
                    c.name.clone()
                } else {
                    masked_name(&c.name)
                };
                (c.id, name)
            })
            .collect();
        Ok(
            VehicleView::new(v, &readings).with_ownerships(&ownerships, |id| {
                names.get(&id).cloned().unwrap_or_default()
            }),
        )
    }

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

    /// Records an odometer reading; the latest reading is the car's mileage.
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
        forecourt_db::repo::batched_insert::<mileage_reading::Entity, _>(
            &*tx,
            actor.scope(),
            vec![reading(actor, before.id, km, read_on, &source, now)],
        )
        .await?;
        let mut after = before.clone();
        if before.mileage_on.is_none_or(|on| read_on >= on) {
            after.mileage_km = Some(km);
            after.mileage_on = Some(read_on);
        }
        let updated = tenant::update::<vehicle::Entity, _>(
            &*tx,
            actor.scope(),
            before.id,
            after,
            before.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("vehicle", e))?;
        let entry = AuditEntry::action("vehicle", "mileage_recorded", Some(before.id)).change(
            "mileage_km",
            before.mileage_km,
            km,
        );
        audit::record(&*tx, actor, entry, now).await?;
        if let Some(owner) = updated.owner_customer_id {
            let data = json!({"vehicle_id": updated.id, "plate": updated.plate, "km": km, "read_on": read_on, "source": source});
            timeline::record(
                &*tx,
                actor,
                vec![
                    TimelineEvent::new(owner, "mileage.recorded", data)
                        .about("vehicle", updated.id),
                ],
                now,
            )
            .await?;
        }
        let view = self.vehicle_view(&*tx, actor, &updated).await?;
        tx.commit().await?;
        Ok(view)
    }

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
        let updated = tenant::update::<vehicle::Entity, _>(
            &*tx,
            actor.scope(),
            before.id,
            after,
            before.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("vehicle", e))?;
        audit::record(&*tx, actor, AuditEntry::updated(&before, &updated), now).await?;
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
