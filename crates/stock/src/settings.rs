//! The dealer's stock rules — the aged-stock thresholds and the per-model minimums — and each
//! model's supply against its minimum (the low-stock list).

use crate::Stock;
use crate::types::{ModelMinimumView, ModelStockView, StockSettingsPatch, StockSettingsView};
use crate::views::ModelNames;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{stock_model_minimum, stock_setting};
use forecourt_db::repo::{stock, tenant};
use forecourt_domain::ids::CatalogModelId;
use forecourt_domain::permission::Permission;
use forecourt_domain::stock::{
    DEFAULT_AGED_DAYS, MAX_MODEL_MINIMUM, check_aged_days, is_low_stock,
};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The thresholds a settings row holds (the defaults when it holds nonsense).
pub fn aged_days_of(row: Option<&stock_setting::Model>) -> Vec<i32> {
    row.and_then(|r| serde_json::from_value::<Vec<i32>>(r.aged_days.clone()).ok())
        .and_then(|days| check_aged_days(&days).ok())
        .unwrap_or_else(|| DEFAULT_AGED_DAYS.to_vec())
}

fn conflict(_: forecourt_db::DbError) -> CoreError {
    CoreError::VersionConflict {
        entity: "stock_settings",
    }
}

impl Stock<'_> {
    async fn settings_view<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
    ) -> CoreResult<StockSettingsView> {
        let row = stock::settings(conn, actor.scope()).await?;
        let minimums = stock::minimums(conn, actor.scope())
            .await?
            .into_iter()
            .map(|m| ModelMinimumView {
                catalog_model_id: CatalogModelId::from_uuid(m.catalog_model_id),
                minimum: m.minimum,
            })
            .collect();
        Ok(StockSettingsView {
            aged_days: aged_days_of(row.as_ref()),
            minimums,
            version: row.map(|r| r.version).unwrap_or(0),
        })
    }

    /// The aged-stock thresholds (default 60 and 90 days) and the per-model minimums. Needs
    /// `stock:manage`.
    pub async fn stock_settings(&self, actor: &Actor) -> CoreResult<StockSettingsView> {
        actor.require(Permission::StockManage)?;
        self.settings_view(self.db().conn(), actor).await
    }

    /// Sets the aged-stock thresholds (1 to 5 distinct ages of 1 to 3650 days: 422 on
    /// `aged_days`) and per-model minimums (0 removes one; a model not in the catalog is 422 on
    /// `minimums[i].catalog_model_id`). Needs `stock:manage`; a stale `version` (0 while the
    /// defaults apply) is 409 `version_conflict`.
    pub async fn update_stock_settings(
        &self,
        actor: &Actor,
        patch: StockSettingsPatch,
    ) -> CoreResult<StockSettingsView> {
        actor.require(Permission::StockManage)?;
        let tx = self.db().begin().await?;
        let names = ModelNames::load(&*tx, actor).await?;
        let mut errors = FieldErrors::new();
        let aged = match &patch.aged_days {
            Some(days) => match check_aged_days(days) {
                Ok(days) => Some(days),
                Err(message) => {
                    errors.push(FieldError::new("aged_days", "invalid_value", message));
                    None
                }
            },
            None => None,
        };
        let mut minimums = BTreeMap::new();
        if let Some(list) = &patch.minimums {
            if list.len() > 500 {
                errors.push(FieldError::new(
                    "minimums",
                    "too_many",
                    "at most 500 models at once",
                ));
            }
            for (n, m) in list.iter().enumerate() {
                if !names.has(m.catalog_model_id.uuid()) {
                    errors.push(FieldError::new(
                        format!("minimums[{n}].catalog_model_id"),
                        "unknown_model",
                        "is not a model of the catalog",
                    ));
                }
                if !(0..=MAX_MODEL_MINIMUM).contains(&m.minimum) {
                    errors.push(FieldError::new(
                        format!("minimums[{n}].minimum"),
                        "out_of_range",
                        "must be between 0 and 999",
                    ));
                }
                minimums.insert(m.catalog_model_id.uuid(), m.minimum);
            }
        }
        errors.finish()?;
        let now = self.now();
        let scope = actor.scope();
        let row = stock::settings(&*tx, scope).await?;
        let version = row.as_ref().map(|r| r.version).unwrap_or(0);
        if version != patch.version {
            return Err(CoreError::VersionConflict {
                entity: "stock_settings",
            });
        }
        let aged = aged.unwrap_or_else(|| aged_days_of(row.as_ref()));
        match row {
            Some(before) => {
                let mut after = before.clone();
                after.aged_days = serde_json::json!(aged);
                let entry = AuditEntry::updated(&before, &after);
                // Saved even without a change, so the version moves with every accepted write.
                audit::save::<stock_setting::Entity, _>(
                    &*tx, actor, &before, after, entry, now, conflict,
                )
                .await?;
            }
            None => {
                let model = stock_setting::Model {
                    id: Uuid::now_v7(),
                    dealer_id: actor.dealer_id().uuid(),
                    aged_days: serde_json::json!(aged),
                    created_at: now,
                    updated_at: now,
                    version: 1,
                };
                let created =
                    tenant::insert::<stock_setting::Entity, _>(&*tx, scope, model.dealer_id, model)
                        .await
                        .map_err(conflict)?;
                audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
            }
        }
        for (model_id, minimum) in minimums {
            let existing = stock::minimum_of(&*tx, scope, model_id).await?;
            match (existing, minimum) {
                (Some(before), 0) => {
                    tenant::delete::<stock_model_minimum::Entity, _>(&*tx, scope, before.id)
                        .await?;
                    audit::record(&*tx, actor, AuditEntry::deleted(&before), now).await?;
                }
                (Some(before), minimum) => {
                    let mut after = before.clone();
                    after.minimum = minimum;
                    let entry = AuditEntry::updated(&before, &after);
                    audit::update_if_changed::<stock_model_minimum::Entity, _>(
                        &*tx, actor, &before, after, entry, now, conflict,
                    )
                    .await?;
                }
                (None, 0) => {}
                (None, minimum) => {
                    let model = stock_model_minimum::Model {
                        id: Uuid::now_v7(),
                        dealer_id: actor.dealer_id().uuid(),
                        catalog_model_id: model_id,
                        minimum,
                        created_at: now,
                        updated_at: now,
                        version: 1,
                    };
                    let created = tenant::insert::<stock_model_minimum::Entity, _>(
                        &*tx,
                        scope,
                        model.dealer_id,
                        model,
                    )
                    .await
                    .map_err(conflict)?;
                    audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
                }
            }
        }
        let view = self.settings_view(&*tx, actor).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Every catalog model with units in stock or in transit, or with a minimum: its counts,
    /// its minimum and whether it is low (`low_stock`: fewer in stock and in transit than the
    /// minimum), low ones first. Needs `stock:read`.
    pub async fn model_stock(&self, actor: &Actor) -> CoreResult<Vec<ModelStockView>> {
        actor.require(Permission::StockRead)?;
        let conn = self.db().conn();
        let names = ModelNames::load(conn, actor).await?;
        model_stock_rows(conn, actor, &names).await
    }
}

/// Each model's supply against its minimum, low ones first.
pub(crate) async fn model_stock_rows<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    names: &ModelNames,
) -> CoreResult<Vec<ModelStockView>> {
    let mut rows: BTreeMap<Uuid, (i64, i64, i32)> = BTreeMap::new();
    for (model, status, n) in stock::supply_by_model(conn, actor.scope()).await? {
        let entry = rows.entry(model).or_default();
        if status == "in_stock" {
            entry.0 += n;
        } else {
            entry.1 += n;
        }
    }
    for m in stock::minimums(conn, actor.scope()).await? {
        rows.entry(m.catalog_model_id).or_default().2 = m.minimum;
    }
    let mut views: Vec<ModelStockView> = rows
        .into_iter()
        .map(|(model, (in_stock, in_transit, minimum))| ModelStockView {
            catalog_model_id: CatalogModelId::from_uuid(model),
            model_name: names.name(model),
            in_stock,
            in_transit,
            minimum,
            low_stock: is_low_stock(in_stock + in_transit, minimum),
        })
        .collect();
    views.sort_by(|a, b| {
        b.low_stock
            .cmp(&a.low_stock)
            .then_with(|| a.model_name.cmp(&b.model_name))
    });
    Ok(views)
}
