//! Opportunities (商机): a qualified lead moving through the dealer's pipeline — amount,
//! expected date, competitors — on a kanban board where moving a card changes its stage (the
//! history kept), and a funnel with the conversion between stages and a weighted forecast.

use super::catalog_names::{CarRef, CatalogNames};
use super::follow_up_tasks;
use super::leads::access::lead_for;
use super::leads::views::{people, person};
use super::leads::write::{Origin, record_grade, regrade, reschedule};
use super::pipeline::{StageView, stage_view};
use super::receptions::ReceptionCustomer;
use super::settings::effective;
use crate::Sales;
use chrono::{DateTime, NaiveDate, Utc};
use forecourt_customers::OwnerView;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{lead, opportunity, opportunity_stage_change, pipeline_stage};
use forecourt_db::repo::pipeline::{self, OpportunityFilter};
use forecourt_db::repo::{customers, tenant};
use forecourt_domain::ids::{LeadId, OpportunityId, PipelineStageId, TeamId, UserId};
use forecourt_domain::money::Fen;
use forecourt_domain::patch::double_option;
use forecourt_domain::permission::Permission;
use forecourt_domain::sales::{Grade, LeadStatus, StageKind};
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::username::{NAME_MAX, NOTE_MAX};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::{Actor, ActorKind};
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::paging::{Paged, page_or_bad_cursor, page_request};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct StageChangeView {
    pub from: Option<PipelineStageId>,
    pub to: PipelineStageId,
    pub by: Option<OwnerView>,
    pub at: DateTime<Utc>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct OpportunityView {
    pub id: OpportunityId,
    pub lead_id: LeadId,
    pub customer: ReceptionCustomer,
    pub owner: Option<OwnerView>,
    pub stage: StageView,
    /// `open`, `won` or `lost`.
    pub status: String,
    pub amount_fen: Option<Fen>,
    /// The amount weighted by the stage's probability.
    pub weighted_fen: Option<Fen>,
    pub expected_on: Option<NaiveDate>,
    pub car: Option<CarRef>,
    pub competitors: Vec<String>,
    pub notes: Option<String>,
    pub stage_changed_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    /// Every stage change, oldest first (on a single opportunity only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<Vec<StageChangeView>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct NewOpportunity {
    /// Default: the first stage.
    pub stage_id: Option<PipelineStageId>,
    pub amount_fen: Option<Fen>,
    pub expected_on: Option<NaiveDate>,
    #[serde(default)]
    pub competitors: Vec<String>,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NOTE_MAX }>)]
    pub notes: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct OpportunityPatch {
    pub version: i64,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Fen>)]
    pub amount_fen: Option<Option<Fen>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>)]
    pub expected_on: Option<Option<NaiveDate>>,
    pub competitors: Option<Vec<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NOTE_MAX }>)]
    pub notes: Option<Option<String>>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct StageMove {
    pub version: i64,
    pub stage_id: PipelineStageId,
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OpportunityQuery {
    pub owner_id: Option<UserId>,
    pub team_id: Option<TeamId>,
    pub stage_id: Option<PipelineStageId>,
    /// `open` (default), `won`, `lost` or `all`.
    pub status: Option<String>,
    #[param(schema_with = forecourt_domain::schema::page_limit::<{ forecourt_domain::paging::MAX_PAGE_SIZE }>)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BoardColumn {
    pub stage: StageView,
    pub count: i64,
    pub amount_fen: Fen,
    pub weighted_fen: Fen,
    pub cards: Vec<OpportunityView>,
}

/// The kanban: one column per active stage with its open cards (the delivery column shows
/// those delivered in the last 30 days).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PipelineBoard {
    pub columns: Vec<BoardColumn>,
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FunnelQuery {
    /// Opportunities opened from (default: 90 days ago).
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub owner_id: Option<UserId>,
    pub team_id: Option<TeamId>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct FunnelStage {
    pub stage: StageView,
    /// Opportunities of the period that reached this stage (or a later one).
    pub reached: i64,
    /// `reached` here over `reached` at the stage before (absent for the first stage).
    pub conversion: Option<f64>,
    /// Open opportunities in this stage now, and their amounts.
    pub open_count: i64,
    pub open_amount_fen: Fen,
    pub weighted_fen: Fen,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Funnel {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Opportunities opened in the period.
    pub opened: i64,
    pub stages: Vec<FunnelStage>,
    /// Everything still open, at full value.
    pub pipeline_fen: Fen,
    /// Everything still open, weighted by each stage's probability: the forecast.
    pub forecast_fen: Fen,
    /// Opportunities opened in the period that are won (delivered) by now, and their amounts.
    pub won: i64,
    pub won_fen: Fen,
    /// Opportunities opened in the period that are lost by now.
    pub lost: i64,
}

fn weighted(amount: Option<i64>, probability: i32) -> Option<i64> {
    amount.map(|a| a * i64::from(probability) / 100)
}

/// Views of opportunities (a handful of queries whatever the count).
async fn views<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    found: &[opportunity::Model],
) -> CoreResult<Vec<OpportunityView>> {
    let stages: HashMap<Uuid, pipeline_stage::Model> = pipeline::stages(conn, actor.scope())
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let names = people(conn, actor, found.iter().filter_map(|o| o.owner_id)).await?;
    let mut ids: Vec<Uuid> = found.iter().map(|o| o.customer_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let customers = customers::find_many(conn, actor.scope(), &ids).await?;
    let catalog = CatalogNames::load(conn, actor).await?;
    Ok(found
        .iter()
        .filter_map(|o| {
            let stage = stages.get(&o.stage_id)?;
            Some(OpportunityView {
                id: OpportunityId::from_uuid(o.id),
                lead_id: LeadId::from_uuid(o.lead_id),
                customer: ReceptionCustomer {
                    id: forecourt_domain::ids::CustomerId::from_uuid(o.customer_id),
                    name: customers
                        .iter()
                        .find(|c| c.id == o.customer_id)
                        .map(|c| c.name.clone())
                        .unwrap_or_default(),
                },
                owner: person(&names, o.owner_id),
                stage: stage_view(stage),
                status: o.status.clone(),
                amount_fen: o.amount_fen.map(Fen),
                weighted_fen: weighted(o.amount_fen, stage.probability).map(Fen),
                expected_on: o.expected_on,
                car: catalog.car(o.series_id, o.model_id, None),
                competitors: serde_json::from_value(o.competitors.clone()).unwrap_or_default(),
                notes: o.notes.clone(),
                stage_changed_at: o.stage_changed_at,
                closed_at: o.closed_at,
                history: None,
                created_at: o.created_at,
                updated_at: o.updated_at,
                version: o.version,
            })
        })
        .collect())
}

/// A lead's opportunity, if it has one.
pub async fn of_lead<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    lead_id: Uuid,
) -> CoreResult<Option<OpportunityView>> {
    match pipeline::of_lead(conn, actor.scope(), lead_id).await? {
        Some(o) => Ok(views(conn, actor, std::slice::from_ref(&o)).await?.pop()),
        None => Ok(None),
    }
}

/// The lead's opportunity closes lost with it.
pub async fn on_lead_lost<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    lead_id: Uuid,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if let Some(before) = pipeline::of_lead(conn, actor.scope(), lead_id).await?
        && before.status == "open"
    {
        let mut after = before.clone();
        after.status = "lost".to_owned();
        after.closed_at = Some(now);
        tenant::update::<opportunity::Entity, _>(
            conn,
            actor.scope(),
            before.id,
            after.clone(),
            before.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("opportunity", e))?;
        audit::record(conn, actor, AuditEntry::updated(&before, &after), now).await?;
    }
    Ok(())
}

/// A reopened lead's lost opportunity is worked again.
pub async fn on_lead_reopened<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    lead_id: Uuid,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if let Some(before) = pipeline::of_lead(conn, actor.scope(), lead_id).await?
        && before.status == "lost"
    {
        let mut after = before.clone();
        after.status = "open".to_owned();
        after.closed_at = None;
        tenant::update::<opportunity::Entity, _>(
            conn,
            actor.scope(),
            before.id,
            after.clone(),
            before.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("opportunity", e))?;
        audit::record(conn, actor, AuditEntry::updated(&before, &after), now).await?;
    }
    Ok(())
}

