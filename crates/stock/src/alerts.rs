//! The aged-stock and low-stock alerts (`stock.alerts`, hourly).
//!
//! - **Aged**: a unit on hand (in stock or reserved) whose days in stock, counted in the
//!   dealer's time zone from its arrival, reach one of the dealer's thresholds (default 60 and
//!   90) raises one alert per threshold, ever: the row `(dealer_id, unit_id, threshold_days)`
//!   of `stock_alerts` is unique, so a second run — or two runs at once — raise nothing more.
//! - **Low stock**: a model with fewer units in stock and in transit than its minimum raises
//!   one alert per day while it stays low (`(dealer_id, catalog_model_id, on_date)` unique).
//!
//! Each alert notifies the dealer's stock managers (whoever holds `stock:manage`).

use crate::Stock;
use crate::StockExt as _;
use crate::settings::{aged_days_of, model_stock_rows};
use crate::views::{ModelNames, days_of};
use chrono::Duration;
use forecourt_db::entities::stock_alert;
use forecourt_db::repo::stock;
use forecourt_domain::permission::Permission;
use forecourt_kernel::approvals::approvers;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use forecourt_kernel::jobs::{JobContext, JobRegistry};
use forecourt_kernel::notifications::{Notice, notify};
use serde_json::Map;
use uuid::Uuid;

/// The hourly alert job.
pub const ALERT_JOB: &str = "stock.alerts";

pub fn register_jobs(registry: &mut JobRegistry) {
    registry.register(ALERT_JOB, |ctx: JobContext| async move {
        ctx.app.stock().raise_stock_alerts().await?;
        Ok(())
    });
}

impl Stock<'_> {
    /// Raises the aged-stock and low-stock alerts due in every dealer; how many were raised.
    pub async fn raise_stock_alerts(&self) -> CoreResult<usize> {
        let mut raised = 0;
        for dealer in self.all_dealers().await? {
            let actor = self.system_actor(dealer.id).await?;
            raised += self.raise_dealer_alerts(&actor).await?;
        }
        Ok(raised)
    }

    async fn raise_dealer_alerts(&self, actor: &Actor) -> CoreResult<usize> {
        let now = self.now();
        let today = self.today(actor);
        let tx = self.db().begin().await?;
        let scope = actor.scope();
        let thresholds = aged_days_of(stock::settings(&*tx, scope).await?.as_ref());
        let names = ModelNames::load(&*tx, actor).await?;
        let managers: Vec<Uuid> = approvers(&*tx, actor, Permission::StockManage, Uuid::nil())
            .await?
            .into_iter()
            .map(|u| u.id)
            .collect();
        let mut notices = Vec::new();
        let mut raised = 0;
        let first = thresholds.first().copied().unwrap_or(i32::MAX);
        let aged = stock::on_hand_arrived_by(&*tx, scope, today - Duration::days(i64::from(first)))
            .await?;
        for unit in aged {
            let Some(days) = days_of(&unit, today) else {
                continue;
            };
            for threshold in thresholds.iter().filter(|t| i64::from(**t) <= days) {
                let alert = stock_alert::Model {
                    id: Uuid::now_v7(),
                    dealer_id: unit.dealer_id,
                    kind: "aged".into(),
                    unit_id: Some(unit.id),
                    catalog_model_id: None,
                    threshold_days: Some(*threshold),
                    on_date: None,
                    created_at: now,
                };
                if !stock::raise_alert(&*tx, scope, alert).await? {
                    continue;
                }
                raised += 1;
                let model = match unit.catalog_model_id {
                    Some(m) => names.name(m),
                    None => unit.description.clone().unwrap_or_default(),
                };
                let mut params = Map::new();
                params.insert("vin".into(), unit.vin.clone().into());
                params.insert("model".into(), model.into());
                params.insert("days".into(), days.into());
                params.insert("threshold".into(), (*threshold).into());
                notices.extend(managers.iter().map(|user_id| Notice {
                    user_id: *user_id,
                    kind: "stock.aged",
                    params: params.clone(),
                    link: Some(format!("/stock?unit={}", unit.id)),
                    reference: Some(("stock_unit", unit.id)),
                }));
            }
        }
        for row in model_stock_rows(&*tx, actor, &names).await? {
            if !row.low_stock {
                continue;
            }
            let alert = stock_alert::Model {
                id: Uuid::now_v7(),
                dealer_id: actor.dealer_id().uuid(),
                kind: "low_stock".into(),
                unit_id: None,
                catalog_model_id: Some(row.catalog_model_id.uuid()),
                threshold_days: None,
                on_date: Some(today),
                created_at: now,
            };
            if !stock::raise_alert(&*tx, scope, alert).await? {
                continue;
            }
            raised += 1;
            let mut params = Map::new();
            params.insert("model".into(), row.model_name.clone().into());
            params.insert("count".into(), (row.in_stock + row.in_transit).into());
            params.insert("minimum".into(), row.minimum.into());
            notices.extend(managers.iter().map(|user_id| Notice {
                user_id: *user_id,
                kind: "stock.low",
                params: params.clone(),
                link: Some("/stock".to_owned()),
                reference: None,
            }));
        }
        if !notices.is_empty() {
            notify(&*tx, actor, notices, now).await?;
        }
        tx.commit().await?;
        Ok(raised)
    }
}
