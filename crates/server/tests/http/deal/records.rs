//! The deal's records of a dealer for the permission matrix: an accessory, a quote of the
//! consultant's opportunity and an appraisal of the consultant's customer's car.

use forecourt_catalog::CatalogExt as _;
use forecourt_deal::DealExt as _;
use forecourt_kernel::App;
use forecourt_kernel::auth::Actor;
use serde_json::{Value, json};

#[derive(Clone, Debug)]
pub struct DealRecords {
    /// A trim of its own (the matrix deletes the fixture's model).
    pub model_id: String,
    pub config_item_id: String,
    pub quote_id: String,
    pub appraisal_id: String,
}

fn input<T: serde::de::DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v).unwrap()
}

pub async fn records(
    app: &App,
    system: &Actor,
    manager: &Actor,
    consultant: &Actor,
    series_id: &str,
    opportunity_id: &str,
    customer_id: &str,
    vehicle_id: &str,
) -> DealRecords {
    let model = app
        .catalog()
        .create_model(
            system,
            input(
                json!({"series_id": series_id, "name": "报价车型", "model_year": 2026,
                         "body_type": "suv", "powertrain": "petrol", "guide_price_fen": 18_980_000,
                         "colours": [], "active": true}),
            ),
        )
        .await
        .unwrap();
    let model_id = model.id.to_string();
    let model_id = model_id.as_str();
    let item = app
        .deal()
        .create_config_item(
            manager,
            input(json!({"kind": "accessory", "name": "A脚垫",
                         "price": {"effective_from": "2026-01-01", "price_fen": 52_000}})),
        )
        .await
        .unwrap();
    let quote = app
        .deal()
        .create_quote(
            consultant,
            input(json!({"opportunity_id": opportunity_id, "model_id": model_id})),
        )
        .await
        .unwrap();
    let appraisal = app
        .deal()
        .create_appraisal(
            consultant,
            input(json!({"customer_id": customer_id, "vehicle_id": vehicle_id, "value_fen": 4_500_000})),
        )
        .await
        .unwrap();
    DealRecords {
        model_id: model_id.to_owned(),
        config_item_id: item.id.to_string(),
        quote_id: quote.id.to_string(),
        appraisal_id: appraisal.id.to_string(),
    }
}
