//! What the audit log records of after-sales: service settings, maintenance plans,
//! appointments, repair orders and their lines, the parts price list, insurance policies and
//! renewals.

use super::Audited;
use crate::entities::{
    insurance_policy, maintenance_plan, parts_price, renewal, repair_order, repair_order_labour,
    repair_order_part, service_appointment, service_setting,
};
use serde_json::{Map, Value};
use uuid::Uuid;

impl Audited for service_setting::Model {
    const ENTITY: &'static str = "service_settings";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("bays".into(), self.bays.into());
        f.insert("day_starts_min".into(), self.day_starts_min.into());
        f.insert("day_ends_min".into(), self.day_ends_min.into());
        f.insert("working_days".into(), self.working_days.clone().into());
        f.insert(
            "advisor_daily_minutes".into(),
            self.advisor_daily_minutes.into(),
        );
        f.insert("labour_rate_fen".into(), self.labour_rate_fen.into());
        f.insert(
            "fallback_km_per_year".into(),
            self.fallback_km_per_year.into(),
        );
        f.insert(
            "reminder_days_before".into(),
            self.reminder_days_before.into(),
        );
        f.insert("remind_by_task".into(), self.remind_by_task.into());
        f.insert("remind_by_message".into(), self.remind_by_message.into());
        f.insert(
            "renewal_window_days".into(),
            self.renewal_window_days.into(),
        );
        f
    }
}

impl Audited for maintenance_plan::Model {
    const ENTITY: &'static str = "maintenance_plan";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert(
            "catalog_model_id".into(),
            self.catalog_model_id.map(|s| s.to_string()).into(),
        );
        f.insert("name".into(), self.name.clone().into());
        f.insert("interval_km".into(), self.interval_km.into());
        f.insert("interval_months".into(), self.interval_months.into());
        f.insert("first_km".into(), self.first_km.into());
        f.insert("first_months".into(), self.first_months.into());
        f
    }
}

impl Audited for service_appointment::Model {
    const ENTITY: &'static str = "service_appointment";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("customer_id".into(), self.customer_id.to_string().into());
        f.insert("vehicle_id".into(), self.vehicle_id.to_string().into());
        f.insert(
            "advisor_id".into(),
            self.advisor_id.map(|s| s.to_string()).into(),
        );
        f.insert("on_date".into(), self.on_date.to_string().into());
        f.insert(
            "arrives_at".into(),
            self.arrives_at.map(|s| s.to_rfc3339()).into(),
        );
        f.insert("job_minutes".into(), self.job_minutes.into());
        f.insert("job".into(), self.job.clone().into());
        f.insert("source".into(), self.source.clone().into());
        f.insert("status".into(), self.status.clone().into());
        f.insert(
            "repair_order_id".into(),
            self.repair_order_id.map(|s| s.to_string()).into(),
        );
        f
    }
}

impl Audited for repair_order::Model {
    const ENTITY: &'static str = "repair_order";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("number".into(), self.number.clone().into());
        f.insert("customer_id".into(), self.customer_id.to_string().into());
        f.insert("vehicle_id".into(), self.vehicle_id.to_string().into());
        f.insert(
            "appointment_id".into(),
            self.appointment_id.map(|s| s.to_string()).into(),
        );
        f.insert("advisor_id".into(), self.advisor_id.to_string().into());
        f.insert("status".into(), self.status.clone().into());
        f.insert("maintenance".into(), self.maintenance.into());
        f.insert("odometer_in_km".into(), self.odometer_in_km.into());
        f.insert("odometer_out_km".into(), self.odometer_out_km.into());
        f.insert("complaint".into(), self.complaint.clone().into());
        f.insert("diagnosis".into(), self.diagnosis.clone().into());
        f.insert("paid_fen".into(), self.paid_fen.into());
        f.insert("payment_method".into(), self.payment_method.clone().into());
        f
    }
}

impl Audited for repair_order_labour::Model {
    const ENTITY: &'static str = "repair_order_labour";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert(
            "repair_order_id".into(),
            self.repair_order_id.to_string().into(),
        );
        f.insert("operation_code".into(), self.operation_code.clone().into());
        f.insert("description".into(), self.description.clone().into());
        f.insert("hours_centi".into(), self.hours_centi.into());
        f.insert("rate_fen".into(), self.rate_fen.into());
        f.insert("amount_fen".into(), self.amount_fen.into());
        f.insert("payer".into(), self.payer.clone().into());
        f.insert("status".into(), self.status.clone().into());
        f.insert(
            "technician_id".into(),
            self.technician_id.map(|s| s.to_string()).into(),
        );
        f
    }
}

impl Audited for repair_order_part::Model {
    const ENTITY: &'static str = "repair_order_part";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert(
            "repair_order_id".into(),
            self.repair_order_id.to_string().into(),
        );
        f.insert("part_no".into(), self.part_no.clone().into());
        f.insert("name".into(), self.name.clone().into());
        f.insert("quantity".into(), self.quantity.into());
        f.insert("unit_price_fen".into(), self.unit_price_fen.into());
        f.insert("amount_fen".into(), self.amount_fen.into());
        f.insert("payer".into(), self.payer.clone().into());
        f
    }
}

impl Audited for parts_price::Model {
    const ENTITY: &'static str = "parts_price";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("part_no".into(), self.part_no.clone().into());
        f.insert("name".into(), self.name.clone().into());
        f.insert("price_fen".into(), self.price_fen.into());
        f
    }
}

impl Audited for insurance_policy::Model {
    const ENTITY: &'static str = "insurance_policy";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("vehicle_id".into(), self.vehicle_id.to_string().into());
        f.insert(
            "customer_id".into(),
            self.customer_id.map(|s| s.to_string()).into(),
        );
        f.insert("kind".into(), self.kind.clone().into());
        f.insert("insurer".into(), self.insurer.clone().into());
        f.insert("policy_no".into(), self.policy_no.clone().into());
        f.insert("premium_fen".into(), self.premium_fen.into());
        f.insert("starts_on".into(), self.starts_on.to_string().into());
        f.insert("ends_on".into(), self.ends_on.to_string().into());
        f.insert("sold_here".into(), self.sold_here.into());
        f
    }
}

impl Audited for renewal::Model {
    const ENTITY: &'static str = "renewal";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("policy_id".into(), self.policy_id.to_string().into());
        f.insert("vehicle_id".into(), self.vehicle_id.to_string().into());
        f.insert(
            "customer_id".into(),
            self.customer_id.map(|s| s.to_string()).into(),
        );
        f.insert(
            "agent_id".into(),
            self.agent_id.map(|s| s.to_string()).into(),
        );
        f.insert("due_on".into(), self.due_on.to_string().into());
        f.insert("status".into(), self.status.clone().into());
        f.insert("insurer".into(), self.insurer.clone().into());
        f.insert("lost_reason".into(), self.lost_reason.clone().into());
        f.insert(
            "new_policy_id".into(),
            self.new_policy_id.map(|s| s.to_string()).into(),
        );
        f
    }
}
