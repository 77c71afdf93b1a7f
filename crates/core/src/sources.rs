//! The dealer's list of sources customers and leads come from. Built-in sources exist in every
//! dealer (they can be renamed and switched off); a dealer adds its own.

use crate::app::App;
use crate::audit::{self, AuditEntry, Audited};
use crate::auth::Actor;
use crate::error::{CoreError, CoreResult};
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::source;
use forecourt_db::repo::{batched_insert, sources, tenant};
use forecourt_domain::ids::SourceId;
use forecourt_domain::permission::Permission;
use forecourt_domain::username::parse_name;
use forecourt_domain::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;
use uuid::Uuid;

/// Built-in sources: key and default (Chinese) name. The UI names them in every language.
pub const BUILTIN_SOURCES: [(&str, &str); 8] = [
    ("walk_in", "到店"),
    ("phone", "来电"),
    ("web", "官网"),
    ("oem", "厂家下发"),
    ("campaign", "市场活动"),
    ("referral", "转介绍"),
    ("auto_portal", "汽车网站"),
    ("other", "其他"),
];

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SourceView {
    pub id: SourceId,
    pub key: String,
    pub name: String,
    pub builtin: bool,
    pub active: bool,
    pub sort_order: i32,
    pub version: i64,
}

impl From<&source::Model> for SourceView {
    fn from(m: &source::Model) -> Self {
        Self {
            id: SourceId::from_uuid(m.id),
            key: m.key.clone(),
            name: m.name.clone(),
            builtin: m.builtin,
            active: m.active,
            sort_order: m.sort_order,
            version: m.version,
        }
    }
}

impl Audited for source::Model {
    const ENTITY: &'static str = "source";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("key".into(), self.key.clone().into());
        f.insert("name".into(), self.name.clone().into());
        f.insert("active".into(), self.active.into());
        f.insert("sort_order".into(), self.sort_order.into());
        f
    }
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewSource {
    /// 2-32 characters of a-z, 0-9 and _.
    pub key: String,
    pub name: String,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct SourcePatch {
    pub version: i64,
    pub name: Option<String>,
    pub active: Option<bool>,
    pub sort_order: Option<i32>,
}

/// Adds the built-in sources a dealer lacks (new dealers, and dealers made before a built-in
/// source existed).
pub(crate) async fn ensure_builtin<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let existing = sources::list(conn, actor.scope()).await?;
    let missing: Vec<source::Model> = BUILTIN_SOURCES
        .iter()
        .enumerate()
        .filter(|(_, (key, _))| !existing.iter().any(|s| s.key == *key))
        .map(|(i, (key, name))| source::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
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
    batched_insert::<source::Entity, _>(conn, actor.scope(), missing).await?;
    Ok(())
}

impl App {
    /// Gives every dealer the defaults of this version (run at startup; safe to repeat).
    pub async fn ensure_dealer_defaults(&self) -> CoreResult<()> {
        for dealer in self.all_dealers().await? {
            let system = self.system_actor(dealer.id).await?;
            let tx = self.db.begin().await?;
            ensure_builtin(&*tx, &system, self.now()).await?;
            tx.commit().await?;
        }
        Ok(())
    }

    pub async fn list_sources(&self, actor: &Actor) -> CoreResult<Vec<SourceView>> {
        actor.require(Permission::DealerRead)?;
        Ok(sources::list(self.db.conn(), actor.scope())
            .await?
            .iter()
            .map(SourceView::from)
            .collect())
    }

    pub async fn create_source(&self, actor: &Actor, input: NewSource) -> CoreResult<SourceView> {
        actor.require(Permission::DealerUpdate)?;
        let mut errors = FieldErrors::new();
        let key = input.key.trim().to_owned();
        let valid_key = (2..=32).contains(&key.len())
            && key.starts_with(|c: char| c.is_ascii_lowercase())
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid_key {
            errors.push(FieldError::new(
                "key",
                "invalid_format",
                "must be 2-32 characters of a-z, 0-9 and _",
            ));
        }
        let name = errors.check(parse_name("name", &input.name, 64));
        errors.finish()?;
        let now = self.now();
        let tx = self.db.begin().await?;
        let count = sources::list(&*tx, actor.scope()).await?.len();
        let model = source::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
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
            tenant::insert::<source::Entity, _>(&*tx, actor.scope(), model.dealer_id, model)
                .await
                .map_err(CoreError::on_write("source", "key"))?;
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        tx.commit().await?;
        Ok(SourceView::from(&created))
    }

    pub async fn update_source(
        &self,
        actor: &Actor,
        id: SourceId,
        patch: SourcePatch,
    ) -> CoreResult<SourceView> {
        let tx = self.db.begin().await?;
        let before = tenant::find::<source::Entity, _>(&*tx, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("source"))?;
        actor.require(Permission::DealerUpdate)?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict { entity: "source" });
        }
        let mut after = before.clone();
        if let Some(name) = &patch.name {
            after.name = parse_name("name", name, 64)?;
        }
        if let Some(active) = patch.active {
            after.active = active;
        }
        if let Some(order) = patch.sort_order {
            after.sort_order = order;
        }
        let entry = AuditEntry::updated(&before, &after);
        if entry.is_empty() {
            return Ok(SourceView::from(&before));
        }
        let now = self.now();
        let updated = tenant::update::<source::Entity, _>(
            &*tx,
            actor.scope(),
            before.id,
            after,
            before.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("source", e))?;
        audit::record(&*tx, actor, entry, now).await?;
        tx.commit().await?;
        Ok(SourceView::from(&updated))
    }
}
