//! Views of repair orders: an order with its lines, clocks, totals by payer and the customer's
//! bill, and the list's rows — names of customers, cars and people read once per page.

use super::types::{
    ClockView, CustomerBill, LabourLineView, PartLineView, PayerTotal, RepairCar,
    RepairOrderSummary, RepairOrderView,
};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{
    customer, repair_order, repair_order_labour, repair_order_part, technician_clock, user, vehicle,
};
use forecourt_db::repo::{repair_orders, tenant};
use forecourt_domain::aftersales::repair::{Payer, RepairStatus, totals_by_payer};
use forecourt_domain::ids::{
    CustomerId, RepairLineId, RepairOrderId, ServiceAppointmentId, UserId, VehicleId,
};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use std::collections::HashMap;
use uuid::Uuid;

/// A stored status; an unknown key reads as `opened`.
pub(crate) fn status_of(m: &repair_order::Model) -> RepairStatus {
    RepairStatus::parse(&m.status).unwrap_or(RepairStatus::Opened)
}

/// A stored payer; an unknown key reads as `customer`.
pub(crate) fn payer_of(key: &str) -> Payer {
    Payer::parse(key).unwrap_or(Payer::Customer)
}

/// The text of a car's model: brand, series and model as known.
pub(crate) fn model_text(v: &vehicle::Model) -> String {
    [&v.brand, &v.series, &v.model]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn car(vehicle_id: Uuid, v: Option<&vehicle::Model>) -> RepairCar {
    RepairCar {
        vehicle_id: VehicleId::from_uuid(vehicle_id),
        plate: v.and_then(|v| v.plate.clone()),
        vin: v.and_then(|v| v.vin.clone()),
        model: v.map(model_text).unwrap_or_default(),
    }
}

/// The names and cars a set of orders refers to, read once.
struct Names {
    customers: HashMap<Uuid, String>,
    vehicles: HashMap<Uuid, vehicle::Model>,
    users: HashMap<Uuid, String>,
}

impl Names {
    async fn load<C: ConnectionTrait>(
        conn: &C,
        actor: &Actor,
        orders: &[repair_order::Model],
        more_users: impl IntoIterator<Item = Uuid>,
    ) -> CoreResult<Self> {
        let scope = actor.scope();
        let customer_ids: Vec<Uuid> = orders.iter().map(|o| o.customer_id).collect();
        let vehicle_ids: Vec<Uuid> = orders.iter().map(|o| o.vehicle_id).collect();
        let mut user_ids: Vec<Uuid> = orders.iter().map(|o| o.advisor_id).collect();
        user_ids.extend(more_users);
        user_ids.sort_unstable();
        user_ids.dedup();
        Ok(Self {
            customers: tenant::find_many::<customer::Entity, C>(conn, scope, &customer_ids)
                .await?
                .into_iter()
                .map(|c| (c.id, c.name))
                .collect(),
            vehicles: tenant::find_many::<vehicle::Entity, C>(conn, scope, &vehicle_ids)
                .await?
                .into_iter()
                .map(|v| (v.id, v))
                .collect(),
            users: tenant::find_many::<user::Entity, C>(conn, scope, &user_ids)
                .await?
                .into_iter()
                .map(|u| (u.id, u.display_name))
                .collect(),
        })
    }

    fn user(&self, id: Uuid) -> String {
        self.users.get(&id).cloned().unwrap_or_default()
    }
}

fn totals(
    labour: &[&repair_order_labour::Model],
    parts: &[&repair_order_part::Model],
) -> (Vec<PayerTotal>, CustomerBill) {
    let all = labour
        .iter()
        .map(|l| (payer_of(&l.payer), l.amount_fen))
        .chain(parts.iter().map(|p| (payer_of(&p.payer), p.amount_fen)));
    let totals = totals_by_payer(all)
        .into_iter()
        .map(|(payer, amount_fen)| PayerTotal { payer, amount_fen })
        .collect();
    let labour_fen = labour
        .iter()
        .filter(|l| payer_of(&l.payer) == Payer::Customer)
        .map(|l| l.amount_fen)
        .sum();
    let parts_fen = parts
        .iter()
        .filter(|p| payer_of(&p.payer) == Payer::Customer)
        .map(|p| p.amount_fen)
        .sum();
    (
        totals,
        CustomerBill {
            labour_fen,
            parts_fen,
            total_fen: labour_fen + parts_fen,
        },
    )
}

/// What the customer owes on an order: the lines they pay.
pub(crate) fn customer_total(
    labour: &[repair_order_labour::Model],
    parts: &[repair_order_part::Model],
) -> i64 {
    let l: Vec<&_> = labour.iter().collect();
    let p: Vec<&_> = parts.iter().collect();
    totals(&l, &p).1.total_fen
}

/// Full views of orders, in the given order: lines, open clocks, totals, bill and names.
pub(crate) async fn order_views<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    orders: Vec<repair_order::Model>,
) -> CoreResult<Vec<RepairOrderView>> {
    let scope = actor.scope();
    let ids: Vec<Uuid> = orders.iter().map(|o| o.id).collect();
    let labour = repair_orders::labour_of(conn, scope, &ids).await?;
    let parts = repair_orders::parts_of(conn, scope, &ids).await?;
    let clocks: Vec<technician_clock::Model> = repair_orders::clocks_of(conn, scope, &ids)
        .await?
        .into_iter()
        .filter(|c| c.ended_at.is_none())
        .collect();
    let people = labour
        .iter()
        .filter_map(|l| l.technician_id)
        .chain(clocks.iter().map(|c| c.technician_id))
        .collect::<Vec<_>>();
    let names = Names::load(conn, actor, &orders, people).await?;
    Ok(orders
        .into_iter()
        .map(|o| {
            let mine_l: Vec<&repair_order_labour::Model> = labour
                .iter()
                .filter(|l| l.repair_order_id == o.id)
                .collect();
            let mine_p: Vec<&repair_order_part::Model> =
                parts.iter().filter(|p| p.repair_order_id == o.id).collect();
            let (totals, bill) = totals(&mine_l, &mine_p);
            RepairOrderView {
                id: RepairOrderId::from_uuid(o.id),
                number: o.number.clone(),
                status: status_of(&o),
                customer_id: CustomerId::from_uuid(o.customer_id),
                customer_name: names
                    .customers
                    .get(&o.customer_id)
                    .cloned()
                    .unwrap_or_default(),
                car: car(o.vehicle_id, names.vehicles.get(&o.vehicle_id)),
                appointment_id: o.appointment_id.map(ServiceAppointmentId::from_uuid),
                advisor_id: UserId::from_uuid(o.advisor_id),
                advisor_name: names.user(o.advisor_id),
                maintenance: o.maintenance,
                odometer_in_km: o.odometer_in_km,
                odometer_out_km: o.odometer_out_km,
                complaint: o.complaint.clone(),
                promised_at: o.promised_at,
                opened_at: o.opened_at,
                ready_at: o.ready_at,
                picked_up_at: o.picked_up_at,
                paid_fen: o.paid_fen,
                payment_method: o.payment_method.clone(),
                labour: mine_l
                    .iter()
                    .map(|l| LabourLineView {
                        id: RepairLineId::from_uuid(l.id),
                        operation_code: l.operation_code.clone(),
                        description: l.description.clone(),
                        hours_centi: l.hours_centi,
                        rate_fen: l.rate_fen,
                        amount_fen: l.amount_fen,
                        payer: payer_of(&l.payer),
                        status: l.status.clone(),
                        technician_id: l.technician_id.map(UserId::from_uuid),
                        technician_name: l.technician_id.map(|t| names.user(t)),
                        clocked_on: clocks
                            .iter()
                            .filter(|c| c.labour_id == l.id)
                            .map(|c| ClockView {
                                technician_id: UserId::from_uuid(c.technician_id),
                                technician_name: names.user(c.technician_id),
                                started_at: c.started_at,
                                ended_at: c.ended_at,
                            })
                            .collect(),
                    })
                    .collect(),
                parts: mine_p
                    .iter()
                    .map(|p| PartLineView {
                        id: RepairLineId::from_uuid(p.id),
                        part_no: p.part_no.clone(),
                        name: p.name.clone(),
                        quantity: p.quantity,
                        unit_price_fen: p.unit_price_fen,
                        amount_fen: p.amount_fen,
                        payer: payer_of(&p.payer),
                    })
                    .collect(),
                totals,
                bill,
                version: o.version,
            }
        })
        .collect())
}

