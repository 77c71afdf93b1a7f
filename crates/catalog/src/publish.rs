//! Publishing a catalog to every dealer of the group: the OEM or group keeps the master, each
//! dealer gets a read-only copy (and keeps its own additions).

use super::import::{CatalogEntry, upsert};
use super::{Colour, enum_from};
use crate::Catalog;
use forecourt_db::repo::{catalog, org};
use forecourt_domain::money::Fen;
use forecourt_domain::permission::Permission;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Clone, Debug, Default, Serialize, ToSchema)]
pub struct PublishReport {
    /// Dealers the catalog was published to.
    pub dealers: usize,
    /// Models created in the dealers' catalogs.
    pub models_created: usize,
    /// Models updated in the dealers' catalogs.
    pub models_updated: usize,
}

impl Catalog<'_> {
    /// Copies the caller's catalog to every dealer of their group (OEM or dealer group), where the
    /// copies are read-only. Needs `catalog.publish` with group scope; a caller outside a group is
    /// 403.
    pub async fn publish_catalog(&self, actor: &Actor) -> CoreResult<PublishReport> {
        actor.require(Permission::CatalogPublish)?;
        let conn = self.db().conn();
        let scope = actor.scope();
        let Some(group_id) = actor.group_id() else {
            return Err(CoreError::Forbidden {
                permission: Permission::CatalogPublish,
            });
        };
        let brands = catalog::brands(conn, scope).await?;
        let series = catalog::series(conn, scope).await?;
        let models = catalog::models(conn, scope).await?;
        let entries: Vec<CatalogEntry> = models
            .iter()
            .filter(|m| {
                m.published_from.is_none() || m.published_from == Some(actor.dealer_id().uuid())
            })
            .filter_map(|m| {
                let s = series.iter().find(|s| s.id == m.series_id)?;
                let b = brands.iter().find(|b| b.id == s.brand_id)?;
                Some(CatalogEntry {
                    brand: b.name.clone(),
                    series: s.name.clone(),
                    model: m.name.clone(),
                    model_year: m.model_year,
                    body_type: enum_from(&m.body_type)?,
                    powertrain: enum_from(&m.powertrain)?,
                    guide_price: Fen(m.guide_price_fen),
                    colours: serde_json::from_value::<Vec<Colour>>(m.colours.clone())
                        .unwrap_or_default(),
                })
            })
            .collect();
        let targets: Vec<_> = org::dealers_of_group(conn, group_id.uuid())
            .await?
            .into_iter()
            .filter(|d| d.id != actor.dealer_id().uuid())
            .collect();
        let now = self.now();
        let mut report = PublishReport {
            dealers: targets.len(),
            ..Default::default()
        };
        let tx = self.db().begin().await?;
        for dealer in &targets {
            let there = actor.in_group_dealer(dealer, Permission::CatalogPublish)?;
            for entry in &entries {
                let done = upsert(&*tx, &there, entry, Some(actor.dealer_id().uuid()), now).await?;
                report.models_created += usize::from(done.model_created);
                report.models_updated += usize::from(done.model_updated);
            }
        }
        let entry = AuditEntry::action("catalog", "published", None)
            .change("dealers", serde_json::Value::Null, report.dealers)
            .change("models", serde_json::Value::Null, entries.len());
        audit::record(&*tx, actor, entry, now).await?;
        tx.commit().await?;
        Ok(report)
    }
}
