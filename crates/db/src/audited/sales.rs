//! What the audit log records of sales: leads, opportunities, stages, test-drive cars and bookings, settings.

use super::Audited;
use crate::entities::{
    lead, opportunity, pipeline_stage, sales_setting, test_drive_booking, test_drive_car,
};
use serde_json::{Map, Value};
use uuid::Uuid;

impl Audited for test_drive_car::Model {
    const ENTITY: &'static str = "test_drive_car";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("name".into(), self.name.clone().into());
        f.insert(
            "series_id".into(),
            self.series_id.map(|s| s.to_string()).into(),
        );
        f.insert(
            "model_id".into(),
            self.model_id.map(|s| s.to_string()).into(),
        );
        f.insert("vin".into(), self.vin.clone().into());
        f.insert("plate".into(), self.plate.clone().into());
        f.insert("colour".into(), self.colour.clone().into());
        f.insert("active".into(), self.active.into());
        f
    }
}

impl Audited for test_drive_booking::Model {
    const ENTITY: &'static str = "test_drive";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("car_id".into(), self.car_id.to_string().into());
        f.insert("customer_id".into(), self.customer_id.to_string().into());
        f.insert("starts_at".into(), self.starts_at.to_rfc3339().into());
        f.insert("ends_at".into(), self.ends_at.to_rfc3339().into());
        f.insert("status".into(), self.status.clone().into());
        // Never the licence itself: only whether one was captured.
        f.insert(
            "licence_captured".into(),
            self.licence_cipher.is_some().into(),
        );
        f.insert("feedback_rating".into(), self.feedback_rating.into());
        f.insert("feedback_grade".into(), self.feedback_grade.clone().into());
        f
    }
}

impl Audited for opportunity::Model {
    const ENTITY: &'static str = "opportunity";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("lead_id".into(), self.lead_id.to_string().into());
        f.insert("stage_id".into(), self.stage_id.to_string().into());
        f.insert("status".into(), self.status.clone().into());
        f.insert("amount_fen".into(), self.amount_fen.into());
        f.insert(
            "expected_on".into(),
            self.expected_on.map(|d| d.to_string()).into(),
        );
        f.insert("competitors".into(), self.competitors.clone());
        f.insert("notes".into(), self.notes.clone().into());
        f.insert(
            "owner_id".into(),
            self.owner_id.map(|o| o.to_string()).into(),
        );
        f
    }
}

impl Audited for pipeline_stage::Model {
    const ENTITY: &'static str = "pipeline_stage";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("key".into(), self.key.clone().into());
        f.insert("name".into(), self.name.clone().into());
        f.insert("probability".into(), self.probability.into());
        f.insert("kind".into(), self.kind.clone().into());
        f.insert("sort_order".into(), self.sort_order.into());
        f.insert("active".into(), self.active.into());
        f
    }
}

impl Audited for lead::Model {
    const ENTITY: &'static str = "lead";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("customer_id".into(), self.customer_id.to_string().into());
        f.insert("source".into(), self.source_key.clone().into());
        f.insert(
            "series_id".into(),
            self.series_id.map(|s| s.to_string()).into(),
        );
        f.insert(
            "model_id".into(),
            self.model_id.map(|s| s.to_string()).into(),
        );
        f.insert("model_text".into(), self.model_text.clone().into());
        f.insert("budget_min_fen".into(), self.budget_min_fen.into());
        f.insert("budget_max_fen".into(), self.budget_max_fen.into());
        f.insert("timeframe".into(), self.timeframe.clone().into());
        f.insert("payment".into(), self.payment.clone().into());
        f.insert("trade_in".into(), self.trade_in.into());
        f.insert("trade_in_note".into(), self.trade_in_note.clone().into());
        f.insert("grade".into(), self.grade.clone().into());
        f.insert("status".into(), self.status.clone().into());
        f.insert(
            "owner_id".into(),
            self.owner_id.map(|o| o.to_string()).into(),
        );
        f.insert("pool".into(), self.pool.clone().into());
        f.insert("notes".into(), self.notes.clone().into());
        f.insert("lost_reason".into(), self.lost_reason_key.clone().into());
        f.insert(
            "lost_competitor_brand".into(),
            self.lost_competitor_brand.clone().into(),
        );
        f.insert(
            "lost_competitor_model".into(),
            self.lost_competitor_model.clone().into(),
        );
        f.insert(
            "stagnant_since".into(),
            self.stagnant_since.map(|t| t.to_rfc3339()).into(),
        );
        f
    }
}

impl Audited for sales_setting::Model {
    const ENTITY: &'static str = "sales_settings";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        for (name, value) in [
            ("cadence_n_days", self.cadence_n_days),
            ("cadence_h_days", self.cadence_h_days),
            ("cadence_a_days", self.cadence_a_days),
            ("cadence_b_days", self.cadence_b_days),
            ("cadence_c_days", self.cadence_c_days),
            ("follow_up_due_hour", self.follow_up_due_hour),
            ("stagnation_days", self.stagnation_days),
        ] {
            f.insert(name.into(), value.into());
        }
        f.insert("c_handover_days".into(), self.c_handover_days.into());
        f.insert(
            "stagnation_action".into(),
            self.stagnation_action.clone().into(),
        );
        f.insert(
            "stagnation_user_id".into(),
            self.stagnation_user_id.map(|u| u.to_string()).into(),
        );
        f.insert(
            "lost_needs_approval".into(),
            self.lost_needs_approval.into(),
        );
        f.insert(
            "assignment_mode".into(),
            self.assignment_mode.clone().into(),
        );
        f.insert(
            "assignment_team_id".into(),
            self.assignment_team_id.map(|t| t.to_string()).into(),
        );
        f
    }
}
