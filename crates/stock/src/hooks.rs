//! What the orders module calls inside its own write transaction: reserve a unit for an order
//! ([`allocate_in`]), release it ([`release_in`]), mark it sold ([`mark_sold_in`]), hand it
//! over to its buyer ([`deliver_in`]: the unit becomes the customer's vehicle, one record per
//! car for life), and find an order's unit ([`unit_for_order`]).
//!
//! These check no permission of their own: the calling use case has checked the actor's right
//! to work the order. Another dealer's unit is 404 (`stock_unit`).

use chrono::{DateTime, NaiveDate, Utc};
use forecourt_customers::vehicles::{HandedOverCar, hand_over_vehicle_in};
use forecourt_db::entities::stock_unit_event;
use forecourt_db::entities::{catalog_brand, catalog_model, catalog_series, customer, stock_unit};
use forecourt_db::repo::{stock, tenant};
use forecourt_db::{ConnectionTrait, DbError, DealerScope};
use forecourt_domain::FieldError;
use forecourt_domain::ids::{CustomerId, StockUnitId, VehicleId};
use forecourt_domain::stock::StockStatus;
use forecourt_kernel::access::find_in_dealer;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::{Value, json};
use uuid::Uuid;

/// The entity name of a unit in errors and the audit log.
pub const ENTITY: &str = "stock_unit";

/// The customer timeline kind of a delivery.
pub const DELIVERED_KIND: &str = "stock.delivered";

pub(crate) fn status_of(unit: &stock_unit::Model) -> CoreResult<StockStatus> {
    unit.status
        .parse()
        .map_err(|()| CoreError::Internal(anyhow::anyhow!("unknown stock status {}", unit.status)))
}

pub(crate) async fn unit_in_dealer<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: StockUnitId,
) -> CoreResult<stock_unit::Model> {
    find_in_dealer::<stock_unit::Entity, C>(conn, actor, id.uuid(), ENTITY).await
}

/// Records a unit's move in its history and the audit log.
pub(crate) async fn record_move<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    unit_id: Uuid,
    from: Option<StockStatus>,
    to: StockStatus,
    order_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    stock::insert_event(
        conn,
        actor.scope(),
        stock_unit_event::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            unit_id,
            from_status: from.map(|s| s.as_str().to_owned()),
            to_status: to.as_str().to_owned(),
            order_id,
            actor_id: Some(actor.user_id().uuid()).filter(|u| !u.is_nil()),
            at: now,
        },
    )
    .await?;
    if from.is_some() {
        let mut entry = AuditEntry::action(ENTITY, "moved", Some(unit_id)).change(
            "status",
            from.map(StockStatus::as_str),
            to.as_str(),
        );
        if let Some(order) = order_id {
            entry = entry.change("order_id", Value::Null, order.to_string());
        }
        audit::record(conn, actor, entry, now).await?;
    }
    Ok(())
}

fn not_movable(unit: &stock_unit::Model, to: StockStatus) -> CoreError {
    CoreError::invalid_state(format!(
        "stock unit {} is {} and cannot become {to}",
        unit.vin, unit.status
    ))
}

/// Moves a unit from its current status to `to` by a conditional update (only if nobody moved
/// it meanwhile), with its history and audit row; 409 `invalid_state` when the move is not
/// legal or the unit moved meanwhile.
pub(crate) async fn move_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    unit: &stock_unit::Model,
    to: StockStatus,
    order_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> CoreResult<stock_unit::Model> {
    let from = status_of(unit)?;
    if !from.may_become(to) {
        return Err(not_movable(unit, to));
    }
    let moved = stock::move_status(
        conn,
        actor.scope(),
        unit.id,
        from.as_str(),
        to.as_str(),
        order_id,
        now,
    )
    .await?;
    if !moved {
        return Err(not_movable(unit, to));
    }
    record_move(conn, actor, unit.id, Some(from), to, order_id, now).await?;
    reload(conn, actor.scope(), unit.id).await
}

async fn reload<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    id: Uuid,
) -> CoreResult<stock_unit::Model> {
    tenant::find::<stock_unit::Entity, C>(conn, scope, id)
        .await?
        .ok_or(CoreError::not_found(ENTITY))
}

/// Reserves the unit for `order_id`, in the caller's transaction. The database decides
/// between concurrent allocations: the unit moves only if it is in stock and held by no order
/// (one wins, the others get 409 `invalid_state`), and an order holds at most one unit (409
/// `invalid_state`). 404 when the unit is not the dealer's.
pub async fn allocate_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    unit_id: StockUnitId,
    order_id: Uuid,
    now: DateTime<Utc>,
) -> CoreResult<stock_unit::Model> {
    let unit = unit_in_dealer(conn, actor, unit_id).await?;
    if unit.order_id == Some(order_id) {
        return Err(CoreError::invalid_state(
            "this stock unit is already reserved for this order",
        ));
    }
    if let Some(held) = stock::for_order(conn, actor.scope(), order_id).await? {
        return Err(CoreError::invalid_state(format!(
            "the order already holds stock unit {}",
            held.vin
        )));
    }
    let reserved = stock::allocate(conn, actor.scope(), unit.id, order_id, now)
        .await
        .map_err(|e| match e {
            DbError::UniqueViolation(_) => {
                CoreError::invalid_state("the order already holds a stock unit")
            }
            other => CoreError::from_db(ENTITY, other),
        })?;
    if !reserved {
        return Err(CoreError::invalid_state(format!(
            "stock unit {} is not free to reserve (it is {}{})",
            unit.vin,
            unit.status,
            if unit.order_id.is_some() {
                ", held by another order"
            } else {
                ""
            }
        )));
    }
    record_move(
        conn,
        actor,
        unit.id,
        Some(StockStatus::InStock),
        StockStatus::Reserved,
        Some(order_id),
        now,
    )
    .await?;
    reload(conn, actor.scope(), unit.id).await
}

