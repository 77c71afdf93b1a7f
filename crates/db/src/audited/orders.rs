//! What the audit log records of orders and money: orders, their plan, payments, refunds,
//! invoices and the dealer's order settings.

use super::Audited;
use crate::entities::{
    order, order_invoice, order_payment, order_refund, order_schedule_item, order_setting,
};
use serde_json::{Map, Value};
use uuid::Uuid;

impl Audited for order::Model {
    const ENTITY: &'static str = "order";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("contract_no".into(), self.contract_no.clone().into());
        f.insert("quote_id".into(), self.quote_id.to_string().into());
        f.insert("customer_id".into(), self.customer_id.to_string().into());
        f.insert("total_fen".into(), self.total_fen.into());
        f.insert("status".into(), self.status.clone().into());
        f.insert("vin".into(), self.vin.clone().into());
        f.insert("cancel_reason".into(), self.cancel_reason.clone().into());
        f.insert("pdi_done".into(), self.pdi_done.clone());
        f.insert("handover_done".into(), self.handover_done.clone());
        f.insert("odometer_km".into(), self.odometer_km.into());
        f
    }
}

impl Audited for order_schedule_item::Model {
    const ENTITY: &'static str = "order_schedule_item";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("order_id".into(), self.order_id.to_string().into());
        f.insert("purpose".into(), self.purpose.clone().into());
        f.insert("payer_kind".into(), self.payer_kind.clone().into());
        f.insert("payer_name".into(), self.payer_name.clone().into());
        f.insert("amount_fen".into(), self.amount_fen.into());
        f.insert("due_on".into(), self.due_on.to_string().into());
        f.insert("status".into(), self.status.clone().into());
        f
    }
}

impl Audited for order_payment::Model {
    const ENTITY: &'static str = "order_payment";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("order_id".into(), self.order_id.to_string().into());
        f.insert("purpose".into(), self.purpose.clone().into());
        f.insert("method".into(), self.method.clone().into());
        f.insert("amount_fen".into(), self.amount_fen.into());
        f.insert("receipt_no".into(), self.receipt_no.clone().into());
        f.insert("received_at".into(), self.received_at.to_rfc3339().into());
        f
    }
}

impl Audited for order_refund::Model {
    const ENTITY: &'static str = "order_refund";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("order_id".into(), self.order_id.to_string().into());
        f.insert("amount_fen".into(), self.amount_fen.into());
        f.insert("reason".into(), self.reason.clone().into());
        f.insert("status".into(), self.status.clone().into());
        f
    }
}

impl Audited for order_invoice::Model {
    const ENTITY: &'static str = "order_invoice";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("order_id".into(), self.order_id.to_string().into());
        f.insert("invoice_no".into(), self.invoice_no.clone().into());
        f.insert("vin".into(), self.vin.clone().into());
        f.insert("amount_fen".into(), self.amount_fen.into());
        f
    }
}

impl Audited for order_setting::Model {
    const ENTITY: &'static str = "order_settings";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert(
            "contract_prefix".into(),
            self.contract_prefix.clone().into(),
        );
        f.insert("pdi_items".into(), self.pdi_items.clone());
        f.insert("handover_items".into(), self.handover_items.clone());
        f
    }
}
