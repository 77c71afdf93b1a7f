//! Each car's next service (`service_dues`), kept current: computed from the car's own readings
//! (its driving rate), its last maintenance (a picked-up repair order marked `maintenance`) or
//! its purchase, and the plan of its model (else the dealer's default) — see
//! [`forecourt_domain::aftersales::due`]. Recomputed when a repair order is picked up
//! ([`refresh_vehicle_in`]), on demand for one car, and for every car by the daily
//! `aftersales.service_due` job. The due list and the reminders read the rows.

pub mod list;
pub mod reminders;

use crate::AfterSales;
use crate::AfterSalesExt as _;
use crate::plans::{plan_for, plan_of};
use crate::settings::ensure_defaults;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{
    maintenance_plan, mileage_reading, repair_order, service_due, vehicle,
};
use forecourt_db::repo::{service, tenant, vehicles};
use forecourt_domain::aftersales::due::{History, next_due};
use forecourt_domain::aftersales::mileage::{Reading, daily_rate};
use forecourt_domain::time_zone::DealerTimeZone;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::jobs::{JobContext, JobRegistry};
use std::collections::HashMap;
use uuid::Uuid;

/// The daily job recomputing every car's next service.
pub const REFRESH_JOB: &str = "aftersales.service_due";
/// How many cars one transaction of the daily job recomputes.
const BATCH: u64 = 500;

pub fn register_jobs(registry: &mut JobRegistry) {
    registry.register(REFRESH_JOB, |ctx: JobContext| async move {
        ctx.app.aftersales().refresh_service_dues().await?;
        Ok(())
    });
}

/// What a car's next service is computed from, besides the car itself.
pub(crate) struct DueContext {
    plans: Vec<maintenance_plan::Model>,
    fallback_km_per_year: i32,
    zone: DealerTimeZone,
}

impl DueContext {
    pub(crate) async fn load<C: ConnectionTrait>(
        conn: &C,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> CoreResult<Self> {
        let settings = ensure_defaults(conn, actor, now).await?;
        Ok(Self {
            plans: service::plans(conn, actor.scope()).await?,
            fallback_km_per_year: settings.fallback_km_per_year,
            zone: actor.time_zone(),
        })
    }

    /// The due row of `car`, or none when nothing dates it (or no plan applies).
    fn compute(
        &self,
        car: &vehicle::Model,
        readings: &[&mileage_reading::Model],
        last_service: Option<&repair_order::Model>,
        now: DateTime<Utc>,
    ) -> Option<service_due::Model> {
        let plan_row = plan_for(&self.plans, car.catalog_model_id)?;
        let readings: Vec<Reading> = readings
            .iter()
            .map(|r| Reading {
                on: r.read_on,
                km: r.km,
            })
            .collect();
        let rate = daily_rate(&readings, self.fallback_km_per_year);
        let latest = readings.iter().max_by_key(|r| (r.on, r.km)).copied();
        let last_service = last_service.and_then(|ro| {
            let at = ro.picked_up_at?;
            Some(Reading {
                on: self.zone.local_date(at),
                km: ro.odometer_out_km.unwrap_or(ro.odometer_in_km),
            })
        });
        let history = History {
            last_service,
            purchased_on: car.purchase_date,
            latest,
            today: self.zone.local_date(now),
        };
        let due = next_due(&plan_of(plan_row), &history, rate)?;
        Some(service_due::Model {
            id: Uuid::now_v7(),
            dealer_id: car.dealer_id,
            vehicle_id: car.id,
            customer_id: car.owner_customer_id,
            plan_id: Some(plan_row.id),
            last_service_on: last_service.map(|r| r.on),
            last_service_km: last_service.map(|r| r.km),
            due_on: due.on,
            due_km: due.km,
            due_by: due.by.as_str().to_owned(),
            first_service: due.first,
            metres_per_day: rate.metres_per_day,
            rate_estimated: rate.estimated,
            reminded_for: None,
            computed_at: now,
        })
    }

    /// Recomputes the due rows of `cars` (one query per kind of record, never per car).
    async fn refresh<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        cars: &[vehicle::Model],
        now: DateTime<Utc>,
    ) -> CoreResult<usize> {
        let ids: Vec<Uuid> = cars.iter().map(|c| c.id).collect();
        let readings = vehicles::readings_of(conn, actor.scope(), &ids).await?;
        let services = service::last_maintenance(conn, actor.scope(), &ids).await?;
        let services: HashMap<Uuid, &repair_order::Model> =
            services.iter().map(|ro| (ro.vehicle_id, ro)).collect();
        let mut rows = Vec::new();
        let mut gone = Vec::new();
        for car in cars {
            let own: Vec<&mileage_reading::Model> =
                readings.iter().filter(|r| r.vehicle_id == car.id).collect();
            match self.compute(car, &own, services.get(&car.id).copied(), now) {
                Some(row) => rows.push(row),
                None => gone.push(car.id),
            }
        }
        let count = rows.len();
        service::upsert_dues(conn, actor.scope(), rows).await?;
        service::delete_dues(conn, actor.scope(), &gone).await?;
        Ok(count)
    }
}

/// Recomputes one car's next service inside the caller's write transaction (a pickup, a
/// reading): the car's due row is replaced, or removed when nothing dates it.
pub async fn refresh_vehicle_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    vehicle_id: Uuid,
    now: DateTime<Utc>,
) -> CoreResult<Option<service_due::Model>> {
    let car = tenant::find::<vehicle::Entity, _>(conn, actor.scope(), vehicle_id)
        .await?
        .ok_or(CoreError::not_found("vehicle"))?;
    let context = DueContext::load(conn, actor, now).await?;
    context.refresh(conn, actor, &[car], now).await?;
    Ok(service::due_of(conn, actor.scope(), vehicle_id).await?)
}

impl AfterSales<'_> {
    /// Recomputes every car's next service in every dealer (the daily job); how many cars
    /// have a due day.
    pub async fn refresh_service_dues(&self) -> CoreResult<usize> {
        let mut count = 0;
        for dealer in self.all_dealers().await? {
            let actor = self.system_actor(dealer.id).await?;
            count += self.refresh_dealer_dues(&actor).await?;
        }
        Ok(count)
    }

    /// Recomputes every car's next service in the actor's dealer, a batch of cars per
    /// transaction; how many cars have a due day.
    pub async fn refresh_dealer_dues(&self, actor: &Actor) -> CoreResult<usize> {
        let mut after = None;
        let mut count = 0;
        loop {
            let now = self.now();
            let tx = self.db().begin().await?;
            let cars = service::owned_vehicles_after(&*tx, actor.scope(), after, BATCH).await?;
            let Some(last) = cars.last() else {
                tx.commit().await?;
                return Ok(count);
            };
            after = Some(last.id);
            let context = DueContext::load(&*tx, actor, now).await?;
            count += context.refresh(&*tx, actor, &cars, now).await?;
            tx.commit().await?;
        }
    }
}
