//! Stock through the API and its hooks for orders: units by VIN, moves, allocation under
//! concurrency, delivery into the customer's vehicle, trade-ins, the list and its export,
//! aged and low stock.

use super::support::{Auth, PASSWORD, Session, TestApp, World, world};
use axum::http::{Method, StatusCode};
use forecourt_domain::role::BuiltinRole;
use forecourt_kernel::Actor;
use serde_json::{Value, json};

mod alerts;
mod hooks;
mod list;
mod trade_in;
mod units;

/// A VIN whose check digit is valid, numbered `n`.
pub fn vin(n: u32) -> String {
    let mut v: Vec<char> = format!("LSVAU2180N2{n:06}").chars().collect();
    let digit = forecourt_domain::vin::expected_check_digit(&v.iter().collect::<String>())
        .expect("a VIN of valid characters");
    v[8] = digit;
    v.into_iter().collect()
}

/// The same VIN with a wrong check digit.
pub fn bad_vin(n: u32) -> String {
    let good = vin(n);
    let wrong = if good.as_bytes()[8] == b'1' { '2' } else { '1' };
    let mut v: Vec<char> = good.chars().collect();
    v[8] = wrong;
    v.into_iter().collect()
}

pub struct Fixture {
    pub w: World,
    pub manager: Session,
    pub model_id: String,
    pub series_id: String,
}

/// Two dealers, a catalog model in dealer A and A's sales manager's session.
pub async fn fixture(t: &TestApp) -> Fixture {
    let w = world(t).await;
    let system = t
        .app
        .system_actor(w.a.dealer_id.parse().unwrap())
        .await
        .unwrap();
    use forecourt_catalog::CatalogExt as _;
    let brand = t
        .app
        .catalog()
        .create_brand(
            &system,
            forecourt_catalog::NewBrand {
                name: "大众".into(),
            },
        )
        .await
        .unwrap();
    let series = t
        .app
        .catalog()
        .create_series(
            &system,
            forecourt_catalog::NewSeries {
                brand_id: brand.id,
                name: "途观L".into(),
            },
        )
        .await
        .unwrap();
    let model = t
        .app
        .catalog()
        .create_model(
            &system,
            forecourt_catalog::NewModel {
                series_id: series.id,
                name: "330TSI".into(),
                model_year: 2026,
                body_type: forecourt_catalog::BodyType::Suv,
                powertrain: forecourt_catalog::Powertrain::Petrol,
                guide_price_fen: forecourt_domain::money::Fen(21_980_000),
                colours: vec![],
                active: true,
            },
        )
        .await
        .unwrap();
    let manager = t.login(&w.a.username(BuiltinRole::SalesManager)).await;
    Fixture {
        w,
        manager,
        model_id: model.id.to_string(),
        series_id: series.id.to_string(),
    }
}

/// The actor of a user of dealer A.
pub async fn actor(t: &TestApp, f: &Fixture, role: BuiltinRole) -> Actor {
    t.app
        .login(forecourt_kernel::auth::LoginInput {
            username: f.w.a.username(role),
            password: PASSWORD.into(),
            ip: t.fresh_ip(),
            user_agent: None,
        })
        .await
        .unwrap()
        .actor
}

/// Adds a unit through the API as the manager; its body.
pub async fn add_unit(t: &TestApp, f: &Fixture, extra: Value) -> Value {
    let mut body = json!({"vin": vin(1), "catalog_model_id": f.model_id, "colour": "白",
                          "location": "A区", "cost_fen": 18_000_000});
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            b.insert(k.clone(), v.clone());
        }
    }
    let reply = t
        .send(
            Method::POST,
            "/api/v1/stock-units",
            Auth::Session(&f.manager),
            Some(body),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
    reply.body
}

/// A customer of dealer A; their id.
pub async fn customer(t: &TestApp, f: &Fixture, name: &str, phone: &str) -> String {
    let reply = t
        .send(
            Method::POST,
            "/api/v1/customers",
            Auth::Session(&f.manager),
            Some(json!({"name": name, "phones": [{"number": phone}], "allow_duplicate": true})),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
    reply.body["id"].as_str().unwrap().to_owned()
}