/// Cancels a reservation: the unit goes back in stock, free of its order. 409 `invalid_state`
/// unless it is reserved.
pub async fn release_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    unit_id: StockUnitId,
    now: DateTime<Utc>,
) -> CoreResult<stock_unit::Model> {
    let unit = unit_in_dealer(conn, actor, unit_id).await?;
    if unit.status != StockStatus::Reserved.as_str() {
        return Err(not_movable(&unit, StockStatus::InStock));
    }
    move_in(conn, actor, &unit, StockStatus::InStock, None, now).await
}

/// Marks a reserved unit sold (it stays with its order). 409 `invalid_state` unless reserved.
pub async fn mark_sold_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    unit_id: StockUnitId,
    now: DateTime<Utc>,
) -> CoreResult<stock_unit::Model> {
    let unit = unit_in_dealer(conn, actor, unit_id).await?;
    let order = unit.order_id;
    move_in(conn, actor, &unit, StockStatus::Sold, order, now).await
}

/// Hands a sold unit over to its buyer: the unit becomes `delivered` and the car becomes the
/// customer's vehicle — its vehicle row with this VIN is created (or, if the dealer has one
/// already, given to the customer, its history kept) with the purchase date, a `sale` mileage
/// reading, the model and colour — and the unit points at it (`vehicle_id`, `customer_id`).
/// Writes `stock.delivered` on the customer's timeline. 404 when the unit or the customer is
/// not the dealer's; 409 `invalid_state` unless the unit is sold; 422 on `odometer_km` below 0.
pub async fn deliver_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    unit_id: StockUnitId,
    customer_id: CustomerId,
    purchase_date: NaiveDate,
    odometer_km: i32,
    now: DateTime<Utc>,
) -> CoreResult<VehicleId> {
    let unit = unit_in_dealer(conn, actor, unit_id).await?;
    let buyer =
        find_in_dealer::<customer::Entity, C>(conn, actor, customer_id.uuid(), "customer").await?;
    if !(0..=2_000_000).contains(&odometer_km) {
        return Err(CoreError::invalid(FieldError::new(
            "odometer_km",
            "out_of_range",
            "must be between 0 and 2000000 km",
        )));
    }
    if status_of(&unit)? != StockStatus::Sold {
        return Err(not_movable(&unit, StockStatus::Delivered));
    }
    let (brand, series, model) = catalog_words(conn, actor.scope(), unit.catalog_model_id).await?;
    let vehicle = hand_over_vehicle_in(
        conn,
        actor,
        buyer.id,
        HandedOverCar {
            vin: unit.vin.clone(),
            catalog_model_id: unit.catalog_model_id,
            brand,
            series,
            model: model.or_else(|| unit.description.clone()),
            colour: unit.colour.clone(),
            purchase_date,
            odometer_km,
        },
        now,
    )
    .await?;
    let moved = move_in(
        conn,
        actor,
        &unit,
        StockStatus::Delivered,
        unit.order_id,
        now,
    )
    .await?;
    let mut after = moved.clone();
    after.customer_id = Some(buyer.id);
    after.vehicle_id = Some(vehicle.id);
    let entry = AuditEntry::updated(&moved, &after);
    let saved = audit::save::<stock_unit::Entity, _>(conn, actor, &moved, after, entry, now, |e| {
        CoreError::from_db(ENTITY, e)
    })
    .await?;
    timeline::record(
        conn,
        actor,
        vec![
            TimelineEvent::new(
                buyer.id,
                DELIVERED_KIND,
                json!({
                    "stock_unit_id": saved.id,
                    "vehicle_id": vehicle.id,
                    "vin": saved.vin,
                    "model": vehicle.model,
                    "colour": saved.colour,
                    "order_id": saved.order_id,
                    "purchase_date": purchase_date,
                }),
            )
            .about("vehicle", vehicle.id),
        ],
        now,
    )
    .await?;
    Ok(VehicleId::from_uuid(vehicle.id))
}

/// The unit reserved for (or sold or delivered on) an order, if any.
pub async fn unit_for_order<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    order_id: Uuid,
) -> CoreResult<Option<stock_unit::Model>> {
    Ok(stock::for_order(conn, scope, order_id).await?)
}

/// A catalog model's brand, series and model in words (`2025 1.5T 豪华版`).
pub(crate) async fn catalog_words<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    model_id: Option<Uuid>,
) -> CoreResult<(Option<String>, Option<String>, Option<String>)> {
    let Some(model_id) = model_id else {
        return Ok((None, None, None));
    };
    let Some(model) = tenant::find::<catalog_model::Entity, C>(conn, scope, model_id).await? else {
        return Ok((None, None, None));
    };
    let series = tenant::find::<catalog_series::Entity, C>(conn, scope, model.series_id).await?;
    let brand = match &series {
        Some(s) => tenant::find::<catalog_brand::Entity, C>(conn, scope, s.brand_id).await?,
        None => None,
    };
    Ok((
        brand.map(|b| b.name),
        series.map(|s| s.name),
        Some(format!("{} {}", model.model_year, model.name)),
    ))
}
