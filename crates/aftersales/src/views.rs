//! What the after-sales views share: a car as the service desk names it, and its owner as a
//! customer row (phone masked per role).

use forecourt_customers::CustomerRow;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{customer, vehicle};
use forecourt_db::repo::tenant;
use forecourt_domain::ids::VehicleId;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// A car, as the service desk names it.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CarView {
    pub id: VehicleId,
    pub plate: Option<String>,
    pub vin: Option<String>,
    /// Brand, series and model in words.
    pub description: String,
    /// The latest odometer reading, km.
    pub mileage_km: Option<i32>,
}

/// The view of a vehicle row.
pub fn car_view(v: &vehicle::Model) -> CarView {
    let description = [&v.brand, &v.series, &v.model]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ");
    CarView {
        id: VehicleId::from_uuid(v.id),
        plate: v.plate.clone(),
        vin: v.vin.clone(),
        description,
        mileage_km: v.mileage_km,
    }
}

/// The cars and the customers a page names, each fetched once.
pub struct Named {
    pub cars: HashMap<Uuid, CarView>,
    pub customers: HashMap<Uuid, CustomerRow>,
}

impl Named {
    /// Loads the cars `vehicle_ids` and the customers `customer_ids` (one query per kind).
    pub async fn load<C: ConnectionTrait>(
        conn: &C,
        actor: &Actor,
        vehicle_ids: &[Uuid],
        customer_ids: &[Uuid],
    ) -> CoreResult<Self> {
        let cars = tenant::find_many::<vehicle::Entity, _>(conn, actor.scope(), vehicle_ids)
            .await?
            .iter()
            .map(|v| (v.id, car_view(v)))
            .collect();
        let found =
            tenant::find_many::<customer::Entity, _>(conn, actor.scope(), customer_ids).await?;
        let customers = forecourt_customers::customer_rows(conn, actor, &found)
            .await?
            .into_iter()
            .map(|row| (row.id.uuid(), row))
            .collect();
        Ok(Self { cars, customers })
    }
}
