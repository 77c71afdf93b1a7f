//! Dealer settings, and the dealers a user may act in.

use crate::Admin;
use forecourt_db::repo::org;
use forecourt_domain::FieldErrors;
use forecourt_domain::ids::DealerId;
use forecourt_domain::locale::Locale;
use forecourt_domain::permission::Permission;
use forecourt_domain::time_zone::DealerTimeZone;
use forecourt_domain::username::LONG_NAME_MAX;
use forecourt_domain::username::parse_name;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::Deserialize;
use utoipa::ToSchema;

pub use forecourt_kernel::org::DealerView;

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct DealerPatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// A new name; at most 100 characters. Absent keeps it.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::LONG_NAME_MAX }>)]
    pub name: Option<String>,
    /// A new IANA time zone (e.g. `Asia/Shanghai`); "today" and report periods follow it. Absent
    /// keeps it.
    pub time_zone: Option<String>,
    /// The default language of the dealer's users. Absent keeps it.
    pub locale: Option<Locale>,
}

impl Admin<'_> {
    /// The dealers the actor may act in: their own, and for group users every dealer of the
    /// group.
    pub async fn list_dealers(&self, actor: &Actor) -> CoreResult<Vec<DealerView>> {
        actor.require(Permission::DealerRead)?;
        let conn = self.db().conn();
        let home = org::find_dealer(conn, actor.home_dealer_id().uuid())
            .await?
            .ok_or(CoreError::not_found("dealer"))?;
        let dealers = match (actor.may_switch_dealer(), home.group_id) {
            (true, Some(group_id)) => org::dealers_of_group(conn, group_id).await?,
            _ => {
                let acting = org::scoped_dealer(conn, actor.scope()).await?;
                acting.into_iter().collect()
            }
        };
        Ok(dealers.iter().map(DealerView::from).collect())
    }

    /// The dealer the actor acts in. Any other id is not found.
    pub async fn get_dealer(&self, actor: &Actor, id: DealerId) -> CoreResult<DealerView> {
        if id != actor.dealer_id() {
            return Err(CoreError::not_found("dealer"));
        }
        actor.require(Permission::DealerRead)?;
        let dealer = org::scoped_dealer(self.db().conn(), actor.scope())
            .await?
            .ok_or(CoreError::not_found("dealer"))?;
        Ok(DealerView::from(&dealer))
    }

    /// Renames the dealer or changes its time zone or default language. Only the dealer the caller
    /// acts in (any other id is 404); needs `dealer.update`. A stale `version` is 409
    /// `version_conflict`, an unknown time zone 422.
    pub async fn update_dealer(
        &self,
        actor: &Actor,
        id: DealerId,
        patch: DealerPatch,
    ) -> CoreResult<DealerView> {
        if id != actor.dealer_id() {
            return Err(CoreError::not_found("dealer"));
        }
        actor.require(Permission::DealerUpdate)?;
        let tx = self.db().begin().await?;
        let before = org::scoped_dealer(&*tx, actor.scope())
            .await?
            .ok_or(CoreError::not_found("dealer"))?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict { entity: "dealer" });
        }
        let mut after = before.clone();
        let mut errors = FieldErrors::new();
        if let Some(name) = &patch.name
            && let Some(name) = errors.check(parse_name("name", name, LONG_NAME_MAX))
        {
            after.name = name;
        }
        if let Some(tz) = &patch.time_zone
            && let Some(tz) = errors.check(DealerTimeZone::parse("time_zone", tz))
        {
            after.time_zone = tz.name().to_owned();
        }
        if let Some(locale) = patch.locale {
            after.locale = locale.as_str().to_owned();
        }
        errors.finish()?;
        let entry = AuditEntry::updated(&before, &after);
        if entry.is_empty() {
            return Ok(DealerView::from(&before));
        }
        let now = self.now();
        let updated = org::update_dealer(&*tx, actor.scope(), after, before.version, now)
            .await
            .map_err(|e| CoreError::from_db("dealer", e))?;
        audit::record(&*tx, actor, entry, now).await?;
        tx.commit().await?;
        Ok(DealerView::from(&updated))
    }
}
