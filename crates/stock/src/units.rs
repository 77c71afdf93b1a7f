//! Adding a unit, reading it with its history, editing it and moving it by hand.

use crate::hooks::{ENTITY, move_in, record_move, status_of, unit_in_dealer};
use crate::types::{NewStockUnit, StockMove, StockUnitDetail, StockUnitPatch};
use crate::views::{ModelNames, history, unit_view};
use crate::{Stock, input};
use forecourt_db::entities::stock_unit;
use forecourt_db::repo::{stock, tenant};
use forecourt_domain::ids::StockUnitId;
use forecourt_domain::permission::Permission;
use forecourt_domain::stock::StockStatus;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use uuid::Uuid;

impl Stock<'_> {
    /// Adds a unit: ordered, in transit or in stock (default), with its VIN (its check digit
    /// must be valid: 422 `vin_check_digit` on `vin`), catalog model, colour, location,
    /// arrival day (default today for a unit in stock) and cost (needs `stock:cost`). Needs
    /// `stock:manage`; a VIN already on the books is 409 `already_exists` on `vin`.
    pub async fn create_unit(
        &self,
        actor: &Actor,
        new: NewStockUnit,
    ) -> CoreResult<StockUnitDetail> {
        actor.require(Permission::StockManage)?;
        if new.cost_fen.is_some() {
            actor.require(Permission::StockCost)?;
        }
        let conn = self.db().conn();
        let names = ModelNames::load(conn, actor).await?;
        let today = self.today(actor);
        let mut errors = FieldErrors::new();
        let vin = input::vin(&mut errors, "vin", &new.vin);
        if !names.has(new.catalog_model_id.uuid()) {
            errors.push(FieldError::new(
                "catalog_model_id",
                "unknown_model",
                "is not a model of the catalog",
            ));
        }
        let status = new.status.unwrap_or(StockStatus::InStock);
        if !status.may_start_in() {
            errors.push(FieldError::new(
                "status",
                "invalid_value",
                "a new unit is ordered, in transit or in stock",
            ));
        }
        let colour = input::colour(&mut errors, new.colour.as_deref());
        let location = input::location(&mut errors, new.location.as_deref());
        let cost_fen = input::cost(&mut errors, new.cost_fen);
        let mut arrived_on = input::arrival(&mut errors, new.arrived_on, today);
        if status == StockStatus::InStock && arrived_on.is_none() {
            arrived_on = Some(today);
        }
        errors.finish()?;
        let vin = vin.unwrap_or_default();
        let now = self.now();
        let tx = self.db().begin().await?;
        if stock::by_vin(&*tx, actor.scope(), &vin).await?.is_some() {
            return Err(vin_taken());
        }
        let model = stock_unit::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            vin,
            catalog_model_id: Some(new.catalog_model_id.uuid()),
            description: None,
            colour,
            status: status.as_str().to_owned(),
            location,
            arrived_on,
            cost_fen,
            order_id: None,
            customer_id: None,
            vehicle_id: None,
            used: false,
            status_changed_at: now,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let created =
            tenant::insert::<stock_unit::Entity, _>(&*tx, actor.scope(), model.dealer_id, model)
                .await
                .map_err(|e| match e {
                    forecourt_db::DbError::UniqueViolation(_) => vin_taken(),
                    other => CoreError::from_db(ENTITY, other),
                })?;
        record_move(&*tx, actor, created.id, None, status, None, now).await?;
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        let detail = self.detail(&*tx, actor, &names, created).await?;
        tx.commit().await?;
        Ok(detail)
    }

    /// A unit with its history, days in stock and its order. Needs `stock:read`; the cost
    /// only with `stock:cost`. Another dealer's unit is 404.
    pub async fn unit(&self, actor: &Actor, id: StockUnitId) -> CoreResult<StockUnitDetail> {
        let conn = self.db().conn();
        let unit = unit_in_dealer(conn, actor, id).await?;
        actor.require(Permission::StockRead)?;
        let names = ModelNames::load(conn, actor).await?;
        self.detail(conn, actor, &names, unit).await
    }

    pub(crate) async fn detail<C: forecourt_db::ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        names: &ModelNames,
        unit: stock_unit::Model,
    ) -> CoreResult<StockUnitDetail> {
        let events = stock::events_of(conn, actor.scope(), unit.id).await?;
        Ok(StockUnitDetail {
            unit: unit_view(actor, names, &unit, self.today(actor)),
            history: history(conn, actor, events).await?,
        })
    }

    /// Edits a unit's location, colour, arrival day and cost (the cost needs `stock:cost`).
    /// Needs `stock:manage`; another dealer's unit is 404, a stale `version` 409
    /// `version_conflict`.
    pub async fn update_unit(
        &self,
        actor: &Actor,
        id: StockUnitId,
        patch: StockUnitPatch,
    ) -> CoreResult<StockUnitDetail> {
        let tx = self.db().begin().await?;
        let before = unit_in_dealer(&*tx, actor, id).await?;
        actor.require(Permission::StockManage)?;
        if patch.cost_fen.is_some() {
            actor.require(Permission::StockCost)?;
        }
        if before.version != patch.version {
            return Err(CoreError::VersionConflict { entity: ENTITY });
        }
        let today = self.today(actor);
        let mut errors = FieldErrors::new();
        let mut after = before.clone();
        if let Some(location) = &patch.location {
            after.location = input::location(&mut errors, location.as_deref());
        }
        if let Some(colour) = &patch.colour {
            after.colour = input::colour(&mut errors, colour.as_deref());
        }
        if let Some(cost) = patch.cost_fen {
            after.cost_fen = input::cost(&mut errors, cost);
        }
        if let Some(arrived) = patch.arrived_on {
            after.arrived_on = input::arrival(&mut errors, arrived, today);
        }
        errors.finish()?;
        let entry = AuditEntry::updated(&before, &after);
        let now = self.now();
        let saved = audit::update_if_changed::<stock_unit::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            |e| CoreError::from_db(ENTITY, e),
        )
        .await?
        .unwrap_or(before);
        let names = ModelNames::load(&*tx, actor).await?;
        let detail = self.detail(&*tx, actor, &names, saved).await?;
        tx.commit().await?;
        Ok(detail)
    }

    /// Moves a unit by hand: ordered → in transit → in stock (setting its arrival day, default
    /// today), or a reservation cancelled (reserved → in stock, its order released).
    /// Reservations, sales and deliveries come from orders. Needs `stock:manage`; another
    /// dealer's unit is 404, a stale `version` 409 `version_conflict`, any other move 409
    /// `invalid_state`.
    pub async fn move_unit(
        &self,
        actor: &Actor,
        id: StockUnitId,
        change: StockMove,
    ) -> CoreResult<StockUnitDetail> {
        let tx = self.db().begin().await?;
        let before = unit_in_dealer(&*tx, actor, id).await?;
        actor.require(Permission::StockManage)?;
        if before.version != change.version {
            return Err(CoreError::VersionConflict { entity: ENTITY });
        }
        let from = status_of(&before)?;
        let to = change.status;
        if !from.may_become(to) {
            return Err(CoreError::invalid_state(format!(
                "a unit {from} cannot become {to}"
            )));
        }
        if !matches!(to, StockStatus::InTransit | StockStatus::InStock) {
            return Err(CoreError::invalid_state(format!(
                "a unit becomes {to} through its order"
            )));
        }
        let today = self.today(actor);
        let mut errors = FieldErrors::new();
        let arrived = input::arrival(&mut errors, change.arrived_on, today);
        errors.finish()?;
        let now = self.now();
        let order = if from == StockStatus::Reserved {
            None
        } else {
            before.order_id
        };
        let moved = move_in(&*tx, actor, &before, to, order, now).await?;
        let moved = if to == StockStatus::InStock && from != StockStatus::Reserved {
            let mut after = moved.clone();
            after.arrived_on = arrived.or(moved.arrived_on).or(Some(today));
            let entry = AuditEntry::updated(&moved, &after);
            audit::update_if_changed::<stock_unit::Entity, _>(
                &*tx,
                actor,
                &moved,
                after,
                entry,
                now,
                |e| CoreError::from_db(ENTITY, e),
            )
            .await?
            .unwrap_or(moved)
        } else {
            moved
        };
        let names = ModelNames::load(&*tx, actor).await?;
        let detail = self.detail(&*tx, actor, &names, moved).await?;
        tx.commit().await?;
        Ok(detail)
    }
}

/// The 409 of a VIN already on the dealer's books.
pub(crate) fn vin_taken() -> CoreError {
    CoreError::AlreadyExists(FieldError::new(
        "vin",
        "taken",
        "is already on the dealer's books",
    ))
}
