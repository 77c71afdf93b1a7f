//! The views of opportunities and their stage history, loaded a handful of queries at a time.

use crate::catalog_names::{CarRef, CatalogNames};
use crate::people::{people, person};
use crate::pipeline::{StageView, stage_view};
use crate::receptions::ReceptionCustomer;
use chrono::{DateTime, NaiveDate, Utc};
use forecourt_customers::OwnerView;
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{opportunity, pipeline_stage};
use forecourt_db::repo::customers;
use forecourt_db::repo::pipeline::{self};
use forecourt_domain::ids::{LeadId, OpportunityId, PipelineStageId};
use forecourt_domain::money::Fen;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct StageChangeView {
    /// The stage it left; absent for the stage it was opened in.
    pub from: Option<PipelineStageId>,
    /// The stage it reached.
    pub to: PipelineStageId,
    /// Who moved it; absent when the system did.
    pub by: Option<OwnerView>,
    /// When it moved (UTC, RFC 3339).
    pub at: DateTime<Utc>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct OpportunityView {
    /// The opportunity's id (UUIDv7).
    pub id: OpportunityId,
    /// The lead it was opened for.
    pub lead_id: LeadId,
    /// The customer the lead is about.
    pub customer: ReceptionCustomer,
    /// The consultant who owns it (the lead's owner), if any.
    pub owner: Option<OwnerView>,
    /// The pipeline stage it is in.
    pub stage: StageView,
    /// `open`, `won` or `lost`.
    pub status: String,
    /// The expected deal amount, in integer fen.
    pub amount_fen: Option<Fen>,
    /// The amount weighted by the stage's probability.
    pub weighted_fen: Option<Fen>,
    /// The dealer's local date the deal is expected to close.
    pub expected_on: Option<NaiveDate>,
    /// The car wanted, from the lead's catalog series and model.
    pub car: Option<CarRef>,
    /// Brands or models the customer is also considering.
    pub competitors: Vec<String>,
    /// Free-text notes.
    pub notes: Option<String>,
    /// When it last changed stage (UTC, RFC 3339).
    pub stage_changed_at: DateTime<Utc>,
    /// When it was won or lost (UTC, RFC 3339); absent while open.
    pub closed_at: Option<DateTime<Utc>>,
    /// Every stage change, oldest first (on a single opportunity only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<Vec<StageChangeView>>,
    /// When it was opened (UTC, RFC 3339).
    pub created_at: DateTime<Utc>,
    /// When it last changed (UTC, RFC 3339).
    pub updated_at: DateTime<Utc>,
    /// Its version; send it back with a change.
    pub version: i64,
}

pub(super) fn weighted(amount: Option<i64>, probability: i32) -> Option<i64> {
    amount.map(|a| a * i64::from(probability) / 100)
}

/// Views of opportunities (a handful of queries whatever the count).
pub(super) async fn views<C: ConnectionTrait>(
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
