//! Reading opportunities: one with its stage history, or a filtered page.

use super::views::views;
use super::{OpportunityQuery, OpportunityView, StageChangeView, opportunity_for};
use crate::Sales;
use crate::people::{people, person};
use forecourt_db::repo::pipeline::{self, OpportunityFilter};
use forecourt_domain::FieldError;
use forecourt_domain::ids::{OpportunityId, PipelineStageId, TeamId, UserId};
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::paging::{Paged, page_or_bad_cursor, page_request};

impl Sales<'_> {
    /// One opportunity with its stage history, oldest first. Needs `opportunity.read`; one outside
    /// the caller's scope or of another dealer is 404.
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

    /// A page of the opportunities within the caller's `opportunity.read` scope, filtered by owner,
    /// team, stage and status (default `open`); another status is 422 on `status`.
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
}
