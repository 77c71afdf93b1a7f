//! The dealer's configurable lists: where customers and leads come from, why leads are lost,
//! and whatever later modules need. Each list has built-in entries (which a dealer can rename
//! and switch off) and the dealer's own.

use crate::app::App;
use crate::audit::{self, AuditEntry};
use crate::auth::Actor;
use crate::error::{CoreError, CoreResult};
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::lookup;
use forecourt_db::repo::{batched_insert, lookups, tenant};
use forecourt_domain::ids::LookupId;
use forecourt_domain::permission::Permission;
use forecourt_domain::username::NAME_MAX;
use forecourt_domain::username::parse_name;
use forecourt_domain::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use utoipa::ToSchema;
use uuid::Uuid;

/// The lists there are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LookupList {
    /// Where customers and leads come from.
    Source,
    /// Why a lead was lost (战败原因).
    LostReason,
}

impl LookupList {
    pub const ALL: [LookupList; 2] = [LookupList::Source, LookupList::LostReason];

    pub fn as_str(self) -> &'static str {
        match self {
            LookupList::Source => "source",
            LookupList::LostReason => "lost_reason",
        }
    }

    /// Built-in entries: key and default (Chinese) name. The UI names them in every language.
    pub fn builtin(self) -> &'static [(&'static str, &'static str)] {
        match self {
            LookupList::Source => &[
                ("walk_in", "到店"),
                ("phone", "来电"),
                ("web", "官网"),
                ("oem", "厂家下发"),
                ("campaign", "市场活动"),
                ("referral", "转介绍"),
                ("auto_portal", "汽车网站"),
                ("other", "其他"),
            ],
            LookupList::LostReason => &[
                ("price", "价格因素"),
                ("bought_competitor", "购买竞品"),
                ("financing_refused", "贷款未通过"),
                ("delivery_time", "交车周期太长"),
                ("service", "对服务不满意"),
                ("postponed", "暂缓购车"),
                ("bought_used", "改买二手车"),
                ("duplicate", "重复线索"),
                ("other", "其他"),
            ],
        }
    }
}

impl FromStr for LookupList {
    type Err = CoreError;
    fn from_str(s: &str) -> Result<Self, CoreError> {
        LookupList::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or(CoreError::not_found("lookup list"))
    }
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct LookupView {
    /// The entry's id (UUIDv7).
    pub id: LookupId,
    /// The list it belongs to: `source` or `lost_reason`.
    pub list: LookupList,
    /// Its key, stored on customers and leads; fixed once created.
    pub key: String,
    /// Its name; built-in entries are named by the UI in the reader's language.
    pub name: String,
    /// One of the entries every dealer starts with (named by the UI from its key).
    pub builtin: bool,
    /// Whether it can be chosen for new records; switched-off entries stay on old ones.
    pub active: bool,
    /// Its place in pick lists, lowest first.
    pub sort_order: i32,
    /// Its version; send it back with a change.
    pub version: i64,
}

fn view(list: LookupList, m: &lookup::Model) -> LookupView {
    LookupView {
        id: LookupId::from_uuid(m.id),
        list,
        key: m.key.clone(),
        name: m.name.clone(),
        builtin: m.builtin,
        active: m.active,
        sort_order: m.sort_order,
        version: m.version,
    }
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewLookup {
    /// 2-32 characters of a-z, 0-9 and _.
    #[schema(schema_with = forecourt_domain::schema::key)]
    pub key: String,
    /// The name shown; at most 64 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub name: String,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct LookupPatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// A new name; at most 64 characters. Absent keeps it.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub name: Option<String>,
    /// `false` switches the entry off for new records. Absent keeps it.
    pub active: Option<bool>,
    /// A new place in pick lists. Absent keeps it.
    pub sort_order: Option<i32>,
}

/// Adds the built-in entries a dealer lacks (new dealers, and dealers made before an entry
/// existed).
pub async fn ensure_builtin<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    for list in LookupList::ALL {
        let existing = lookups::list(conn, actor.scope(), list.as_str()).await?;
        let missing: Vec<lookup::Model> = list
            .builtin()
            .iter()
            .enumerate()
            .filter(|(_, (key, _))| !existing.iter().any(|s| s.key == *key))
            .map(|(i, (key, name))| lookup::Model {
                id: Uuid::now_v7(),
                dealer_id: actor.dealer_id().uuid(),
                list: list.as_str().to_owned(),
                key: (*key).to_owned(),
                name: (*name).to_owned(),
                builtin: true,
                active: true,
                sort_order: i as i32 * 10,
                created_at: now,
                updated_at: now,
                version: 1,
            })
            .collect();
        batched_insert::<lookup::Entity, _>(conn, actor.scope(), missing).await?;
    }
    Ok(())
}

/// The key of an active entry of a list, or a field error naming `field`.
pub async fn check_key<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    errors: &mut FieldErrors,
    list: LookupList,
    field: &str,
    key: Option<&str>,
) -> CoreResult<Option<String>> {
    let Some(key) = key.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    match lookups::by_key(conn, actor.scope(), list.as_str(), key).await? {
        Some(entry) if entry.active => Ok(Some(entry.key)),
        _ => {
            let code = match list {
                LookupList::Source => "unknown_source",
                LookupList::LostReason => "unknown_lost_reason",
            };
            errors.push(FieldError::new(
                field,
                code,
                format!(
                    "is not an active entry of the dealer's {} list",
                    list.as_str()
                ),
            ));
            Ok(None)
        }
    }
}

