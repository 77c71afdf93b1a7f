//! Opportunities moving on through the pipeline: a stage every few days, to contract and delivery.

use super::{Sim, input};
use forecourt_domain::sales::{LeadStatus, StageKind};
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_sales::SalesExt as _;
use serde_json::json;

impl Sim<'_> {
    /// Opportunities move on: a stage every few days; some sign, signed cars are delivered.
    pub(super) async fn pipeline(&mut self) -> CoreResult<()> {
        for i in 0..self.leads.len() {
            let Some(id) = self.leads[i].opportunity else {
                continue;
            };
            if self.leads[i].opportunity_closed || !self.faker.chance(0.3) {
                continue;
            }
            let actor = &self.consultants[self.leads[i].owner];
            let opportunity = self.app.sales().get_opportunity(actor, id).await?;
            if opportunity.status != "open" {
                self.leads[i].opportunity_closed = true;
                continue;
            }
            // Some customers walk away before signing.
            let signed = self
                .stages
                .iter()
                .position(|s| *s == opportunity.stage.id)
                .is_some_and(|at| at >= 4);
            if !signed && self.faker.chance(0.12) {
                let lead = self
                    .app
                    .sales()
                    .get_lead(actor, self.leads[i].id)
                    .await?
                    .lead;
                if lead.status == LeadStatus::Open {
                    self.lose(i, &lead).await?;
                }
                continue;
            }
            let Some(at) = self.stages.iter().position(|s| *s == opportunity.stage.id) else {
                continue;
            };
            let Some(next) = self.stages.get(at + 1) else {
                continue;
            };
            // The contract and the delivery are the orders module's: it moves the card.
            match self.kinds.get(at + 1) {
                Some(StageKind::Order) => {
                    self.sign(i).await?;
                    continue;
                }
                Some(StageKind::Won) => {
                    if self.fulfil(i).await? {
                        self.leads[i].opportunity_closed = true;
                    }
                    continue;
                }
                _ => {}
            }
            if self.kinds.get(at) == Some(&StageKind::Order) {
                continue;
            }
            match self
                .app
                .sales()
                .move_opportunity(
                    actor,
                    id,
                    input(json!({"version": opportunity.version, "stage_id": next}))?,
                )
                .await
            {
                Ok(moved) if moved.status != "open" => self.leads[i].opportunity_closed = true,
                // A customer who has come this far is given a price.
                Ok(_) if at + 1 >= 2 => self.quote(i).await?,
                Ok(_) => {}
                Err(CoreError::InvalidState { .. } | CoreError::VersionConflict { .. }) => {}
                Err(other) => return Err(other),
            }
        }
        Ok(())
    }
}
