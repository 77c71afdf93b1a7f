//! The deal through the API: the configurator and its dated prices, quotes with the
//! on-the-road price, approval and acceptance, trade-in appraisals.

use super::support::{Auth, Session, TestApp, World, world};
pub(super) use crate::http::support::post;
use axum::http::{Method, StatusCode};
use forecourt_domain::role::BuiltinRole::{self, *};
use serde_json::{Value, json};

mod appraisals;
mod approvals;
mod configurator;
mod preview;
mod quotes;
pub(crate) mod records;

/// Yuan to fen.
const fn yuan(y: i64) -> i64 {
    y * 100
}

/// A dealer with a configured trim and a consultant's opportunity.
pub(super) struct Deal {
    pub w: World,
    pub manager: Session,
    pub consultant: Session,
    /// Petrol, ¥189,800, colours 珍珠白 and 宝石蓝.
    pub model_id: String,
    /// A battery-electric trim of the same series, ¥226,000.
    pub bev_model_id: String,
    /// The paint group (exclusive) and its white option (¥0; blue is ¥2,000).
    pub white_id: String,
    /// The wheels group (single): 19寸 ¥6,000 and 20寸 ¥8,000.
    pub wheels19_id: String,
    pub wheels20_id: String,
    /// A package ¥3,500 and an accessory ¥5,200 (cost ¥2,000).
    pub package_id: String,
    pub accessory_id: String,
    /// An option of the BEV trim (not valid on the petrol one).
    pub bev_paint_id: String,
    pub customer_id: String,
    pub lead_id: String,
    pub opportunity_id: String,
}

pub(super) async fn created(t: &TestApp, s: &Session, path: &str, body: Value) -> Value {
    let reply = post(t, s, path, body).await;
    assert_eq!(
        reply.status,
        StatusCode::CREATED,
        "{path}: {:?}",
        reply.body
    );
    reply.body
}

fn id(v: &Value) -> String {
    v["id"].as_str().expect("an id").to_owned()
}

async fn item(t: &TestApp, s: &Session, body: Value) -> String {
    id(&created(t, s, "/api/v1/configurator/items", body).await)
}

fn price(p: i64, cost: Option<i64>) -> Value {
    json!({"effective_from": "2026-01-01", "price_fen": p, "cost_fen": cost})
}

