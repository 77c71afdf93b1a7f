//! Opening, editing and moving opportunities, and what reaching a stage does to the lead.

use super::validation::{check_amount, parse_competitors};
use super::views::views;
use super::{NewOpportunity, OpportunityPatch, OpportunityView, StageMove, opportunity_for};
use crate::Sales;
use crate::follow_up_tasks;
use crate::leads::access::lead_for;
use crate::leads::write::{Origin, record_grade, regrade, reschedule};
use crate::settings::effective;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{lead, opportunity, opportunity_stage_change, pipeline_stage};
use forecourt_db::repo::pipeline::{self};
use forecourt_db::repo::tenant;
use forecourt_domain::ids::{LeadId, OpportunityId};
use forecourt_domain::permission::Permission;
use forecourt_domain::sales::{Grade, LeadStatus, StageKind};
use forecourt_domain::username::NOTE_MAX;
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::{Actor, ActorKind};
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::json;
use uuid::Uuid;

/// What reaching a stage does to the lead: signing makes it O (won), moving back from a
/// signed stage makes it open again (grade H).
pub(crate) async fn follow_stage<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    lead_id: Uuid,
    kind: StageKind,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let Some(before) = tenant::find::<lead::Entity, _>(conn, actor.scope(), lead_id).await? else {
        return Ok(());
    };
    let mut after = before.clone();
    let change = match kind {
        StageKind::Order | StageKind::Won if before.status != LeadStatus::Won.as_str() => {
            let change = regrade(actor, &mut after, Grade::O, Origin::Opportunity, now);
            after.status = LeadStatus::Won.as_str().to_owned();
            after.won_at = Some(now);
            after.next_follow_up_at = None;
            follow_up_tasks::drop_task(conn, actor, after.follow_up_activity_id.take(), now)
                .await?;
            change
        }
        StageKind::Open if before.status == LeadStatus::Won.as_str() => {
            let change = regrade(actor, &mut after, Grade::H, Origin::Opportunity, now);
            after.status = LeadStatus::Open.as_str().to_owned();
            after.won_at = None;
            let settings = effective(conn, actor).await?;
            reschedule(&mut after, &settings, actor, now);
            change
        }
        _ => return Ok(()),
    };
    let entry = AuditEntry::updated(&before, &after);
    audit::save::<lead::Entity, _>(conn, actor, &before, after, entry, now, |e| {
        CoreError::from_db("lead", e)
    })
    .await?;
    record_grade(conn, actor, change).await?;
    Ok(())
}

fn history_row(
    actor: &Actor,
    o: &opportunity::Model,
    from: Option<Uuid>,
    now: DateTime<Utc>,
) -> opportunity_stage_change::Model {
    opportunity_stage_change::Model {
        id: Uuid::now_v7(),
        dealer_id: o.dealer_id,
        opportunity_id: o.id,
        from_stage_id: from,
        to_stage_id: o.stage_id,
        owner_id: o.owner_id,
        user_id: (actor.kind() != ActorKind::System).then(|| actor.user_id().uuid()),
        occurred_at: now,
    }
}

