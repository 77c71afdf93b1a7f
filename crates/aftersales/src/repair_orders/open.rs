//! Opening a repair order at the counter: from a booked appointment (which becomes `arrived`
//! with it, by a conditional update; one order per appointment) or for a walk-in, with the
//! odometer taken as a mileage reading, the dealer's next number, and the customer's timeline.

use super::types::{COMPLAINT_MAX, NewRepairOrder, ODOMETER_MAX_KM, RepairOrderView};
use super::{ENTITY, active_user, views};
use crate::AfterSales;
use chrono::Datelike;
use forecourt_customers::vehicles::record_reading_in;
use forecourt_db::entities::{customer, repair_order, service_appointment, vehicle};
use forecourt_db::repo::counters::{self, Counters};
use forecourt_db::repo::{repair_orders, tenant};
use forecourt_domain::aftersales::repair::RepairStatus;
use forecourt_domain::permission::Permission;
use forecourt_domain::username::parse_name;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::json;
use uuid::Uuid;

fn appointment_taken() -> CoreError {
    CoreError::invalid_state("the appointment has already opened a repair order")
}

impl AfterSales<'_> {
    /// Opens a repair order (工单): from a `booked` appointment of the dealer (its customer
    /// and car; the appointment becomes `arrived` with this order — a second order for it is
    /// 409 `invalid_state`) or for a walk-in (`customer_id` and one of their cars), with the
    /// advisor (default the caller), the odometer on arrival (recorded as a `service` mileage
    /// reading; lower than an earlier reading is 422 naming `odometer_in_km`), the complaint,
    /// the maintenance flag and the promised time. Numbered `RO` + year (the dealer's) + six
    /// digits. Needs `service:write`; every field is checked (422 naming each). Writes
    /// `repair_order.opened` on the customer's timeline.
    pub async fn open_repair_order(
        &self,
        actor: &Actor,
        new: NewRepairOrder,
    ) -> CoreResult<RepairOrderView> {
        actor.require(Permission::ServiceWrite)?;
        let mut errors = FieldErrors::new();
        if !(0..=ODOMETER_MAX_KM).contains(&i64::from(new.odometer_in_km)) {
            errors.push(FieldError::new(
                "odometer_in_km",
                "out_of_range",
                "must be 0–2,000,000 km",
            ));
        }
        let complaint = errors.check(parse_name("complaint", &new.complaint, COMPLAINT_MAX));
        if new.appointment_id.is_none() {
            if new.customer_id.is_none() {
                errors.push(FieldError::required("customer_id"));
            }
            if new.vehicle_id.is_none() {
                errors.push(FieldError::required("vehicle_id"));
            }
        }
        let now = self.now();
        let today = self.today(actor);
        let tx = self.db().begin().await?;
        let scope = actor.scope();
        let appointment = match new.appointment_id {
            Some(id) => {
                match tenant::find::<service_appointment::Entity, _>(&*tx, scope, id.uuid()).await?
                {
                    Some(a) => Some(a),
                    None => {
                        errors.push(FieldError::new(
                            "appointment_id",
                            "unknown_appointment",
                            "is not an appointment of the dealer",
                        ));
                        None
                    }
                }
            }
            None => None,
        };
        let (customer_id, vehicle_id) = match &appointment {
            Some(a) => (Some(a.customer_id), Some(a.vehicle_id)),
            None => (
                new.customer_id.map(|c| c.uuid()),
                new.vehicle_id.map(|v| v.uuid()),
            ),
        };
        let customer = match customer_id {
            Some(id) => match tenant::find::<customer::Entity, _>(&*tx, scope, id).await? {
                Some(c) if c.status != "merged" => Some(c),
                _ => {
                    errors.push(FieldError::new(
                        "customer_id",
                        "unknown_customer",
                        "is not a customer of the dealer",
                    ));
                    None
                }
            },
            None => None,
        };
        let car = match vehicle_id {
            Some(id) => match tenant::find::<vehicle::Entity, _>(&*tx, scope, id).await? {
                Some(v) if customer_id.is_some() && v.owner_customer_id == customer_id => Some(v),
                _ => {
                    errors.push(FieldError::new(
                        "vehicle_id",
                        "not_customers_vehicle",
                        "is not a car of the customer",
                    ));
                    None
                }
            },
            None => None,
        };
        let advisor_id = new
            .advisor_id
            .map(|a| a.uuid())
            .unwrap_or(actor.user_id().uuid());
        if let Err(e) = active_user(&*tx, actor, "advisor_id", advisor_id).await? {
            errors.push(e);
        }
        errors.finish()?;
        let (Some(customer), Some(car), Some(complaint)) = (customer, car, complaint) else {
            return Err(CoreError::invalid(FieldError::required("customer_id")));
        };
        if let Some(a) = &appointment
            && (a.status != "booked" || a.repair_order_id.is_some())
        {
            return Err(if a.repair_order_id.is_some() {
                appointment_taken()
            } else {
                CoreError::invalid_state(format!(
                    "a repair order opens from a booked appointment, not one {}",
                    a.status
                ))
            });
        }
        let year = today.year();
        let n = counters::next(
            &*tx,
            scope,
            Counters::Service,
            &format!("repair_order:{year}"),
        )
        .await?;
        let model = repair_order::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            number: format!("RO{year}{n:06}"),
            customer_id: customer.id,
            vehicle_id: car.id,
            appointment_id: appointment.as_ref().map(|a| a.id),
            advisor_id,
            status: RepairStatus::Opened.as_str().to_owned(),
            maintenance: new.maintenance,
            odometer_in_km: new.odometer_in_km,
            odometer_out_km: None,
            complaint,
            diagnosis: None,
            promised_at: new.promised_at,
            opened_at: now,
            ready_at: None,
            picked_up_at: None,
            paid_fen: None,
            payment_method: None,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let created =
            tenant::insert::<repair_order::Entity, _>(&*tx, scope, model.dealer_id, model)
                .await
                .map_err(|e| match e {
                    forecourt_db::DbError::UniqueViolation(_) => appointment_taken(),
                    other => CoreError::from_db(ENTITY, other),
                })?;
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        if let Some(a) = &appointment {
            if !repair_orders::arrive_appointment(&*tx, scope, a.id, created.id, now).await? {
                return Err(appointment_taken());
            }
            let entry = AuditEntry::action("service_appointment", "arrived", Some(a.id))
                .change("status", a.status.clone(), "arrived")
                .change(
                    "repair_order_id",
                    serde_json::Value::Null,
                    created.id.to_string(),
                );
            audit::record(&*tx, actor, entry, now).await?;
        }
        let car = record_reading_in(
            &*tx,
            actor,
            car,
            "odometer_in_km",
            created.odometer_in_km,
            today,
            "service",
            now,
        )
        .await?;
        let data = json!({
            "repair_order_id": created.id,
            "number": created.number,
            "vehicle_id": car.id,
            "plate": car.plate,
            "maintenance": created.maintenance,
            "complaint": created.complaint,
        });
        timeline::record(
            &*tx,
            actor,
            vec![
                TimelineEvent::new(customer.id, "repair_order.opened", data)
                    .about("repair_order", created.id),
            ],
            now,
        )
        .await?;
        let view = views::order_view(&*tx, actor, created).await?;
        tx.commit().await?;
        Ok(view)
    }
}
