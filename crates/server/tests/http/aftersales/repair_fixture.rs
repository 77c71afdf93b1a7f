//! The repair-order tests' fixture: a customer's car, the advisor and the service manager.

use crate::http::customers::create;
use crate::http::support::{Auth, Session, TestApp, world};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

pub struct Fixture {
    /// Dealer A's service advisor and service manager.
    pub advisor: Session,
    pub manager: Session,
    pub advisor_id: String,
    pub customer_id: String,
    pub vehicle_id: String,
}

/// The user id of a session.
pub async fn user_id(t: &TestApp, session: &Session) -> String {
    t.get("/api/v1/me", Auth::Session(session)).await.body["user"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Two dealers; in A a customer with a car at 32,000 km, the advisor and the service manager.
pub async fn fixture(t: &TestApp) -> Fixture {
    world(t).await;
    let advisor = t.login("da-service-advisor").await;
    let manager = t.login("da-service-manager").await;
    let customer = create(
        t,
        &advisor,
        json!({"name": "刘洋", "phones": [{"number": "13655556666"}],
            "vehicles": [{"vin": "LSVAU2180N2183516", "accept_vin_check_digit": true, "plate": "浙A12345",
                "brand": "大众", "series": "途观L", "mileage_km": 32000}]}),
    )
    .await;
    Fixture {
        advisor_id: user_id(t, &advisor).await,
        customer_id: customer["id"].as_str().unwrap().to_owned(),
        vehicle_id: customer["vehicles"][0]["id"].as_str().unwrap().to_owned(),
        advisor,
        manager,
    }
}

/// Opens a walk-in order for the fixture's car at `km`.
pub async fn open(t: &TestApp, f: &Fixture, km: i32) -> Value {
    let reply = t
        .send(
            Method::POST,
            "/api/v1/repair-orders",
            Auth::Session(&f.advisor),
            Some(
                json!({"customer_id": f.customer_id, "vehicle_id": f.vehicle_id,
                "odometer_in_km": km, "complaint": "保养，刹车异响", "maintenance": true}),
            ),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
    reply.body
}

/// A labour line added to an order; the order's view after it.
pub async fn add_labour(t: &TestApp, s: &Session, order: &Value, body: Value) -> Value {
    let mut body = body;
    body["version"] = order["version"].clone();
    let reply = t
        .send(
            Method::POST,
            &format!(
                "/api/v1/repair-orders/{}/labour",
                order["id"].as_str().unwrap()
            ),
            Auth::Session(s),
            Some(body),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    reply.body
}