/// The opportunity, if the actor may act on it with `permission`.
pub async fn opportunity_for<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: OpportunityId,
    permission: Permission,
) -> CoreResult<opportunity::Model> {
    forecourt_kernel::access::held_record_for::<opportunity::Entity, _>(
        conn,
        actor,
        id.uuid(),
        "opportunity",
        Permission::OpportunityRead,
        permission,
        |o| o.owner_id,
    )
    .await
}

fn parse_competitors(errors: &mut FieldErrors, competitors: &[String]) -> Vec<String> {
    if competitors.len() > 10 {
        errors.push(FieldError::new(
            "competitors",
            "too_many",
            "at most 10 competitors",
        ));
    }
    let mut out: Vec<String> = Vec::new();
    for (i, c) in competitors.iter().enumerate() {
        if let Some(c) = errors
            .check(parse_optional_text(
                &format!("competitors.{i}"),
                Some(c),
                NAME_MAX,
            ))
            .flatten()
            && !out.contains(&c)
        {
            out.push(c);
        }
    }
    out
}

fn check_amount(errors: &mut FieldErrors, amount: Option<Fen>) {
    if amount.is_some_and(|a| a.0 < 0) {
        errors.push(FieldError::new(
            "amount_fen",
            "out_of_range",
            "must not be negative",
        ));
    }
}

