//! What the audit log records of customer care: its settings, SLA targets and complaints.

use super::Audited;
use crate::entities::{care_setting, complaint, complaint_sla_target};
use serde_json::{Map, Value};
use uuid::Uuid;

fn id(v: Option<Uuid>) -> Value {
    v.map(|s| s.to_string()).into()
}

fn at(v: Option<chrono::DateTime<chrono::Utc>>) -> Value {
    v.map(|t| t.to_rfc3339()).into()
}

impl Audited for care_setting::Model {
    const ENTITY: &'static str = "care_settings";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("working_days".into(), self.working_days.clone().into());
        f.insert("day_starts_min".into(), self.day_starts_min.into());
        f.insert("day_ends_min".into(), self.day_ends_min.into());
        f.insert("warn_percent".into(), self.warn_percent.into());
        f.insert(
            "senior_after_minutes".into(),
            self.senior_after_minutes.into(),
        );
        f
    }
}

impl Audited for complaint_sla_target::Model {
    const ENTITY: &'static str = "complaint_sla_target";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("severity".into(), self.severity.clone().into());
        f.insert("source".into(), self.source.clone().into());
        f.insert(
            "first_response_minutes".into(),
            self.first_response_minutes.into(),
        );
        f.insert("resolution_minutes".into(), self.resolution_minutes.into());
        f
    }
}

impl Audited for complaint::Model {
    const ENTITY: &'static str = "complaint";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("number".into(), self.number.clone().into());
        f.insert("source".into(), self.source.clone().into());
        f.insert("category".into(), self.category.clone().into());
        f.insert("severity".into(), self.severity.clone().into());
        f.insert("customer_id".into(), self.customer_id.to_string().into());
        f.insert("vehicle_id".into(), id(self.vehicle_id));
        f.insert("repair_order_id".into(), id(self.repair_order_id));
        f.insert("order_id".into(), id(self.order_id));
        f.insert("staff_id".into(), id(self.staff_id));
        f.insert("status".into(), self.status.clone().into());
        f.insert("handler_id".into(), id(self.handler_id));
        f.insert("oem_deadline_at".into(), at(self.oem_deadline_at));
        f.insert("agreement".into(), self.agreement.clone().into());
        f.insert("verified_by".into(), id(self.verified_by));
        f.insert("cycle".into(), self.cycle.into());
        f.insert(
            "first_response_breached".into(),
            self.first_response_breached.into(),
        );
        f.insert(
            "resolution_breached".into(),
            self.resolution_breached.into(),
        );
        f
    }
}
