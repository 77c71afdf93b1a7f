//! Technicians' clock-ons (派工打卡): one open job per technician — the partial unique index
//! `ux_technician_clocks_open` decides, the use case's own check only answers first — clocking
//! off, and a labour line marked done.

use super::types::{ClockInput, RepairOrderView};
use super::{LINE, active_user, labour_in_order, order_in_dealer, views};
use crate::AfterSales;
use forecourt_db::entities::{repair_order, repair_order_labour, technician_clock};
use forecourt_db::repo::{repair_orders, tenant};
use forecourt_domain::FieldError;
use forecourt_domain::aftersales::repair::RepairStatus;
use forecourt_domain::ids::{RepairLineId, RepairOrderId};
use forecourt_domain::permission::Permission;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use uuid::Uuid;

/// The 409 of a technician already on a job, naming it.
fn already_clocked(
    clock: Option<&technician_clock::Model>,
    order: Option<&repair_order::Model>,
    line: Option<&repair_order_labour::Model>,
) -> CoreError {
    let mut error = FieldError::new(
        "technician_id",
        "already_clocked_on",
        "is already clocked on another job; clock off first",
    );
    if let Some(c) = clock {
        error = error
            .with_param("repair_order_id", c.repair_order_id.to_string())
            .with_param("labour_id", c.labour_id.to_string());
    }
    if let Some(o) = order {
        error = error.with_param("number", o.number.clone());
    }
    if let Some(l) = line {
        error = error.with_param("operation_code", l.operation_code.clone());
    }
    CoreError::AlreadyExists(error)
}