/// Moves an opportunity to a stage in the caller's transaction — the history row, what the
/// stage does to the lead (an order stage makes it O, a won stage closes the opportunity),
/// the audit row and the customer's timeline. The caller has checked who may.
pub(crate) async fn move_to_stage<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    before: opportunity::Model,
    stage: pipeline_stage::Model,
    now: DateTime<Utc>,
) -> CoreResult<opportunity::Model> {
    let kind: StageKind = stage.kind.parse().unwrap_or(StageKind::Open);
    let mut after = before.clone();
    after.stage_id = stage.id;
    after.stage_changed_at = now;
    if kind == StageKind::Won {
        after.status = "won".to_owned();
        after.closed_at = Some(now);
    }
    let saved = tenant::update::<opportunity::Entity, _>(
        conn,
        actor.scope(),
        before.id,
        after,
        before.version,
        now,
    )
    .await
    .map_err(|e| CoreError::from_db("opportunity", e))?;
    let row = history_row(actor, &saved, Some(before.stage_id), now);
    tenant::insert::<opportunity_stage_change::Entity, _>(conn, actor.scope(), row.dealer_id, row)
        .await?;
    follow_stage(conn, actor, saved.lead_id, kind, now).await?;
    let from =
        tenant::find::<pipeline_stage::Entity, _>(conn, actor.scope(), before.stage_id).await?;
    audit::record(
        conn,
        actor,
        AuditEntry::updated(&before, &saved).with_action("opportunity.stage_changed"),
        now,
    )
    .await?;
    timeline::record(
        conn,
        actor,
        vec![
            TimelineEvent::new(
                saved.customer_id,
                "opportunity.stage_changed",
                json!({
                    "from": from.as_ref().map(|s| s.key.clone()),
                    "from_name": from.map(|s| s.name),
                    "to": stage.key,
                    "to_name": stage.name,
                }),
            )
            .about("opportunity", saved.id),
        ],
        now,
    )
    .await?;
    Ok(saved)
}