/// What reaching a stage does to the lead: signing makes it O (won), moving back from a
/// signed stage makes it open again (grade H).
async fn follow_stage<C: ConnectionTrait>(
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
    let saved = tenant::update::<lead::Entity, _>(
        conn,
        actor.scope(),
        before.id,
        after,
        before.version,
        now,
    )
    .await
    .map_err(|e| CoreError::from_db("lead", e))?;
    record_grade(conn, actor, change).await?;
    audit::record(conn, actor, AuditEntry::updated(&before, &saved), now).await?;
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

    pub async fn get_opportunity(
        &self,
        actor: &Actor,
        id: OpportunityId,
    ) -> CoreResult<OpportunityView> {
        let conn = self.db().conn();
        let found = opportunity_for(conn, actor, id, Permission::OpportunityRead).await?;
        let history = pipeline::stage_history(conn, actor.scope(), found.id).await?;
        let names = people(conn, actor, history.iter().filter_map(|h| h.user_id)).await?;
        let mut view = views(conn, actor, std::slice::from_ref(&found))
            .await?
            .pop()
            .ok_or(CoreError::not_found("opportunity"))?;
        view.history = Some(
            history
                .iter()
                .map(|h| StageChangeView {
                    from: h.from_stage_id.map(PipelineStageId::from_uuid),
                    to: PipelineStageId::from_uuid(h.to_stage_id),
                    by: person(&names, h.user_id),
                    at: h.occurred_at,
                })
                .collect(),
        );
        Ok(view)
    }

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
        let kind: StageKind = stage.kind.parse().unwrap_or(StageKind::Open);
        let mut after = before.clone();
        after.stage_id = stage.id;
        after.stage_changed_at = now;
        if kind == StageKind::Won {
            after.status = "won".to_owned();
            after.closed_at = Some(now);
        }
        let saved = tenant::update::<opportunity::Entity, _>(
            &*tx,
            actor.scope(),
            before.id,
            after,
            before.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("opportunity", e))?;
        let row = history_row(actor, &saved, Some(before.stage_id), now);
        tenant::insert::<opportunity_stage_change::Entity, _>(
            &*tx,
            actor.scope(),
            row.dealer_id,
            row,
        )
        .await?;
        follow_stage(&*tx, actor, saved.lead_id, kind, now).await?;
        let from =
            tenant::find::<pipeline_stage::Entity, _>(&*tx, actor.scope(), before.stage_id).await?;
        audit::record(
            &*tx,
            actor,
            AuditEntry::updated(&before, &saved).with_action("opportunity.stage_changed"),
            now,
        )
        .await?;
        timeline::record(
            &*tx,
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
        let view = views(&*tx, actor, std::slice::from_ref(&saved))
            .await?
            .pop()
            .ok_or(CoreError::not_found("opportunity"))?;
        tx.commit().await?;
        Ok(view)
    }

    pub async fn list_opportunities(
        &self,
        actor: &Actor,
        query: OpportunityQuery,
    ) -> CoreResult<Paged<OpportunityView>> {
        let reach = actor.reach(Permission::OpportunityRead)?;
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let statuses = match query.status.as_deref().unwrap_or("open") {
            "all" => Vec::new(),
            s @ ("open" | "won" | "lost") => vec![s.to_owned()],
            _ => {
                return Err(CoreError::invalid(FieldError::new(
                    "status",
                    "invalid_value",
                    "must be open, won, lost or all",
                )));
            }
        };
        let filter = OpportunityFilter {
            owner_id: query.owner_id.map(UserId::uuid),
            team_id: query.team_id.map(TeamId::uuid),
            stage_id: query.stage_id.map(PipelineStageId::uuid),
            statuses,
            ..OpportunityFilter::default()
        };
        let conn = self.db().conn();
        let found =
            page_or_bad_cursor(pipeline::list(conn, actor.scope(), reach, &filter, &page).await?)?;
        Ok(Paged {
            items: views(conn, actor, &found.items).await?,
            next_cursor: found.next_cursor.as_ref().map(forecourt_db::Cursor::encode),
        })
    }

    pub async fn pipeline_board(
        &self,
        actor: &Actor,
        owner_id: Option<UserId>,
        team_id: Option<TeamId>,
        per_column: u64,
    ) -> CoreResult<PipelineBoard> {
        let reach = actor.reach(Permission::OpportunityRead)?;
        let conn = self.db().conn();
        let now = self.now();
        let base = OpportunityFilter {
            owner_id: owner_id.map(UserId::uuid),
            team_id: team_id.map(TeamId::uuid),
            ..OpportunityFilter::default()
        };
        let mut columns = Vec::new();
        for stage in pipeline::stages(conn, actor.scope())
            .await?
            .into_iter()
            .filter(|s| s.active)
        {
            let mut filter = base.clone();
            filter.stage_id = Some(stage.id);
            if stage.kind == StageKind::Won.as_str() {
                filter.statuses = vec!["won".to_owned()];
                filter.created_from = None;
                // Delivered recently: closed in the last 30 days.
                filter.closed_from = Some(now - chrono::Duration::days(30));
            } else {
                filter.statuses = vec!["open".to_owned()];
            }
            let totals = pipeline::totals_by_stage(conn, actor.scope(), reach, &filter).await?;
            let (count, amount) = totals
                .iter()
                .find(|(id, ..)| *id == stage.id)
                .map(|(_, n, a)| (*n, a.unwrap_or(0)))
                .unwrap_or((0, 0));
            let cards = pipeline::board_cards(
                conn,
                actor.scope(),
                reach,
                &filter,
                stage.id,
                per_column.clamp(1, 100),
            )
            .await?;
            columns.push(BoardColumn {
                count,
                amount_fen: Fen(amount),
                weighted_fen: Fen(weighted(Some(amount), stage.probability).unwrap_or(0)),
                cards: views(conn, actor, &cards).await?,
                stage: stage_view(&stage),
            });
        }
        Ok(PipelineBoard { columns })
    }

    /// The funnel of the opportunities opened in a period, with the forecast of all open ones.
    pub async fn funnel(&self, actor: &Actor, query: FunnelQuery) -> CoreResult<Funnel> {
        let reach = actor.reach(Permission::OpportunityRead)?;
        let conn = self.db().conn();
        let now = self.now();
        let to = query.to.unwrap_or(now);
        let from = query.from.unwrap_or(to - chrono::Duration::days(90));
        for (field, time) in [("from", from), ("to", to)] {
            forecourt_domain::dates::check_year(field, time.date_naive())?;
        }
        if from >= to {
            return Err(CoreError::invalid(FieldError::new(
                "from",
                "after_to",
                "must be before `to`",
            )));
        }
        let stages: Vec<pipeline_stage::Model> = pipeline::stages(conn, actor.scope()).await?;
        let order: HashMap<Uuid, i32> = stages.iter().map(|s| (s.id, s.sort_order)).collect();
        let base = OpportunityFilter {
            owner_id: query.owner_id.map(UserId::uuid),
            team_id: query.team_id.map(TeamId::uuid),
            ..OpportunityFilter::default()
        };
        let mut cohort = base.clone();
        cohort.created_from = Some(from);
        cohort.created_to = Some(to);
        // The furthest stage each opportunity of the period reached.
        let mut furthest: HashMap<Uuid, i32> = HashMap::new();
        for (opportunity, stage) in
            pipeline::stages_reached(conn, actor.scope(), reach, &cohort).await?
        {
            let o = order.get(&stage).copied().unwrap_or(i32::MIN);
            let entry = furthest.entry(opportunity).or_insert(o);
            *entry = (*entry).max(o);
        }
        let mut open = base.clone();
        open.statuses = vec!["open".to_owned()];
        let open_totals = pipeline::totals_by_stage(conn, actor.scope(), reach, &open).await?;
        // Won and lost count the same cohort as the stages (opportunities opened in the
        // period), so "won" never exceeds the opportunities that reached the won stage.
        let mut won = cohort.clone();
        won.statuses = vec!["won".to_owned()];
        let won_totals = pipeline::totals_by_stage(conn, actor.scope(), reach, &won).await?;
        let mut lost = cohort.clone();
        lost.statuses = vec!["lost".to_owned()];
        let lost_totals = pipeline::totals_by_stage(conn, actor.scope(), reach, &lost).await?;

        let mut out = Vec::new();
        let mut previous: Option<i64> = None;
        let (mut pipeline_fen, mut forecast_fen) = (0i64, 0i64);
        for stage in stages.iter().filter(|s| s.active) {
            let reached = furthest
                .values()
                .filter(|f| **f >= stage.sort_order)
                .count() as i64;
            let (open_count, amount) = open_totals
                .iter()
                .find(|(id, ..)| *id == stage.id)
                .map(|(_, n, a)| (*n, a.unwrap_or(0)))
                .unwrap_or((0, 0));
            let weighted_fen = weighted(Some(amount), stage.probability).unwrap_or(0);
            pipeline_fen += amount;
            forecast_fen += weighted_fen;
            out.push(FunnelStage {
                stage: stage_view(stage),
                reached,
                conversion: previous.map(|p| {
                    if p == 0 {
                        0.0
                    } else {
                        reached as f64 / p as f64
                    }
                }),
                open_count,
                open_amount_fen: Fen(amount),
                weighted_fen: Fen(weighted_fen),
            });
            previous = Some(reached);
        }
        Ok(Funnel {
            from,
            to,
            opened: furthest.len() as i64,
            stages: out,
            pipeline_fen: Fen(pipeline_fen),
            forecast_fen: Fen(forecast_fen),
            won: won_totals.iter().map(|(_, n, _)| n).sum(),
            won_fen: Fen(won_totals.iter().map(|(_, _, a)| a.unwrap_or(0)).sum()),
            lost: lost_totals.iter().map(|(_, n, _)| n).sum(),
        })
    }
}
