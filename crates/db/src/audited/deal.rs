//! What the audit log records of the deal: configurator items and groups, prices, settings,
//! appraisals and quotes.

use super::Audited;
use crate::entities::{
    appraisal, config_group, config_item, config_item_price, deal_setting, quote,
};
use serde_json::{Map, Value};
use uuid::Uuid;

fn id_text(id: Option<Uuid>) -> Value {
    id.map(|i| i.to_string()).into()
}

impl Audited for config_group::Model {
    const ENTITY: &'static str = "config_group";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("model_id".into(), self.model_id.to_string().into());
        f.insert("name".into(), self.name.clone().into());
        f.insert("rule".into(), self.rule.clone().into());
        f.insert("position".into(), self.position.into());
        f
    }
}

impl Audited for config_item::Model {
    const ENTITY: &'static str = "config_item";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("kind".into(), self.kind.clone().into());
        f.insert("model_id".into(), id_text(self.model_id));
        f.insert("series_id".into(), id_text(self.series_id));
        f.insert("group_id".into(), id_text(self.group_id));
        f.insert("code".into(), self.code.clone().into());
        f.insert("name".into(), self.name.clone().into());
        f.insert("colour".into(), self.colour.clone().into());
        f.insert("active".into(), self.active.into());
        f
    }
}

impl Audited for config_item_price::Model {
    const ENTITY: &'static str = "config_item_price";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("item_id".into(), self.item_id.to_string().into());
        f.insert(
            "effective_from".into(),
            self.effective_from.to_string().into(),
        );
        f.insert("price_fen".into(), self.price_fen.into());
        f.insert("cost_fen".into(), self.cost_fen.into());
        f
    }
}

impl Audited for deal_setting::Model {
    const ENTITY: &'static str = "deal_settings";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("max_discount_fen".into(), self.max_discount_fen.into());
        f.insert("max_discount_bp".into(), self.max_discount_bp.into());
        f.insert("min_margin_fen".into(), self.min_margin_fen.into());
        f.insert("quote_valid_days".into(), self.quote_valid_days.into());
        f.insert("tax_rules".into(), self.tax_rules.clone());
        f
    }
}

impl Audited for appraisal::Model {
    const ENTITY: &'static str = "appraisal";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("customer_id".into(), self.customer_id.to_string().into());
        f.insert("vehicle_id".into(), self.vehicle_id.to_string().into());
        f.insert("appraiser_id".into(), id_text(self.appraiser_id));
        f.insert("mileage_km".into(), self.mileage_km.into());
        f.insert("value_fen".into(), self.value_fen.into());
        f.insert("valid_until".into(), self.valid_until.to_string().into());
        f
    }
}

impl Audited for quote::Model {
    const ENTITY: &'static str = "quote";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert(
            "opportunity_id".into(),
            self.opportunity_id.to_string().into(),
        );
        f.insert("model_id".into(), self.model_id.to_string().into());
        f.insert("colour".into(), self.colour.clone().into());
        f.insert("status".into(), self.status.clone().into());
        f.insert("valid_until".into(), self.valid_until.to_string().into());
        f.insert("appraisal_id".into(), id_text(self.appraisal_id));
        f.insert("vehicle_price_fen".into(), self.vehicle_price_fen.into());
        f.insert("vehicle_cost_fen".into(), self.vehicle_cost_fen.into());
        f.insert("options_fen".into(), self.options_fen.into());
        f.insert("packages_fen".into(), self.packages_fen.into());
        f.insert("accessories_fen".into(), self.accessories_fen.into());
        f.insert("insurance_fen".into(), self.insurance_fen.into());
        f.insert("fees_fen".into(), self.fees_fen.into());
        f.insert("finance_fee_fen".into(), self.finance_fee_fen.into());
        f.insert("discount_fen".into(), self.discount_fen.into());
        f.insert("trade_in_fen".into(), self.trade_in_fen.into());
        f.insert("purchase_tax_fen".into(), self.purchase_tax_fen.into());
        f.insert("total_fen".into(), self.total_fen.into());
        f.insert("order_id".into(), id_text(self.order_id));
        f
    }
}