impl Sales<'_> {
    /// Opens an opportunity for a lead being worked.
    pub async fn open_opportunity(
        &self,
        actor: &Actor,
        lead_id: LeadId,
        input: NewOpportunity,
    ) -> CoreResult<OpportunityView> {
        let tx = self.db().begin().await?;
        let lead = lead_for(&*tx, actor, lead_id, Permission::LeadUpdate).await?;
        actor.require(Permission::OpportunityUpdate)?;
        if lead.status != LeadStatus::Open.as_str() {
            return Err(CoreError::invalid_state(
                "only an open lead becomes an opportunity",
            ));
        }
        if pipeline::of_lead(&*tx, actor.scope(), lead.id)
            .await?
            .is_some()
        {
            return Err(CoreError::AlreadyExists(FieldError::new(
                "lead_id",
                "taken",
                "already has an opportunity",
            )));
        }
        let stages = pipeline::stages(&*tx, actor.scope()).await?;
        let mut errors = FieldErrors::new();
        let stage = match input.stage_id {
            Some(id) => stages.iter().find(|s| s.id == id.uuid() && s.active),
            None => stages.iter().find(|s| s.active),
        };
        if stage.is_none() {
            errors.push(FieldError::new(
                "stage_id",
                "unknown_stage",
                "is not an active stage of the pipeline",
            ));
        }
        check_amount(&mut errors, input.amount_fen);
        let competitors = parse_competitors(&mut errors, &input.competitors);
        let notes = errors
            .check(parse_optional_text(
                "notes",
                input.notes.as_deref(),
                NOTE_MAX,
            ))
            .flatten();
        errors.finish()?;
        let stage = stage.ok_or(CoreError::not_found("pipeline_stage"))?;
        let now = self.now();
        let model = opportunity::Model {
            id: Uuid::now_v7(),
            dealer_id: lead.dealer_id,
            lead_id: lead.id,
            customer_id: lead.customer_id,
            owner_id: lead.owner_id,
            stage_id: stage.id,
            status: if stage.kind == StageKind::Won.as_str() {
                "won"
            } else {
                "open"
            }
            .to_owned(),
            amount_fen: input.amount_fen.map(|a| a.0),
            expected_on: input.expected_on,
            series_id: lead.series_id,
            model_id: lead.model_id,
            competitors: json!(competitors),
            notes,
            stage_changed_at: now,
            closed_at: (stage.kind == StageKind::Won.as_str()).then_some(now),
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let created =
            tenant::insert::<opportunity::Entity, _>(&*tx, actor.scope(), model.dealer_id, model)
                .await
                .map_err(CoreError::on_write("opportunity", "lead_id"))?;
        let row = history_row(actor, &created, None, now);
        tenant::insert::<opportunity_stage_change::Entity, _>(
            &*tx,
            actor.scope(),
            row.dealer_id,
            row,
        )
        .await?;
        follow_stage(
            &*tx,
            actor,
            lead.id,
            stage.kind.parse().unwrap_or(StageKind::Open),
            now,
        )
        .await?;
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        timeline::record(
            &*tx,
            actor,
            vec![
                TimelineEvent::new(
                    created.customer_id,
                    "opportunity.opened",
                    json!({"stage": stage.key, "stage_name": stage.name}),
                )
                .about("opportunity", created.id),
            ],
            now,
        )
        .await?;
        let view = views(&*tx, actor, std::slice::from_ref(&created))
            .await?
            .pop()
            .ok_or(CoreError::not_found("opportunity"))?;
        tx.commit().await?;
        Ok(view)
    }

    /// Edits an opportunity's amount, expected date, competitors and notes. Needs
    /// `opportunity.update` (out of scope: 404); a stale `version` is 409 `version_conflict`, bad
    /// input 422 on the field.
    pub async fn update_opportunity(
        &self,
        actor: &Actor,
        id: OpportunityId,
        patch: OpportunityPatch,
    ) -> CoreResult<OpportunityView> {
        let tx = self.db().begin().await?;
        let before = opportunity_for(&*tx, actor, id, Permission::OpportunityUpdate).await?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict {
                entity: "opportunity",
            });
        }
        let mut errors = FieldErrors::new();
        let mut after = before.clone();
        if let Some(amount) = patch.amount_fen {
            check_amount(&mut errors, amount);
            after.amount_fen = amount.map(|a| a.0);
        }
        if let Some(expected) = patch.expected_on {
            after.expected_on = expected;
        }
        if let Some(competitors) = &patch.competitors {
            after.competitors = json!(parse_competitors(&mut errors, competitors));
        }
        if let Some(notes) = &patch.notes {
            after.notes = errors
                .check(parse_optional_text("notes", notes.as_deref(), NOTE_MAX))
                .flatten();
        }
        errors.finish()?;
        let entry = AuditEntry::updated(&before, &after);
        let now = self.now();
        let saved = audit::update_if_changed::<opportunity::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            |e| CoreError::from_db("opportunity", e),
        )
        .await?
        .unwrap_or(before);
        let view = views(&*tx, actor, std::slice::from_ref(&saved))
            .await?
            .pop()
            .ok_or(CoreError::not_found("opportunity"))?;
        tx.commit().await?;
        Ok(view)
    }

    /// Moves an opportunity to another stage (a card dragged on the board).
    pub async fn move_opportunity(
        &self,
        actor: &Actor,
        id: OpportunityId,
        input: StageMove,
    ) -> CoreResult<OpportunityView> {
        let tx = self.db().begin().await?;
        let before = opportunity_for(&*tx, actor, id, Permission::OpportunityUpdate).await?;
        if before.version != input.version {
            return Err(CoreError::VersionConflict {
                entity: "opportunity",
            });
        }
        if before.status != "open" {
            return Err(CoreError::invalid_state(
                "a closed opportunity stays where it closed",
            ));
        }
        let stage =
            tenant::find::<pipeline_stage::Entity, _>(&*tx, actor.scope(), input.stage_id.uuid())
                .await?
                .filter(|s| s.active)
                .ok_or_else(|| {
                    CoreError::invalid(FieldError::new(
                        "stage_id",
                        "unknown_stage",
                        "is not an active stage of the pipeline",
                    ))
                })?;
        if stage.id == before.stage_id {
            let view = views(&*tx, actor, std::slice::from_ref(&before))
                .await?
                .pop()
                .ok_or(CoreError::not_found("opportunity"))?;
            return Ok(view);
        }
        let now = self.now();
        let saved = move_to_stage(&*tx, actor, before, stage, now).await?;
        let view = views(&*tx, actor, std::slice::from_ref(&saved))
            .await?
            .pop()
            .ok_or(CoreError::not_found("opportunity"))?;
        tx.commit().await?;
        Ok(view)
    }
}
