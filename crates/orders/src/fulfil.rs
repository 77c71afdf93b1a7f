//! Fulfilling an order: a car allocated by VIN (reserved in stock), the unified motor-vehicle
//! sales invoice (the car is then sold), and delivery (交车) behind the PDI and handover
//! checklists and the money — the car becomes the customer's vehicle.

use crate::Orders;
use crate::access::{check_version, order_for, require_status};
use crate::feed::{self, FinanceChange};
use crate::payments::money_of;
use crate::settings::ensure_defaults;
use crate::views::{self, OrderView, strings};
use forecourt_db::entities::{order, order_invoice};
use forecourt_db::repo::{orders, tenant};
use forecourt_domain::ids::{CustomerId, OrderId, StockUnitId};
use forecourt_domain::orders::OrderStatus;
use forecourt_domain::orders::rules::{money_settled, open_items, parse_document_no};
use forecourt_domain::permission::Permission;
use forecourt_domain::sales::StageKind;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;

/// The car to allocate.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Allocation {
    /// A stock unit in stock and free.
    pub stock_unit_id: StockUnitId,
    pub version: i64,
}

/// The invoice to record.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewInvoice {
    /// The unified motor-vehicle sales invoice number (机动车销售统一发票), unique in the
    /// dealer (1–32 letters, digits or `-`).
    #[schema(min_length = 1, max_length = 32)]
    pub invoice_no: String,
    pub version: i64,
}

/// The handover.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Delivery {
    /// The odometer at handover, in km (0 – 2,000,000).
    #[schema(minimum = 0, maximum = 2_000_000)]
    pub odometer_km: i32,
    pub version: i64,
}

