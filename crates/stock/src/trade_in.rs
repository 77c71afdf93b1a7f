//! Used-car stock: a customer's car traded in enters stock as the same VIN record — the
//! vehicle row keeps its owners, mileage and service history; the unit points at it.

use crate::hooks::{ENTITY, record_move, status_of};
use crate::types::{StockUnitDetail, TradeIn};
use crate::units::vin_taken;
use crate::views::ModelNames;
use crate::{Stock, input};
use forecourt_customers::vehicles::take_in_vehicle_in;
use forecourt_db::entities::stock_unit;
use forecourt_db::repo::{stock, tenant, vehicles};
use forecourt_domain::permission::Permission;
use forecourt_domain::stock::StockStatus;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::json;
use uuid::Uuid;

/// The customer timeline kind of a trade-in entering stock.
pub const TRADED_IN_KIND: &str = "stock.traded_in";

impl Stock<'_> {
    /// Takes a customer's car (found by VIN among the dealer's vehicles: 422 `unknown_vehicle`
    /// on `vin` otherwise) into used-car stock: in stock, `used`, arrived today unless given.
    /// The car leaves its owner (their ownership ends, `stock.traded_in` on their timeline).
    /// A car sold here before keeps its unit row, which re-enters stock. Needs `stock:manage`
    /// (the cost `stock:cost`); a car already in stock is 409 `invalid_state`.
    pub async fn trade_in(&self, actor: &Actor, input: TradeIn) -> CoreResult<StockUnitDetail> {
        actor.require(Permission::StockManage)?;
        if input.cost_fen.is_some() {
            actor.require(Permission::StockCost)?;
        }
        let today = self.today(actor);
        let mut errors = FieldErrors::new();
        let vin = input::vin(&mut errors, "vin", &input.vin);
        let location = input::location(&mut errors, input.location.as_deref());
        let cost_fen = input::cost(&mut errors, input.cost_fen);
        let arrived_on = input::arrival(&mut errors, input.arrived_on, today).unwrap_or(today);
        errors.finish()?;
        let vin = vin.unwrap_or_default();
        let now = self.now();
        let tx = self.db().begin().await?;
        let scope = actor.scope();
        let Some(vehicle) = vehicles::with_vins(&*tx, scope, std::slice::from_ref(&vin))
            .await?
            .into_iter()
            .next()
        else {
            return Err(CoreError::invalid(FieldError::new(
                "vin",
                "unknown_vehicle",
                "is not a car of the dealer's customers",
            )));
        };
        let names = ModelNames::load(&*tx, actor).await?;
        let previous_owner = vehicle.owner_customer_id;
        let unit = match stock::by_vin(&*tx, scope, &vin).await? {
            Some(before) => {
                let from = status_of(&before)?;
                if from != StockStatus::Delivered {
                    return Err(CoreError::invalid_state(format!(
                        "this car is already on the books ({from})"
                    )));
                }
                let mut after = before.clone();
                after.status = StockStatus::InStock.as_str().to_owned();
                after.used = true;
                after.order_id = None;
                after.customer_id = None;
                after.vehicle_id = Some(vehicle.id);
                after.location = location;
                after.arrived_on = Some(arrived_on);
                after.cost_fen = cost_fen;
                after.status_changed_at = now;
                let entry =
                    AuditEntry::updated(&before, &after).with_action("stock_unit.traded_in");
                let saved = audit::save::<stock_unit::Entity, _>(
                    &*tx,
                    actor,
                    &before,
                    after,
                    entry,
                    now,
                    |e| CoreError::from_db(ENTITY, e),
                )
                .await?;
                record_move(&*tx, actor, saved.id, None, StockStatus::InStock, None, now).await?;
                saved
            }
            None => {
                let catalog_model_id = vehicle.catalog_model_id.filter(|m| names.has(*m));
                let description = [&vehicle.brand, &vehicle.series, &vehicle.model]
                    .into_iter()
                    .flatten()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ");
                let model = stock_unit::Model {
                    id: Uuid::now_v7(),
                    dealer_id: actor.dealer_id().uuid(),
                    vin: vin.clone(),
                    catalog_model_id,
                    description: Some(description).filter(|d| !d.is_empty()),
                    colour: vehicle.colour.clone(),
                    status: StockStatus::InStock.as_str().to_owned(),
                    location,
                    arrived_on: Some(arrived_on),
                    cost_fen,
                    order_id: None,
                    customer_id: None,
                    vehicle_id: Some(vehicle.id),
                    used: true,
                    status_changed_at: now,
                    created_at: now,
                    updated_at: now,
                    version: 1,
                };
                let created =
                    tenant::insert::<stock_unit::Entity, _>(&*tx, scope, model.dealer_id, model)
                        .await
                        .map_err(|e| match e {
                            forecourt_db::DbError::UniqueViolation(_) => vin_taken(),
                            other => CoreError::from_db(ENTITY, other),
                        })?;
                record_move(
                    &*tx,
                    actor,
                    created.id,
                    None,
                    StockStatus::InStock,
                    None,
                    now,
                )
                .await?;
                audit::record(
                    &*tx,
                    actor,
                    AuditEntry::created(&created).with_action("stock_unit.traded_in"),
                    now,
                )
                .await?;
                created
            }
        };
        take_in_vehicle_in(&*tx, actor, &vehicle, arrived_on, now).await?;
        if let Some(owner) = previous_owner {
            timeline::record(
                &*tx,
                actor,
                vec![
                    TimelineEvent::new(
                        owner,
                        TRADED_IN_KIND,
                        json!({"stock_unit_id": unit.id, "vehicle_id": vehicle.id, "vin": unit.vin, "plate": vehicle.plate}),
                    )
                    .about("vehicle", vehicle.id),
                ],
                now,
            )
            .await?;
        }
        let detail = self.detail(&*tx, actor, &names, unit).await?;
        tx.commit().await?;
        Ok(detail)
    }
}
