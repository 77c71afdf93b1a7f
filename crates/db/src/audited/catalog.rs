//! What the audit log records of the car catalog: brands, series, models.

use super::Audited;
use crate::entities::{catalog_brand, catalog_model, catalog_series};
use serde_json::{Map, Value};
use uuid::Uuid;

impl Audited for catalog_brand::Model {
    const ENTITY: &'static str = "catalog_brand";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("name".into(), self.name.clone().into());
        f
    }
}

impl Audited for catalog_series::Model {
    const ENTITY: &'static str = "catalog_series";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("name".into(), self.name.clone().into());
        f.insert("brand_id".into(), self.brand_id.to_string().into());
        f
    }
}

impl Audited for catalog_model::Model {
    const ENTITY: &'static str = "catalog_model";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("name".into(), self.name.clone().into());
        f.insert("model_year".into(), self.model_year.into());
        f.insert("body_type".into(), self.body_type.clone().into());
        f.insert("powertrain".into(), self.powertrain.clone().into());
        f.insert("guide_price_fen".into(), self.guide_price_fen.into());
        f.insert("colours".into(), self.colours.clone());
        f.insert("active".into(), self.active.into());
        f
    }
}