impl App {
    /// Gives every dealer the defaults of this version (run at startup; safe to repeat).
    pub async fn ensure_dealer_defaults(&self) -> CoreResult<()> {
        for dealer in self.all_dealers().await? {
            let system = self.system_actor(dealer.id).await?;
            let tx = self.db.begin().await?;
            ensure_builtin(&*tx, &system, self.now()).await?;
            for module in crate::module::installed() {
                module.dealer_defaults(&tx, &system, self.now()).await?;
            }
            tx.commit().await?;
        }
        Ok(())
    }

    /// The entries of one of the dealer's pick lists (`source` or `lost_reason`), switched-off ones
    /// included. Needs `dealer.read`.
    pub async fn list_lookups(
        &self,
        actor: &Actor,
        list: LookupList,
    ) -> CoreResult<Vec<LookupView>> {
        actor.require(Permission::DealerRead)?;
        Ok(lookups::list(self.db.conn(), actor.scope(), list.as_str())
            .await?
            .iter()
            .map(|m| view(list, m))
            .collect())
    }

    /// Adds an entry of the dealer's own to a pick list, last in order. Needs `dealer.update`; a
    /// key already in the list is 409 `already_exists` (field code `taken`).
    pub async fn create_lookup(
        &self,
        actor: &Actor,
        list: LookupList,
        input: NewLookup,
    ) -> CoreResult<LookupView> {
        actor.require(Permission::DealerUpdate)?;
        let mut errors = FieldErrors::new();
        let key = errors
            .check(forecourt_domain::code::parse_key("key", &input.key))
            .unwrap_or_default();
        let name = errors.check(parse_name("name", &input.name, NAME_MAX));
        errors.finish()?;
        let now = self.now();
        let tx = self.db.begin().await?;
        let count = lookups::list(&*tx, actor.scope(), list.as_str())
            .await?
            .len();
        let model = lookup::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            list: list.as_str().to_owned(),
            key,
            name: name.unwrap_or_default(),
            builtin: false,
            active: true,
            sort_order: count as i32 * 10,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let created =
            tenant::insert::<lookup::Entity, _>(&*tx, actor.scope(), model.dealer_id, model)
                .await
                .map_err(CoreError::on_write("lookup", "key"))?;
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        tx.commit().await?;
        Ok(view(list, &created))
    }

    /// Renames, reorders or switches off a pick-list entry. Needs `dealer.update`; an entry of
    /// another dealer or list is 404, a stale `version` 409 `version_conflict`.
    pub async fn update_lookup(
        &self,
        actor: &Actor,
        list: LookupList,
        id: LookupId,
        patch: LookupPatch,
    ) -> CoreResult<LookupView> {
        let tx = self.db.begin().await?;
        let before = tenant::find::<lookup::Entity, _>(&*tx, actor.scope(), id.uuid())
            .await?
            .filter(|m| m.list == list.as_str())
            .ok_or(CoreError::not_found("lookup"))?;
        actor.require(Permission::DealerUpdate)?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict { entity: "lookup" });
        }
        let mut after = before.clone();
        if let Some(name) = &patch.name {
            after.name = parse_name("name", name, NAME_MAX)?;
        }
        if let Some(active) = patch.active {
            after.active = active;
        }
        if let Some(order) = patch.sort_order {
            after.sort_order = order;
        }
        let entry = AuditEntry::updated(&before, &after);
        let now = self.now();
        let Some(updated) = audit::update_if_changed::<lookup::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            |e| CoreError::from_db("lookup", e),
        )
        .await?
        else {
            return Ok(view(list, &before));
        };
        tx.commit().await?;
        Ok(view(list, &updated))
    }
}
