//! Orders and money through the API: contracts, deposits (定金 / 订金), payments, the
//! receivable, refunds behind approval, the contract numbers under concurrency, the finance
//! feed, ageing and export.

use super::support::{Auth, PASSWORD, Session, TestApp, World};
use axum::http::{Method, StatusCode};
use forecourt_domain::role::BuiltinRole;
use forecourt_kernel::auth::Actor;
use forecourt_orders::sign::{SignedDeal, sign_in};
use forecourt_orders::views::OrderLine;
use serde_json::{Value, json};
use uuid::Uuid;

mod feed;
mod fulfil;
mod journey;
mod money;
mod numbering;

/// 153,000.00 yuan: 20% of it is exactly 30,600.00.
pub const TOTAL: i64 = 15_300_000;

pub async fn session(t: &TestApp, w: &World, role: BuiltinRole) -> Session {
    t.login(&w.a.username(role)).await
}

/// The actor of a user of dealer A, as the use cases see them.
pub async fn actor(t: &TestApp, username: &str) -> Actor {
    t.app
        .login(forecourt_kernel::auth::LoginInput {
            username: username.to_owned(),
            password: PASSWORD.into(),
            ip: format!("orders-{username}"),
            user_agent: None,
        })
        .await
        .unwrap()
        .actor
}

/// A walk-in registered by the consultant: (lead id, customer id).
pub async fn walk_in(t: &TestApp, s: &Session, name: &str, phone: &str) -> (Uuid, Uuid) {
    let reply = t
        .send(
            Method::POST,
            "/api/v1/receptions",
            Auth::Session(s),
            Some(json!({
                "customer": {"name": name, "phones": [{"number": phone}]},
                "models": [{"text": "途观L"}],
                "grade": "H",
            })),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
    let lead = reply.body["lead"]["id"].as_str().unwrap().parse().unwrap();
    let customer = reply.body["lead"]["customer"]["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    (lead, customer)
}

/// The deal of a quote accepted for the lead, as the deal module hands it over.
pub fn deal(quote_id: Uuid, lead_id: Uuid, customer_id: Uuid, consultant: &Actor) -> SignedDeal {
    SignedDeal {
        quote_id,
        lead_id,
        customer_id,
        consultant_id: Some(consultant.user_id().uuid()),
        vehicle: "大众 途观L 330TSI 豪华版".into(),
        colour: Some("极地白".into()),
        lines: vec![
            OrderLine {
                kind: "vehicle".into(),
                label: "途观L 330TSI 豪华版".into(),
                amount_fen: forecourt_domain::money::Fen(14_000_000),
            },
            OrderLine {
                kind: "purchase_tax".into(),
                label: "购置税".into(),
                amount_fen: forecourt_domain::money::Fen(1_300_000),
            },
        ],
        total_fen: TOTAL,
    }
}

/// Signs an order for the lead in one transaction, as ordering from a quote does; its id.
pub async fn sign(
    t: &TestApp,
    actor: &Actor,
    deal: SignedDeal,
) -> Result<Uuid, forecourt_kernel::CoreError> {
    use forecourt_kernel::Clock as _;
    let tx = t.app.db().begin().await.unwrap();
    let order = sign_in(&*tx, actor, deal, None, t.clock.now()).await?;
    tx.commit().await.unwrap();
    Ok(order.id)
}

/// An order of dealer A's consultant, signed from a walk-in: (order id, lead id).
pub async fn order(t: &TestApp, w: &World, phone: &str) -> (String, Uuid) {
    let consultant = session(t, w, BuiltinRole::SalesConsultant).await;
    let (lead, customer) = walk_in(t, &consultant, "孙立", phone).await;
    let actor = actor(t, &w.a.username(BuiltinRole::SalesConsultant)).await;
    let id = sign(t, &actor, deal(Uuid::now_v7(), lead, customer, &actor))
        .await
        .unwrap();
    (id.to_string(), lead)
}

pub async fn get_order(t: &TestApp, s: &Session, id: &str) -> Value {
    let reply = t
        .get(&format!("/api/v1/orders/{id}"), Auth::Session(s))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    reply.body
}

/// Posts to `/api/v1/orders/{id}/{what}`.
pub async fn post(
    t: &TestApp,
    s: &Session,
    id: &str,
    what: &str,
    body: Value,
) -> super::support::Reply {
    t.send(
        Method::POST,
        &format!("/api/v1/orders/{id}/{what}"),
        Auth::Session(s),
        Some(body),
    )
    .await
}

pub fn receivable(order: &Value) -> i64 {
    order["money"]["receivable_fen"].as_i64().unwrap()
}

/// An open order of `consultant` for the permission matrix, written straight to the database
/// (its quote id made up, the lead left as it is).
pub async fn seed_order(
    t: &TestApp,
    consultant: &Actor,
    lead_id: &str,
    customer_id: Uuid,
) -> String {
    use forecourt_db::entities::order;
    use forecourt_kernel::Clock as _;
    let now = t.clock.now();
    let row = order::Model {
        id: Uuid::now_v7(),
        dealer_id: consultant.dealer_id().uuid(),
        contract_no: format!("HT2026{}", &Uuid::now_v7().simple().to_string()[..6]),
        quote_id: Uuid::now_v7(),
        lead_id: lead_id.parse().unwrap(),
        opportunity_id: None,
        customer_id,
        consultant_id: Some(consultant.user_id().uuid()),
        vehicle_desc: "途观L 330TSI".into(),
        colour: None,
        lines: json!([{"kind": "vehicle", "label": "途观L 330TSI", "amount_fen": TOTAL}]),
        total_fen: TOTAL,
        status: "open".into(),
        vin: None,
        stock_unit_id: None,
        cancel_reason: None,
        cancel_note: None,
        cancelled_at: None,
        pdi_done: json!([]),
        handover_done: json!([]),
        odometer_km: None,
        delivered_at: None,
        delivered_vehicle_id: None,
        signed_at: now,
        created_by: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    let tx = t.app.db().begin().await.unwrap();
    forecourt_db::repo::tenant::insert::<order::Entity, _>(
        &*tx,
        consultant.scope(),
        row.dealer_id,
        row.clone(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    row.id.to_string()
}
