//! The dealer's order settings: the contract-number prefix and the items of the PDI and
//! handover checklists a car must pass before it is handed over. Every dealer gets the
//! defaults ([`ensure_defaults`]); `sales:configure` changes them.

use crate::Orders;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::order_setting;
use forecourt_db::repo::{orders, tenant};
use forecourt_domain::orders::rules::{DEFAULT_PREFIX, PREFIX_MAX};
use forecourt_domain::permission::Permission;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// The PDI (pre-delivery inspection) checklist every dealer starts with.
pub const DEFAULT_PDI: [&str; 5] = ["外观检查", "内饰检查", "电气功能", "液位检查", "轮胎胎压"];
/// The handover checklist every dealer starts with.
pub const DEFAULT_HANDOVER: [&str; 4] = ["讲解用车功能", "交付随车文件", "交付钥匙", "合影留念"];
/// The most items a checklist may have.
pub const CHECKLIST_MAX: usize = 30;
/// The longest checklist item.
pub const ITEM_MAX: usize = 40;

/// The dealer's order settings.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct OrderSettingsView {
    /// What contract numbers start with (`HT` → `HT2026000001`).
    pub contract_prefix: String,
    /// The PDI checklist's items, in order.
    pub pdi_items: Vec<String>,
    /// The handover checklist's items, in order.
    pub handover_items: Vec<String>,
    pub version: i64,
}

/// A change of the order settings; absent fields stay.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderSettingsPatch {
    /// 1–8 capital letters.
    #[schema(min_length = 1, max_length = 8)]
    pub contract_prefix: Option<String>,
    /// 1–30 items of 1–40 characters, no repeats.
    pub pdi_items: Option<Vec<String>>,
    /// 1–30 items of 1–40 characters, no repeats.
    pub handover_items: Option<Vec<String>>,
    pub version: i64,
}

fn strings(value: &serde_json::Value) -> Vec<String> {
    serde_json::from_value(value.clone()).unwrap_or_default()
}

/// The view of a settings row.
pub fn view(m: &order_setting::Model) -> OrderSettingsView {
    OrderSettingsView {
        contract_prefix: m.contract_prefix.clone(),
        pdi_items: strings(&m.pdi_items),
        handover_items: strings(&m.handover_items),
        version: m.version,
    }
}

/// The dealer's settings, created with the defaults when missing (dealer defaults run at
/// startup and for each new dealer, in that transaction).
pub async fn ensure_defaults<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    now: DateTime<Utc>,
) -> CoreResult<order_setting::Model> {
    if let Some(found) = orders::settings(conn, actor.scope()).await? {
        return Ok(found);
    }
    let model = order_setting::Model {
        id: Uuid::now_v7(),
        dealer_id: actor.dealer_id().uuid(),
        contract_prefix: DEFAULT_PREFIX.to_owned(),
        pdi_items: serde_json::json!(DEFAULT_PDI),
        handover_items: serde_json::json!(DEFAULT_HANDOVER),
        created_at: now,
        updated_at: now,
        version: 1,
    };
    Ok(
        tenant::insert::<order_setting::Entity, _>(conn, actor.scope(), model.dealer_id, model)
            .await?,
    )
}

fn check_items(field: &str, items: &[String], errors: &mut FieldErrors) -> Option<Vec<String>> {
    let cleaned: Vec<String> = items.iter().map(|i| i.trim().to_owned()).collect();
    if cleaned.is_empty() || cleaned.len() > CHECKLIST_MAX {
        errors.push(FieldError::new(
            field,
            "invalid_length",
            "must have 1–30 items",
        ));
        return None;
    }
    for (index, item) in cleaned.iter().enumerate() {
        if item.is_empty() || item.chars().count() > ITEM_MAX {
            errors.push(FieldError::new(
                format!("{field}.{index}"),
                "invalid_length",
                "must be 1–40 characters",
            ));
            return None;
        }
        if cleaned[..index].contains(item) {
            errors.push(FieldError::new(
                format!("{field}.{index}"),
                "duplicate",
                "is listed twice",
            ));
            return None;
        }
    }
    Some(cleaned)
}

impl Orders<'_> {
    /// The dealer's order settings. Needs `order:read`.
    pub async fn order_settings(&self, actor: &Actor) -> CoreResult<OrderSettingsView> {
        actor.require(Permission::OrderRead)?;
        let tx = self.db().begin().await?;
        let found = ensure_defaults(&*tx, actor, self.now()).await?;
        tx.commit().await?;
        Ok(view(&found))
    }

    /// Changes the contract prefix or the checklists. Needs `sales:configure`; a stale
    /// `version` is 409 `version_conflict`.
    pub async fn update_order_settings(
        &self,
        actor: &Actor,
        patch: OrderSettingsPatch,
    ) -> CoreResult<OrderSettingsView> {
        actor.require(Permission::SalesConfigure)?;
        let now = self.now();
        let tx = self.db().begin().await?;
        let before = ensure_defaults(&*tx, actor, now).await?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict {
                entity: "order_settings",
            });
        }
        let mut errors = FieldErrors::new();
        let mut after = before.clone();
        if let Some(prefix) = &patch.contract_prefix {
            let prefix = prefix.trim();
            if prefix.is_empty()
                || prefix.len() > PREFIX_MAX
                || !prefix.chars().all(|c| c.is_ascii_uppercase())
            {
                errors.push(FieldError::new(
                    "contract_prefix",
                    "invalid_prefix",
                    "must be 1–8 capital letters",
                ));
            } else {
                after.contract_prefix = prefix.to_owned();
            }
        }
        if let Some(items) = &patch.pdi_items
            && let Some(items) = check_items("pdi_items", items, &mut errors)
        {
            after.pdi_items = serde_json::json!(items);
        }
        if let Some(items) = &patch.handover_items
            && let Some(items) = check_items("handover_items", items, &mut errors)
        {
            after.handover_items = serde_json::json!(items);
        }
        errors.finish()?;
        let entry = AuditEntry::updated(&before, &after);
        let saved = audit::update_if_changed::<order_setting::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            |e| CoreError::from_db("order_settings", e),
        )
        .await?
        .unwrap_or(before);
        tx.commit().await?;
        Ok(view(&saved))
    }
}
