//! What the audit log records of stock: units, settings and model minimums.

use super::Audited;
use crate::entities::{stock_model_minimum, stock_setting, stock_unit};
use serde_json::{Map, Value};
use uuid::Uuid;

impl Audited for stock_unit::Model {
    const ENTITY: &'static str = "stock_unit";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("vin".into(), self.vin.clone().into());
        f.insert(
            "catalog_model_id".into(),
            self.catalog_model_id.map(|s| s.to_string()).into(),
        );
        f.insert("colour".into(), self.colour.clone().into());
        f.insert("status".into(), self.status.clone().into());
        f.insert("location".into(), self.location.clone().into());
        f.insert(
            "arrived_on".into(),
            self.arrived_on.map(|d| d.to_string()).into(),
        );
        f.insert("cost_fen".into(), self.cost_fen.into());
        f.insert(
            "order_id".into(),
            self.order_id.map(|s| s.to_string()).into(),
        );
        f.insert(
            "customer_id".into(),
            self.customer_id.map(|s| s.to_string()).into(),
        );
        f.insert(
            "vehicle_id".into(),
            self.vehicle_id.map(|s| s.to_string()).into(),
        );
        f.insert("used".into(), self.used.into());
        f
    }
}

impl Audited for stock_setting::Model {
    const ENTITY: &'static str = "stock_settings";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("aged_days".into(), self.aged_days.clone());
        f
    }
}

impl Audited for stock_model_minimum::Model {
    const ENTITY: &'static str = "stock_model_minimum";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert(
            "catalog_model_id".into(),
            self.catalog_model_id.to_string().into(),
        );
        f.insert("minimum".into(), self.minimum.into());
        f
    }
}