impl AfterSales<'_> {
    /// The 409 naming the job a technician is clocked on, read outside any transaction.
    async fn clocked_elsewhere(&self, actor: &Actor, technician_id: Uuid) -> CoreResult<CoreError> {
        let conn = self.db().conn();
        let scope = actor.scope();
        let clock = repair_orders::open_clock_of_technician(conn, scope, technician_id).await?;
        let (order, line) = match &clock {
            Some(c) => (
                tenant::find::<repair_order::Entity, _>(conn, scope, c.repair_order_id).await?,
                tenant::find::<repair_order_labour::Entity, _>(conn, scope, c.labour_id).await?,
            ),
            None => (None, None),
        };
        Ok(already_clocked(
            clock.as_ref(),
            order.as_ref(),
            line.as_ref(),
        ))
    }

    /// Clocks a technician (any active user of the dealer) on a labour line: the line becomes
    /// `in_progress` with them, and an `opened` order `in_progress`. A technician already on
    /// a job is 409 `already_exists` (`already_clocked_on`, naming the order and operation);
    /// a done line or an order not being worked on is 409 `invalid_state`. Needs
    /// `service:write`.
    pub async fn clock_on(
        &self,
        actor: &Actor,
        id: RepairOrderId,
        line_id: RepairLineId,
        input: ClockInput,
    ) -> CoreResult<RepairOrderView> {
        let tx = self.db().begin().await?;
        let order = order_in_dealer(&*tx, actor, id).await?;
        actor.require(Permission::ServiceWrite)?;
        let line = labour_in_order(&*tx, actor, &order, line_id).await?;
        let technician = active_user(&*tx, actor, "technician_id", input.technician_id.uuid())
            .await?
            .map_err(CoreError::invalid)?;
        let status = views::status_of(&order);
        if !matches!(status, RepairStatus::Opened | RepairStatus::InProgress) {
            return Err(CoreError::invalid_state(format!(
                "technicians clock on an order opened or in progress, not {}",
                order.status
            )));
        }
        if line.status == "done" {
            return Err(CoreError::invalid_state("the labour line is done"));
        }
        let scope = actor.scope();
        if repair_orders::open_clock_of_technician(&*tx, scope, technician.id)
            .await?
            .is_some()
        {
            drop(tx);
            return Err(self.clocked_elsewhere(actor, technician.id).await?);
        }
        let now = self.now();
        let clock = technician_clock::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            technician_id: technician.id,
            repair_order_id: order.id,
            labour_id: line.id,
            started_at: now,
            ended_at: None,
            clocked_by: actor.user_id().uuid(),
        };
        match repair_orders::insert_clock(&*tx, scope, clock).await {
            Ok(()) => {}
            Err(forecourt_db::DbError::UniqueViolation(_)) => {
                drop(tx);
                return Err(self.clocked_elsewhere(actor, technician.id).await?);
            }
            Err(other) => return Err(CoreError::from_db(LINE, other)),
        }
        let mut after = line.clone();
        after.status = "in_progress".to_owned();
        after.technician_id = Some(technician.id);
        let entry =
            AuditEntry::updated(&line, &after).with_action("repair_order_labour.clocked_on");
        let entry = if entry.changes.contains_key("technician_id") {
            entry
        } else {
            entry.change(
                "technician_id",
                serde_json::Value::Null,
                technician.id.to_string(),
            )
        };
        audit::save::<repair_order_labour::Entity, _>(&*tx, actor, &line, after, entry, now, |e| {
            CoreError::from_db(LINE, e)
        })
        .await?;
        let order = if status == RepairStatus::Opened {
            let mut moved = order.clone();
            moved.status = RepairStatus::InProgress.as_str().to_owned();
            let entry = AuditEntry::updated(&order, &moved).with_action("repair_order.moved");
            audit::save::<repair_order::Entity, _>(&*tx, actor, &order, moved, entry, now, |e| {
                CoreError::from_db(super::ENTITY, e)
            })
            .await?
        } else {
            order
        };
        let view = views::order_view(&*tx, actor, order).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Clocks a technician off a labour line (the line stays in progress until marked done).
    /// A technician not clocked on it is 409 `invalid_state`. Needs `service:write`.
    pub async fn clock_off(
        &self,
        actor: &Actor,
        id: RepairOrderId,
        line_id: RepairLineId,
        input: ClockInput,
    ) -> CoreResult<RepairOrderView> {
        let tx = self.db().begin().await?;
        let order = order_in_dealer(&*tx, actor, id).await?;
        actor.require(Permission::ServiceWrite)?;
        let line = labour_in_order(&*tx, actor, &order, line_id).await?;
        let now = self.now();
        let technician = input.technician_id.uuid();
        if !repair_orders::end_clock(&*tx, actor.scope(), line.id, technician, now).await? {
            return Err(CoreError::invalid_state(
                "the technician is not clocked on this job",
            ));
        }
        let entry = AuditEntry::action("repair_order_labour", "clocked_off", Some(line.id)).change(
            "technician_id",
            technician.to_string(),
            serde_json::Value::Null,
        );
        audit::record(&*tx, actor, entry, now).await?;
        let view = views::order_view(&*tx, actor, order).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Marks a labour line done. Someone still clocked on it, or an order no longer in the
    /// workshop, is 409 `invalid_state`. Needs `service:write`.
    pub async fn mark_labour_done(
        &self,
        actor: &Actor,
        id: RepairOrderId,
        line_id: RepairLineId,
    ) -> CoreResult<RepairOrderView> {
        let tx = self.db().begin().await?;
        let order = order_in_dealer(&*tx, actor, id).await?;
        actor.require(Permission::ServiceWrite)?;
        let line = labour_in_order(&*tx, actor, &order, line_id).await?;
        super::require_open(&order)?;
        if line.status == "done" {
            return Err(CoreError::invalid_state("the labour line is already done"));
        }
        let scope = actor.scope();
        if repair_orders::open_clocks_of_order(&*tx, scope, order.id)
            .await?
            .iter()
            .any(|c| c.labour_id == line.id)
        {
            return Err(CoreError::invalid_state(
                "a technician is still clocked on this job; clock off first",
            ));
        }
        let now = self.now();
        let mut after = line.clone();
        after.status = "done".to_owned();
        let entry = AuditEntry::updated(&line, &after).with_action("repair_order_labour.done");
        audit::save::<repair_order_labour::Entity, _>(&*tx, actor, &line, after, entry, now, |e| {
            CoreError::from_db(LINE, e)
        })
        .await?;
        let view = views::order_view(&*tx, actor, order).await?;
        tx.commit().await?;
        Ok(view)
    }
}
