//! How units are shown: the catalog's words for their model, days in stock in the dealer's
//! time zone, and the cost only for readers with `stock:cost`.

use crate::types::{StockEventView, StockUnitView};
use chrono::NaiveDate;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{stock_unit, stock_unit_event, user};
use forecourt_db::repo::{catalog, tenant};
use forecourt_domain::ids::{
    CatalogModelId, CatalogSeriesId, CustomerId, StockUnitId, UserId, VehicleId,
};
use forecourt_domain::permission::Permission;
use forecourt_domain::stock::{StockStatus, days_in_stock};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use std::collections::HashMap;
use uuid::Uuid;

/// The dealer's catalog models in words, loaded once per request.
pub struct ModelNames {
    models: HashMap<Uuid, (Uuid, String)>,
}

impl ModelNames {
    pub async fn load<C: ConnectionTrait>(conn: &C, actor: &Actor) -> CoreResult<Self> {
        let brands: HashMap<Uuid, String> = catalog::brands(conn, actor.scope())
            .await?
            .into_iter()
            .map(|b| (b.id, b.name))
            .collect();
        let series: HashMap<Uuid, String> = catalog::series(conn, actor.scope())
            .await?
            .into_iter()
            .map(|s| {
                let brand = brands.get(&s.brand_id).cloned().unwrap_or_default();
                (s.id, format!("{brand} {}", s.name).trim().to_owned())
            })
            .collect();
        let models = catalog::models(conn, actor.scope())
            .await?
            .into_iter()
            .map(|m| {
                let s = series.get(&m.series_id).cloned().unwrap_or_default();
                let name = format!("{s} {} {}", m.model_year, m.name).trim().to_owned();
                (m.id, (m.series_id, name))
            })
            .collect();
        Ok(Self { models })
    }

    /// Whether the catalog has this model.
    pub fn has(&self, id: Uuid) -> bool {
        self.models.contains_key(&id)
    }

    /// The model in words (its id when it is gone from the catalog).
    pub fn name(&self, id: Uuid) -> String {
        self.models
            .get(&id)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| id.to_string())
    }

    fn series(&self, id: Uuid) -> Option<Uuid> {
        self.models.get(&id).map(|(s, _)| *s)
    }
}

/// Days in stock on `today`, while the unit is on hand.
pub fn days_of(unit: &stock_unit::Model, today: NaiveDate) -> Option<i64> {
    let status: StockStatus = unit.status.parse().ok()?;
    if !status.on_hand() {
        return None;
    }
    unit.arrived_on.map(|on| days_in_stock(on, today))
}

/// A unit as `actor` may see it on `today`.
pub fn unit_view(
    actor: &Actor,
    names: &ModelNames,
    unit: &stock_unit::Model,
    today: NaiveDate,
) -> StockUnitView {
    let model_name = match unit.catalog_model_id {
        Some(id) => names.name(id),
        None => unit.description.clone().unwrap_or_default(),
    };
    StockUnitView {
        id: StockUnitId::from_uuid(unit.id),
        vin: unit.vin.clone(),
        catalog_model_id: unit.catalog_model_id.map(CatalogModelId::from_uuid),
        series_id: unit
            .catalog_model_id
            .and_then(|m| names.series(m))
            .map(CatalogSeriesId::from_uuid),
        model_name,
        colour: unit.colour.clone(),
        status: unit.status.parse().unwrap_or(StockStatus::InStock),
        location: unit.location.clone(),
        arrived_on: unit.arrived_on,
        days_in_stock: days_of(unit, today),
        cost_fen: unit.cost_fen.filter(|_| actor.can(Permission::StockCost)),
        order_id: unit.order_id,
        customer_id: unit.customer_id.map(CustomerId::from_uuid),
        vehicle_id: unit.vehicle_id.map(VehicleId::from_uuid),
        used: unit.used,
        status_changed_at: unit.status_changed_at,
        created_at: unit.created_at,
        version: unit.version,
    }
}

/// A unit's history with the names of who made each change.
pub async fn history<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    events: Vec<stock_unit_event::Model>,
) -> CoreResult<Vec<StockEventView>> {
    let ids: Vec<Uuid> = events.iter().filter_map(|e| e.actor_id).collect();
    let users: HashMap<Uuid, String> =
        tenant::find_many::<user::Entity, C>(conn, actor.scope(), &ids)
            .await?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect();
    Ok(events
        .into_iter()
        .map(|e| StockEventView {
            from_status: e.from_status.as_deref().and_then(|s| s.parse().ok()),
            to_status: e.to_status.parse().unwrap_or(StockStatus::InStock),
            order_id: e.order_id,
            actor_id: e.actor_id.map(UserId::from_uuid),
            actor_name: e.actor_id.and_then(|id| users.get(&id).cloned()),
            at: e.at,
        })
        .collect())
}
