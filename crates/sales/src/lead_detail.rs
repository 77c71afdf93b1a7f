//! A lead's page: the lead with its grade history, follow-ups, visits, test drives and
//! opportunity. It sits above leads, receptions, test drives and opportunities, which each
//! know only their own records.

use crate::Sales;
use crate::leads::access::lead_for;
use crate::leads::views::{
    FollowUpView, GradeChangeView, LeadView, follow_up_views, grade_change_views, lead_views,
};
use crate::opportunities::OpportunityView;
use crate::people::people;
use crate::receptions::ReceptionView;
use crate::test_drives::BookingView;
use crate::{opportunities, receptions, test_drives};
use forecourt_db::repo::{leads, sales};
use forecourt_domain::ids::LeadId;
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::Serialize;
use utoipa::ToSchema;

/// A lead with its history: grades, follow-ups, visits, test drives and the opportunity.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct LeadDetail {
    /// The lead itself.
    pub lead: LeadView,
    /// Every grade change of the lead.
    pub grade_history: Vec<GradeChangeView>,
    /// The follow-ups logged.
    pub follow_ups: Vec<FollowUpView>,
    /// The customer's showroom visits for this lead.
    pub receptions: Vec<ReceptionView>,
    /// The lead's test-drive bookings.
    pub test_drives: Vec<BookingView>,
    /// The opportunity opened from the lead, if any.
    pub opportunity: Option<OpportunityView>,
}

impl Sales<'_> {
    /// One lead with its grade history, follow-ups, visits, test drives and opportunity. Needs
    /// `lead.read` reaching the lead's owner; another dealer's lead, or one out of the caller's
    /// reach, is 404.
    pub async fn get_lead(&self, actor: &Actor, id: LeadId) -> CoreResult<LeadDetail> {
        let conn = self.db().conn();
        let lead = lead_for(conn, actor, id, Permission::LeadRead).await?;
        let now = self.now();
        let grade_history = leads::grade_history(conn, actor.scope(), lead.id).await?;
        let follow_ups = leads::follow_ups(conn, actor.scope(), lead.id).await?;
        let visits = sales::receptions_of_lead(conn, actor.scope(), lead.id).await?;
        let names = people(
            conn,
            actor,
            grade_history
                .iter()
                .filter_map(|c| c.user_id)
                .chain(follow_ups.iter().filter_map(|f| f.user_id)),
        )
        .await?;
        let view = lead_views(conn, actor, now, std::slice::from_ref(&lead))
            .await?
            .pop()
            .ok_or(CoreError::not_found("lead"))?;
        Ok(LeadDetail {
            lead: view,
            grade_history: grade_change_views(&grade_history, &names),
            follow_ups: follow_up_views(&follow_ups, &names),
            receptions: receptions::reception_views(conn, actor, &visits).await?,
            test_drives: test_drives::bookings_of_lead(conn, actor, lead.id).await?,
            opportunity: opportunities::of_lead(conn, actor, lead.id).await?,
        })
    }
}
