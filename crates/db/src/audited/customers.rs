//! What the audit log records of customers and their vehicles: every field, personal data masked.

use super::Audited;
use crate::entities::{customer, vehicle};
use forecourt_domain::masking::mask_email;
use serde_json::{Map, Value};
use uuid::Uuid;

impl Audited for customer::Model {
    const ENTITY: &'static str = "customer";

    fn audit_id(&self) -> Uuid {
        self.id
    }

    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("kind".into(), self.kind.clone().into());
        f.insert("name".into(), self.name.clone().into());
        f.insert("gender".into(), self.gender.clone().into());
        f.insert(
            "birthday".into(),
            self.birthday.map(|d| d.to_string()).into(),
        );
        f.insert("wechat_id".into(), self.wechat_id.clone().into());
        f.insert("email".into(), self.email.as_deref().map(mask_email).into());
        f.insert("province".into(), self.province.clone().into());
        f.insert("city".into(), self.city.clone().into());
        f.insert("district".into(), self.district.clone().into());
        f.insert("street".into(), self.street.clone().into());
        // The number itself never reaches the log; its last four show that it changed.
        f.insert(
            "id_number".into(),
            self.id_number_last4
                .as_ref()
                .map(|l| format!("**************{l}"))
                .into(),
        );
        f.insert("occupation".into(), self.occupation.clone().into());
        f.insert("notes".into(), self.notes.clone().into());
        f.insert("source".into(), self.source_key.clone().into());
        f.insert(
            "owner_id".into(),
            self.owner_id.map(|o| o.to_string()).into(),
        );
        f.insert("status".into(), self.status.clone().into());
        f.insert(
            "merged_into_id".into(),
            self.merged_into_id.map(|m| m.to_string()).into(),
        );
        f
    }
}

impl Audited for vehicle::Model {
    const ENTITY: &'static str = "vehicle";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("vin".into(), self.vin.clone().into());
        f.insert("plate".into(), self.plate.clone().into());
        f.insert("brand".into(), self.brand.clone().into());
        f.insert("series".into(), self.series.clone().into());
        f.insert("model".into(), self.model.clone().into());
        f.insert("colour".into(), self.colour.clone().into());
        f.insert("model_year".into(), self.model_year.into());
        f.insert(
            "purchase_date".into(),
            self.purchase_date.map(|d| d.to_string()).into(),
        );
        f.insert("bought_here".into(), self.bought_here.into());
        f.insert(
            "owner_customer_id".into(),
            self.owner_customer_id.map(|c| c.to_string()).into(),
        );
        f.insert("notes".into(), self.notes.clone().into());
        f
    }
}
