//! What the audit log records of a customer: every field, personal data masked.

use crate::audit::Audited;
use forecourt_db::entities::customer;
use forecourt_domain::masking::{mask_email, mask_phone};
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

/// Phones as the audit log shows them.
pub(crate) fn masked_numbers<'a>(numbers: impl IntoIterator<Item = &'a str>) -> Value {
    Value::Array(
        numbers
            .into_iter()
            .map(|n| Value::String(mask_phone(n)))
            .collect(),
    )
}