async fn save_order(
    tx: &forecourt_db::DatabaseTransaction,
    actor: &Actor,
    before: &order::Model,
    after: order::Model,
    action: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> CoreResult<order::Model> {
    let entry = AuditEntry::updated(before, &after).with_action(action);
    audit::save::<order::Entity, _>(tx, actor, before, after, entry, now, |e| {
        CoreError::from_db("order", e)
    })
    .await
}

impl Orders<'_> {
    /// Allocates a car by VIN: the stock unit is reserved for the order (the database lets one
    /// of concurrent allocations win; the others get 409 `invalid_state`). Needs `order:write`;
    /// an order that already holds a car, or is not open, is 409 `invalid_state`.
    pub async fn allocate_car(
        &self,
        actor: &Actor,
        id: OrderId,
        input: Allocation,
    ) -> CoreResult<OrderView> {
        let now = self.now();
        let tx = self.db().begin().await?;
        let before = order_for(&*tx, actor, id, Permission::OrderWrite).await?;
        check_version(&before, input.version)?;
        require_status(&before, &[OrderStatus::Open], "allocated a car")?;
        if before.stock_unit_id.is_some() {
            return Err(CoreError::invalid_state("the order already holds a car"));
        }
        let unit =
            forecourt_stock::allocate_in(&*tx, actor, input.stock_unit_id, before.id, now).await?;
        let mut after = before.clone();
        after.vin = Some(unit.vin.clone());
        after.stock_unit_id = Some(unit.id);
        let saved = save_order(&tx, actor, &before, after, "order.allocated", now).await?;
        let view = views::view(&*tx, actor, &saved).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Issues the unified motor-vehicle sales invoice for the allocated car: one per VIN and one
    /// per number in the dealer (a second is 409 `already_exists` naming `invoice_no`), and
    /// the stock unit is marked sold. Needs `invoice:issue`; an order without a car, or not
    /// open, is 409 `invalid_state`.
    pub async fn issue_invoice(
        &self,
        actor: &Actor,
        id: OrderId,
        input: NewInvoice,
    ) -> CoreResult<OrderView> {
        let now = self.now();
        let tx = self.db().begin().await?;
        let before = order_for(&*tx, actor, id, Permission::InvoiceIssue).await?;
        check_version(&before, input.version)?;
        require_status(&before, &[OrderStatus::Open], "invoiced")?;
        let invoice_no =
            parse_document_no("invoice_no", &input.invoice_no).map_err(CoreError::invalid)?;
        let (Some(vin), Some(unit)) = (before.vin.clone(), before.stock_unit_id) else {
            return Err(CoreError::invalid_state(
                "allocate a car (by VIN) before invoicing",
            ));
        };
        if let Some(clash) = orders::invoice_clash(&*tx, actor.scope(), &vin, &invoice_no).await? {
            let field = if clash.invoice_no == invoice_no {
                "invoice_no"
            } else {
                "vin"
            };
            return Err(CoreError::AlreadyExists(FieldError::new(
                field,
                "taken",
                "is already invoiced",
            )));
        }
        let invoice = order_invoice::Model {
            id: Uuid::now_v7(),
            dealer_id: before.dealer_id,
            order_id: before.id,
            invoice_no,
            vin,
            amount_fen: before.total_fen,
            issued_at: now,
            issued_by: Some(actor.user_id().uuid()),
            created_at: now,
        };
        let invoice = tenant::insert::<order_invoice::Entity, _>(
            &*tx,
            actor.scope(),
            invoice.dealer_id,
            invoice,
        )
        .await
        .map_err(|e| {
            let field = if e.is_unique_on("vin") {
                "vin"
            } else if e.is_unique_on("invoice_no") {
                "invoice_no"
            } else {
                "order_id"
            };
            match e {
                forecourt_db::DbError::UniqueViolation(_) => {
                    CoreError::AlreadyExists(FieldError::new(field, "taken", "is already invoiced"))
                }
                other => CoreError::from_db("order_invoice", other),
            }
        })?;
        audit::record(&*tx, actor, AuditEntry::created(&invoice), now).await?;
        forecourt_stock::mark_sold_in(&*tx, actor, StockUnitId::from_uuid(unit), now).await?;
        let mut after = before.clone();
        after.status = OrderStatus::Invoiced.as_str().to_owned();
        let saved = save_order(&tx, actor, &before, after, "order.invoiced", now).await?;
        feed::append(
            &*tx,
            actor,
            FinanceChange {
                kind: "invoice.issued",
                order_id: saved.id,
                record_id: invoice.id,
                amount_fen: invoice.amount_fen,
                payload: json!({
                    "contract_no": saved.contract_no,
                    "invoice_no": invoice.invoice_no,
                    "vin": invoice.vin,
                }),
            },
            now,
        )
        .await?;
        let view = views::view(&*tx, actor, &saved).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Hands the car over (交车): the PDI and handover checklists must be complete and
    /// nothing owed — or what is owed covered by an approved loan not yet paid out (else 422
    /// naming `pdi`, `handover` and/or `receivable`, all at once). The stock unit is delivered
    /// and becomes the customer's vehicle (purchase date today, the odometer read), the
    /// opportunity moves to the won stage, `order.delivered` goes on the customer's timeline.
    /// Needs `delivery:complete`; an order not invoiced is 409 `invalid_state`.
    pub async fn deliver_order(
        &self,
        actor: &Actor,
        id: OrderId,
        input: Delivery,
    ) -> CoreResult<OrderView> {
        let now = self.now();
        let tx = self.db().begin().await?;
        let before = order_for(&*tx, actor, id, Permission::DeliveryComplete).await?;
        check_version(&before, input.version)?;
        require_status(&before, &[OrderStatus::Invoiced], "delivered")?;
        let settings = crate::settings::view(&ensure_defaults(&*tx, actor, now).await?);
        let mut errors = FieldErrors::new();
        for (field, items, done) in [
            ("pdi", &settings.pdi_items, &before.pdi_done),
            ("handover", &settings.handover_items, &before.handover_done),
        ] {
            let done = strings(done);
            let open = open_items(items, &done);
            if !open.is_empty() {
                errors.push(
                    FieldError::new(field, "checklist_open", "has items not done")
                        .with_param("open", json!(open)),
                );
            }
        }
        let money = money_of(&tx, actor, &before).await?;
        if !money_settled(money.receivable_fen, money.loan_open_fen) {
            errors.push(
                FieldError::new(
                    "receivable",
                    "money_owed",
                    "money is owed and no approved loan covers it",
                )
                .with_param("receivable_fen", money.receivable_fen.0)
                .with_param("loan_open_fen", money.loan_open_fen.0),
            );
        }
        if !(0..=2_000_000).contains(&input.odometer_km) {
            errors.push(FieldError::new(
                "odometer_km",
                "out_of_range",
                "must be between 0 and 2000000 km",
            ));
        }
        errors.finish()?;
        let unit = before
            .stock_unit_id
            .ok_or_else(|| CoreError::invalid_state("the order holds no car"))?;
        let vehicle = forecourt_stock::deliver_in(
            &*tx,
            actor,
            StockUnitId::from_uuid(unit),
            CustomerId::from_uuid(before.customer_id),
            actor.time_zone().local_date(now),
            input.odometer_km,
            now,
        )
        .await?;
        let mut after = before.clone();
        after.status = OrderStatus::Delivered.as_str().to_owned();
        after.delivered_at = Some(now);
        after.odometer_km = Some(input.odometer_km);
        after.delivered_vehicle_id = Some(vehicle.uuid());
        let saved = save_order(&tx, actor, &before, after, "order.delivered", now).await?;
        forecourt_sales::opportunities::hooks::reach_stage_kind_in(
            &*tx,
            actor,
            saved.lead_id,
            StageKind::Won,
            now,
        )
        .await?;
        timeline::record(
            &*tx,
            actor,
            vec![
                TimelineEvent::new(
                    saved.customer_id,
                    "order.delivered",
                    json!({
                        "contract_no": saved.contract_no,
                        "vin": saved.vin,
                        "vehicle": saved.vehicle_desc,
                        "vehicle_id": vehicle,
                        "odometer_km": saved.odometer_km,
                    }),
                )
                .about("order", saved.id),
            ],
            now,
        )
        .await?;
        feed::append(
            &*tx,
            actor,
            FinanceChange {
                kind: "order.delivered",
                order_id: saved.id,
                record_id: saved.id,
                amount_fen: money.receivable_fen.0,
                payload: json!({
                    "contract_no": saved.contract_no,
                    "vin": saved.vin,
                    "receivable_fen": money.receivable_fen.0,
                    "loan_open_fen": money.loan_open_fen.0,
                }),
            },
            now,
        )
        .await?;
        let view = views::view(&*tx, actor, &saved).await?;
        tx.commit().await?;
        Ok(view)
    }
}