/// A walk-in for the consultant with an opportunity: (customer, lead, opportunity).
pub(super) async fn opportunity(
    t: &TestApp,
    s: &Session,
    name: &str,
    phone: &str,
) -> (String, String, String) {
    let outcome = created(
        t,
        s,
        "/api/v1/receptions",
        json!({"customer": {"name": name, "phones": [{"number": phone}]}, "grade": "A",
               "models": [{"text": "途观L"}]}),
    )
    .await;
    let lead = outcome["lead"]["id"].as_str().unwrap().to_owned();
    let customer = outcome["reception"]["customer"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let opp = created(
        t,
        s,
        &format!("/api/v1/leads/{lead}/opportunity"),
        json!({"amount_fen": 18_980_000}),
    )
    .await;
    (customer, lead, id(&opp))
}

pub(super) async fn deal(t: &TestApp) -> Deal {
    let w = world(t).await;
    let admin = t.login(&w.a.username(Admin)).await;
    let manager = t.login(&w.a.username(SalesManager)).await;
    let consultant = t.login(&w.a.username(SalesConsultant)).await;
    let brand = created(t, &admin, "/api/v1/catalog/brands", json!({"name": "大众"})).await;
    let series = created(
        t,
        &admin,
        "/api/v1/catalog/series",
        json!({"brand_id": id(&brand), "name": "途观L"}),
    )
    .await;
    let model = |name: &str, powertrain: &str, fen: i64| {
        json!({"series_id": id(&series), "name": name, "model_year": 2026, "body_type": "suv",
               "powertrain": powertrain, "guide_price_fen": fen, "active": true,
               "colours": [{"name": "珍珠白", "hex": "#F5F5F0"}, {"name": "宝石蓝", "hex": "#1F3A93"}]})
    };
    let petrol = created(
        t,
        &admin,
        "/api/v1/catalog/models",
        model("2026款 330TSI 豪华型", "petrol", yuan(189_800)),
    )
    .await;
    let bev = created(
        t,
        &admin,
        "/api/v1/catalog/models",
        model("2026款 纯电 豪华型", "bev", yuan(226_000)),
    )
    .await;
    let (model_id, bev_model_id) = (id(&petrol), id(&bev));
    let group = |model: &str, name: &str, rule: &str| json!({"model_id": model, "name": name, "rule": rule});
    let paint = id(&created(
        t,
        &manager,
        "/api/v1/configurator/groups",
        group(&model_id, "车漆", "exclusive"),
    )
    .await);
    let wheels = id(&created(
        t,
        &manager,
        "/api/v1/configurator/groups",
        group(&model_id, "轮毂", "single"),
    )
    .await);
    let option = |group: &str, name: &str, colour: Option<&str>, p: i64| {
        json!({"kind": "option", "model_id": model_id, "group_id": group, "name": name,
               "colour": colour, "price": price(p, None)})
    };
    let white_id = item(t, &manager, option(&paint, "珍珠白", Some("珍珠白"), 0)).await;
    item(
        t,
        &manager,
        option(&paint, "宝石蓝", Some("宝石蓝"), yuan(2_000)),
    )
    .await;
    let wheels19_id = item(t, &manager, option(&wheels, "19寸轮毂", None, yuan(6_000))).await;
    let wheels20_id = item(t, &manager, option(&wheels, "20寸轮毂", None, yuan(8_000))).await;
    let package_id = item(
        t,
        &manager,
        json!({"kind": "package", "model_id": model_id, "name": "智能驾驶包",
               "option_ids": [], "price": price(yuan(3_500), Some(yuan(2_500)))}),
    )
    .await;
    let accessory_id = item(
        t,
        &manager,
        json!({"kind": "accessory", "series_id": id(&series), "name": "全包围脚垫",
               "price": price(yuan(5_200), Some(yuan(2_000)))}),
    )
    .await;
    let bev_paint = id(&created(
        t,
        &manager,
        "/api/v1/configurator/groups",
        group(&bev_model_id, "车漆", "exclusive"),
    )
    .await);
    let bev_paint_id = item(
        t,
        &manager,
        json!({"kind": "option", "model_id": bev_model_id, "group_id": bev_paint, "name": "珍珠白",
               "colour": "珍珠白", "price": price(0, None)}),
    )
    .await;
    let (customer_id, lead_id, opportunity_id) =
        opportunity(t, &consultant, "王芳", "13900001111").await;
    Deal {
        w,
        manager,
        consultant,
        model_id,
        bev_model_id,
        white_id,
        wheels19_id,
        wheels20_id,
        package_id,
        accessory_id,
        bev_paint_id,
        customer_id,
        lead_id,
        opportunity_id,
    }
}

impl Deal {
    /// The worked example: 189,800 + 6,000 (wheels) + 3,500 + 5,200 + 1,500 − 8,000, white.
    pub fn example(&self) -> Value {
        json!({
            "opportunity_id": self.opportunity_id,
            "model_id": self.model_id,
            "colour": "珍珠白",
            "option_ids": [self.white_id, self.wheels19_id],
            "package_ids": [self.package_id],
            "accessory_ids": [self.accessory_id],
            "fees_fen": yuan(1_500),
            "discount_fen": yuan(8_000),
        })
    }

    pub async fn session(&self, t: &TestApp, role: BuiltinRole) -> Session {
        t.login(&self.w.a.username(role)).await
    }
}

/// Sets the deal settings as the manager.
pub(super) async fn settings(t: &TestApp, d: &Deal, change: Value) -> Value {
    let current = t
        .get("/api/v1/deal-settings", Auth::Session(&d.manager))
        .await;
    assert_eq!(current.status, StatusCode::OK, "{:?}", current.body);
    let mut body = current.body.clone();
    for (k, v) in change.as_object().unwrap() {
        body[k] = v.clone();
    }
    let reply = t
        .send(
            Method::PUT,
            "/api/v1/deal-settings",
            Auth::Session(&d.manager),
            Some(body),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    reply.body
}

/// The lines of a quote as (kind, amount).
pub(super) fn lines(q: &Value) -> Vec<(String, i64)> {
    q["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["kind"].as_str().unwrap().to_owned(),
                l["amount_fen"].as_i64().unwrap(),
            )
        })
        .collect()
}