/// The view of one order.
pub(crate) async fn order_view<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    order: repair_order::Model,
) -> CoreResult<RepairOrderView> {
    let mut views = order_views(conn, actor, vec![order]).await?;
    views
        .pop()
        .ok_or_else(|| forecourt_kernel::CoreError::not_found(super::ENTITY))
}

/// The list's rows of a page of orders.
pub(crate) async fn summaries<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    orders: Vec<repair_order::Model>,
) -> CoreResult<Vec<RepairOrderSummary>> {
    let scope = actor.scope();
    let ids: Vec<Uuid> = orders.iter().map(|o| o.id).collect();
    let labour = repair_orders::labour_of(conn, scope, &ids).await?;
    let parts = repair_orders::parts_of(conn, scope, &ids).await?;
    let names = Names::load(conn, actor, &orders, []).await?;
    Ok(orders
        .into_iter()
        .map(|o| {
            let l: Vec<&_> = labour
                .iter()
                .filter(|l| l.repair_order_id == o.id)
                .collect();
            let p: Vec<&_> = parts.iter().filter(|p| p.repair_order_id == o.id).collect();
            RepairOrderSummary {
                id: RepairOrderId::from_uuid(o.id),
                number: o.number.clone(),
                status: status_of(&o),
                customer_id: CustomerId::from_uuid(o.customer_id),
                customer_name: names
                    .customers
                    .get(&o.customer_id)
                    .cloned()
                    .unwrap_or_default(),
                car: car(o.vehicle_id, names.vehicles.get(&o.vehicle_id)),
                advisor_id: UserId::from_uuid(o.advisor_id),
                advisor_name: names.user(o.advisor_id),
                maintenance: o.maintenance,
                complaint: o.complaint.clone(),
                promised_at: o.promised_at,
                opened_at: o.opened_at,
                picked_up_at: o.picked_up_at,
                customer_total_fen: totals(&l, &p).1.total_fen,
                version: o.version,
            }
        })
        .collect())
}
