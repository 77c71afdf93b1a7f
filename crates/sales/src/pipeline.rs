//! The dealer's pipeline stages: 需求确认 → 试驾 → 报价 → 谈判 → 签约 → 交车 by default, each
//! with the chance of winning at it. Signing (an `order` stage) makes the lead O; delivering
//! (the `won` stage) closes the opportunity won. Dealers rename, reweigh, reorder and add
//! their own open stages.

use crate::Sales;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::pipeline_stage;
use forecourt_db::repo::{batched_insert, pipeline, tenant};
use forecourt_domain::ids::PipelineStageId;
use forecourt_domain::permission::Permission;
use forecourt_domain::sales::StageKind;
use forecourt_domain::username::NAME_MAX;
use forecourt_domain::username::parse_name;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// The stages a dealer starts with: key, name, probability, kind.
const BUILTIN: [(&str, &str, i32, StageKind); 6] = [
    ("needs", "需求确认", 10, StageKind::Open),
    ("test_drive", "试驾", 30, StageKind::Open),
    ("quote", "报价", 50, StageKind::Open),
    ("negotiation", "谈判", 70, StageKind::Open),
    ("contract", "签约", 90, StageKind::Order),
    ("delivered", "交车", 100, StageKind::Won),
];

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct StageView {
    /// The stage's id (UUIDv7).
    pub id: PipelineStageId,
    /// Its key, fixed once created (`contract`, `delivered` or the dealer's own).
    pub key: String,
    /// Built-in stages are named in the UI's language by key; the dealer's own by this name.
    pub name: String,
    /// Percent.
    pub probability: i32,
    /// `open` (still being worked), `order` (contract signed: the lead becomes O) or `won`
    /// (delivered).
    pub kind: StageKind,
    /// Its place in the pipeline, lowest first.
    pub sort_order: i32,
    /// One of the stages every dealer starts with (named by the UI from its key).
    pub builtin: bool,
    /// Whether the stage is switched on; only `open` stages can be switched off.
    pub active: bool,
    /// Its version; send it back with a change.
    pub version: i64,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewStage {
    /// 2-32 characters of a-z, 0-9 and _.
    #[schema(schema_with = forecourt_domain::schema::key)]
    pub key: String,
    /// The name shown; at most 64 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub name: String,
    /// The chance of winning at this stage, in percent (0 to 100).
    #[schema(schema_with = forecourt_domain::schema::integer::<0, { MAX_PROBABILITY as i64 }>)]
    pub probability: i32,
    /// Where it goes (default: before the signing stage).
    pub sort_order: Option<i32>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct StagePatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// A new name; at most 64 characters. Absent keeps it.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NAME_MAX }>)]
    pub name: Option<String>,
    /// A new chance of winning, in percent (0 to 100). Absent keeps it.
    #[schema(schema_with = forecourt_domain::schema::integer::<0, { MAX_PROBABILITY as i64 }>)]
    pub probability: Option<i32>,
    /// A new place in the pipeline. Absent keeps it.
    pub sort_order: Option<i32>,
    /// `false` switches the stage off (only `open` stages; 422 `required_stage` otherwise). Absent
    /// keeps it.
    pub active: Option<bool>,
}

pub fn stage_view(m: &pipeline_stage::Model) -> StageView {
    StageView {
        id: PipelineStageId::from_uuid(m.id),
        key: m.key.clone(),
        name: m.name.clone(),
        probability: m.probability,
        kind: m.kind.parse().unwrap_or(StageKind::Open),
        sort_order: m.sort_order,
        builtin: m.builtin,
        active: m.active,
        version: m.version,
    }
}

/// Gives a dealer the built-in stages it lacks.
pub async fn ensure_builtin<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let existing = pipeline::stages(conn, actor.scope()).await?;
    let missing: Vec<pipeline_stage::Model> = BUILTIN
        .iter()
        .enumerate()
        .filter(|(_, (key, ..))| !existing.iter().any(|s| s.key == *key))
        .map(
            |(i, (key, name, probability, kind))| pipeline_stage::Model {
                id: Uuid::now_v7(),
                dealer_id: actor.dealer_id().uuid(),
                key: (*key).to_owned(),
                name: (*name).to_owned(),
                probability: *probability,
                kind: kind.as_str().to_owned(),
                sort_order: (i as i32 + 1) * 10,
                builtin: true,
                active: true,
                created_at: now,
                updated_at: now,
                version: 1,
            },
        )
        .collect();
    batched_insert::<pipeline_stage::Entity, _>(conn, actor.scope(), missing).await?;
    Ok(())
}

