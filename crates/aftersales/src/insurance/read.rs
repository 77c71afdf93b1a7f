//! Reading renewals: one with its calls and quotes, and the list by due day within the
//! reader's reach (an agent: their own).

use super::access::renewal_for;
use super::policies::{day_cursor, parse_day_cursor};
use super::views::{RenewalDetail, RenewalView, detail, views};
use crate::AfterSales;
use chrono::NaiveDate;
use forecourt_db::repo::insurance::{self, RenewalFilter};
use forecourt_domain::FieldErrors;
use forecourt_domain::aftersales::renewal::RenewalStatus;
use forecourt_domain::dates::check_year;
use forecourt_domain::ids::{RenewalId, UserId};
use forecourt_domain::paging::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Which renewals to list.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RenewalQuery {
    /// Only renewals in this status.
    pub status: Option<RenewalStatus>,
    /// Only this agent's renewals.
    pub agent_id: Option<UserId>,
    /// Due on or after this day.
    pub due_from: Option<NaiveDate>,
    /// Due on or before this day.
    pub due_to: Option<NaiveDate>,
    /// The `next_cursor` of the previous page.
    #[param(max_length = 100)]
    pub cursor: Option<String>,
    /// Renewals per page (1–200, default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
}

/// A page of renewals, soonest due first.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RenewalPage {
    pub items: Vec<RenewalView>,
    /// Pass as `cursor` for the next page; absent on the last.
    pub next_cursor: Option<String>,
}

impl AfterSales<'_> {
    /// One renewal with its calls and quotes. Needs `renewal:read` reaching its agent (another
    /// agent's renewal is 404 for an agent); another dealer's is 404.
    pub async fn get_renewal(&self, actor: &Actor, id: RenewalId) -> CoreResult<RenewalDetail> {
        let conn = self.db().conn();
        let r = renewal_for(conn, actor, id, Permission::RenewalRead).await?;
        detail(conn, actor, self.now(), &r).await
    }

    /// The renewals within the reader's reach, soonest due first. Needs `renewal:read`.
    pub async fn list_renewals(
        &self,
        actor: &Actor,
        query: RenewalQuery,
    ) -> CoreResult<RenewalPage> {
        let reach = actor.reach(Permission::RenewalRead)?;
        let mut errors = FieldErrors::new();
        for (field, day) in [("due_from", query.due_from), ("due_to", query.due_to)] {
            if let Some(day) = day {
                errors.check(check_year(field, day));
            }
        }
        errors.finish()?;
        let after = parse_day_cursor(query.cursor.as_deref())?;
        let limit = query
            .limit
            .unwrap_or(DEFAULT_PAGE_SIZE)
            .clamp(1, MAX_PAGE_SIZE);
        let filter = RenewalFilter {
            status: query.status.map(|s| s.as_str().to_owned()),
            agent_id: query.agent_id.map(UserId::uuid),
            due_from: query.due_from,
            due_to: query.due_to,
        };
        let conn = self.db().conn();
        let mut rows =
            insurance::list_renewals(conn, actor.scope(), reach, &filter, after, limit + 1).await?;
        let next_cursor = if rows.len() as u64 > limit {
            rows.truncate(limit as usize);
            rows.last().map(|r| day_cursor(r.due_on, r.id))
        } else {
            None
        };
        Ok(RenewalPage {
            items: views(conn, actor, self.now(), &rows).await?,
            next_cursor,
        })
    }
}
