//! The kanban board (a column per stage) and the funnel with its conversion and forecast.

use super::OpportunityView;
use super::views::{views, weighted};
use crate::Sales;
use crate::pipeline::{StageView, stage_view};
use chrono::{DateTime, Utc};
use forecourt_db::entities::pipeline_stage;
use forecourt_db::repo::pipeline::{self, OpportunityFilter};
use forecourt_domain::FieldError;
use forecourt_domain::ids::{TeamId, UserId};
use forecourt_domain::money::Fen;
use forecourt_domain::permission::Permission;
use forecourt_domain::sales::StageKind;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BoardColumn {
    /// The stage of the column.
    pub stage: StageView,
    /// How many opportunities the column holds (more than `cards` may show).
    pub count: i64,
    /// Their amounts added up, in integer fen.
    pub amount_fen: Fen,
    /// Their amounts weighted by the stage's probability, in integer fen.
    pub weighted_fen: Fen,
    /// The first cards of the column.
    pub cards: Vec<OpportunityView>,
}

/// The kanban: one column per active stage with its open cards (the delivery column shows
/// those delivered in the last 30 days).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PipelineBoard {
    /// One column per active stage, in pipeline order.
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
    /// The stage.
    pub stage: StageView,
    /// Opportunities of the period that reached this stage (or a later one).
    pub reached: i64,
    /// `reached` here over `reached` at the stage before (absent for the first stage).
    pub conversion: Option<f64>,
    /// Open opportunities in this stage now, and their amounts.
    pub open_count: i64,
    /// The amounts of the open opportunities in this stage, in integer fen.
    pub open_amount_fen: Fen,
    /// Those amounts weighted by the stage's probability, in integer fen.
    pub weighted_fen: Fen,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Funnel {
    /// The start of the period (UTC, RFC 3339).
    pub from: DateTime<Utc>,
    /// The end of the period (UTC, RFC 3339).
    pub to: DateTime<Utc>,
    /// Opportunities opened in the period.
    pub opened: i64,
    /// Each active stage, in pipeline order.
    pub stages: Vec<FunnelStage>,
    /// Everything still open, at full value.
    pub pipeline_fen: Fen,
    /// Everything still open, weighted by each stage's probability: the forecast.
    pub forecast_fen: Fen,
    /// Opportunities opened in the period that are won (delivered) by now, and their amounts.
    pub won: i64,
    /// The amounts of those won, in integer fen.
    pub won_fen: Fen,
    /// Opportunities opened in the period that are lost by now.
    pub lost: i64,
}

impl Sales<'_> {
    /// The kanban board within the caller's `opportunity.read` scope, optionally for one owner or
    /// team: per active stage its open cards (at most `per_column`, 1 to 100) and totals.
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