/// The highest probability of a stage, in percent.
pub const MAX_PROBABILITY: i32 = 100;

fn check_probability(errors: &mut FieldErrors, probability: i32) {
    if !(0..=MAX_PROBABILITY).contains(&probability) {
        errors.push(
            FieldError::new(
                "probability",
                "out_of_range",
                format!("must be from 0 to {MAX_PROBABILITY}"),
            )
            .with_param("max", MAX_PROBABILITY),
        );
    }
}

impl Sales<'_> {
    /// The dealer's pipeline stages, in order, switched-off ones included. Needs `dealer.read`.
    pub async fn pipeline_stages(&self, actor: &Actor) -> CoreResult<Vec<StageView>> {
        actor.require(Permission::DealerRead)?;
        Ok(pipeline::stages(self.db().conn(), actor.scope())
            .await?
            .iter()
            .map(stage_view)
            .collect())
    }

    /// Adds a stage of the dealer's own (an `open` stage). Needs `sales.configure`; a key already
    /// used is 409 `already_exists` (field code `taken`).
    pub async fn create_stage(&self, actor: &Actor, input: NewStage) -> CoreResult<StageView> {
        actor.require(Permission::SalesConfigure)?;
        let mut errors = FieldErrors::new();
        let key = errors
            .check(forecourt_domain::code::parse_key("key", &input.key))
            .unwrap_or_default();
        let name = errors.check(parse_name("name", &input.name, NAME_MAX));
        check_probability(&mut errors, input.probability);
        errors.finish()?;
        let tx = self.db().begin().await?;
        let stages = pipeline::stages(&*tx, actor.scope()).await?;
        let before_order = stages
            .iter()
            .find(|s| s.kind != StageKind::Open.as_str())
            .map(|s| s.sort_order - 1)
            .unwrap_or(0);
        let now = self.now();
        let model = pipeline_stage::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            key,
            name: name.unwrap_or_default(),
            probability: input.probability,
            kind: StageKind::Open.as_str().to_owned(),
            sort_order: input.sort_order.unwrap_or(before_order),
            builtin: false,
            active: true,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let created = tenant::insert::<pipeline_stage::Entity, _>(
            &*tx,
            actor.scope(),
            model.dealer_id,
            model,
        )
        .await
        .map_err(CoreError::on_write("pipeline_stage", "key"))?;
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        tx.commit().await?;
        Ok(stage_view(&created))
    }

    /// Renames, reorders or switches off a stage. Needs `sales.configure`; another dealer's stage
    /// is 404, a stale `version` 409 `version_conflict`, switching off the signing or delivery
    /// stage 422 `required_stage`.
    pub async fn update_stage(
        &self,
        actor: &Actor,
        id: PipelineStageId,
        patch: StagePatch,
    ) -> CoreResult<StageView> {
        let tx = self.db().begin().await?;
        let before = tenant::find::<pipeline_stage::Entity, _>(&*tx, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("pipeline_stage"))?;
        actor.require(Permission::SalesConfigure)?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict {
                entity: "pipeline_stage",
            });
        }
        let mut errors = FieldErrors::new();
        let mut after = before.clone();
        if let Some(name) = patch
            .name
            .as_ref()
            .and_then(|name| errors.check(parse_name("name", name, NAME_MAX)))
        {
            after.name = name;
        }
        if let Some(p) = patch.probability {
            check_probability(&mut errors, p);
            after.probability = p;
        }
        if let Some(order) = patch.sort_order {
            after.sort_order = order;
        }
        if let Some(active) = patch.active {
            if !active && before.kind != StageKind::Open.as_str() {
                errors.push(FieldError::new(
                    "active",
                    "required_stage",
                    "the signing and delivery stages cannot be switched off",
                ));
            }
            after.active = active;
        }
        errors.finish()?;
        let entry = AuditEntry::updated(&before, &after);
        let now = self.now();
        let Some(saved) = audit::update_if_changed::<pipeline_stage::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            |e| CoreError::from_db("pipeline_stage", e),
        )
        .await?
        else {
            return Ok(stage_view(&before));
        };
        tx.commit().await?;
        Ok(stage_view(&saved))
    }
}
