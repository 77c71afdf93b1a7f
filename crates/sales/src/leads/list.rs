//! The lead list and the board by grade (one lead with its history: [`crate::lead_detail`]).

use super::views::{LeadView, lead_views};
use crate::Sales;
use chrono::{DateTime, Utc};
use forecourt_customers::CustomersExt as _;
use forecourt_customers::list::COUNT_CAP;
use forecourt_db::repo::leads::{self, LeadFilter, LeadSort};
use forecourt_domain::FieldError;
use forecourt_domain::ids::{CatalogSeriesId, CustomerId, TeamId, UserId};
use forecourt_domain::permission::Permission;
use forecourt_domain::sales::{Grade, LeadStatus};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::paging::{page_or_bad_cursor, page_request};
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Clone, Debug, Default, Deserialize, IntoParams, ToSchema)]
#[into_params(parameter_in = Query)]
pub struct LeadQuery {
    /// The customer's name (two characters are enough), phone (or its last four digits),
    /// plate or VIN: the leads of the customers the caller can find with it.
    pub q: Option<String>,
    /// Only the leads this user owns.
    pub owner_id: Option<UserId>,
    /// Only leads nobody owns.
    #[serde(default)]
    pub unassigned: bool,
    /// `marketing`: the leads marketing nurtures.
    pub pool: Option<String>,
    /// Only the leads owned by this team's members.
    pub team_id: Option<TeamId>,
    /// Grades, comma-separated: `H,A`.
    pub grade: Option<String>,
    /// Statuses, comma-separated: `open,lost_pending` (default: every status).
    pub status: Option<String>,
    /// Only leads of this source (a key of the dealer's `source` list).
    pub source: Option<String>,
    /// Only leads wanting this catalog series.
    pub series_id: Option<CatalogSeriesId>,
    /// Only this customer's leads.
    pub customer_id: Option<CustomerId>,
    /// Only stagnant (true) or not stagnant (false) leads.
    pub stagnant: Option<bool>,
    /// Only open leads whose follow-up is past due.
    #[serde(default)]
    pub overdue: bool,
    /// Only leads created from this time (UTC, RFC 3339).
    pub created_from: Option<DateTime<Utc>>,
    /// Only leads created up to this time (UTC, RFC 3339).
    pub created_to: Option<DateTime<Utc>>,
    /// `-created_at` (default) or `-updated_at`.
    #[param(schema_with = sort_schema)]
    #[schema(schema_with = sort_schema)]
    pub sort: Option<String>,
    /// How many leads per page (at most 200; default 50).
    #[param(schema_with = forecourt_domain::schema::page_limit::<{ forecourt_domain::paging::MAX_PAGE_SIZE }>)]
    #[schema(schema_with = forecourt_domain::schema::page_limit::<{ forecourt_domain::paging::MAX_PAGE_SIZE }>)]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page; absent for the first page.
    pub cursor: Option<String>,
    /// Count the matches (exactly up to 1,000).
    #[serde(default)]
    pub with_count: bool,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct LeadPage {
    /// The leads of this page.
    pub items: Vec<LeadView>,
    /// Pass it as `cursor` for the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
    /// How many leads match, when `with_count` was asked (exact up to 1,000).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// Whether more than 1,000 match (`count` then stops at 1,000).
    pub count_capped: bool,
}

/// One column of the board: a grade, how many open leads have it, the first of them.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct GradeColumn {
    /// The grade of the column.
    pub grade: Grade,
    /// How many open leads have it (with the list's filters).
    pub count: i64,
    /// The first of them, `per_column` at most.
    pub leads: Vec<LeadView>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct LeadBoard {
    /// N, H, A, B, C: the open leads by grade.
    pub columns: Vec<GradeColumn>,
}

fn parse_list<T: FromStr>(
    field: &str,
    value: Option<&str>,
    allowed: &str,
) -> CoreResult<Vec<String>> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(Vec::new());
    };
    value
        .split(',')
        .map(str::trim)
        .map(|v| {
            v.parse::<T>().map(|_| v.to_owned()).map_err(|_| {
                CoreError::invalid(FieldError::new(
                    field,
                    "invalid_value",
                    format!("must list {allowed}"),
                ))
            })
        })
        .collect()
}

impl LeadQuery {
    fn filter(
        &self,
        now: DateTime<Utc>,
        customer_ids: Option<Vec<Uuid>>,
    ) -> CoreResult<LeadFilter> {
        Ok(LeadFilter {
            owner_id: self.owner_id.map(UserId::uuid),
            unassigned: self.unassigned,
            pool: self.pool.clone(),
            team_id: self.team_id.map(TeamId::uuid),
            grades: parse_list::<Grade>(
                "grade",
                self.grade.as_deref(),
                "grades N, H, A, B, C, O, F",
            )?,
            statuses: parse_list::<LeadStatus>(
                "status",
                self.status.as_deref(),
                "statuses open, lost_pending, lost, won",
            )?,
            source_key: self.source.clone(),
            series_id: self.series_id.map(CatalogSeriesId::uuid),
            customer_id: self.customer_id.map(CustomerId::uuid),
            customer_ids,
            stagnant: self.stagnant,
            due_before: self.overdue.then_some(now),
            created_from: self.created_from,
            created_to: self.created_to,
        })
    }
}

/// The orders a lead list may be sorted in; the first is the default.
pub const SORTS: [(&str, LeadSort); 2] = [
    ("-created_at", LeadSort::CreatedAt),
    ("-updated_at", LeadSort::UpdatedAt),
];

fn sort_schema() -> utoipa::openapi::Object {
    forecourt_domain::schema::optional_one_of(&SORTS.map(|(key, _)| key))
}

impl Sales<'_> {
    /// The list's filter, with its keyword search resolved to the customers it finds.
    async fn lead_filter(
        &self,
        actor: &Actor,
        query: &LeadQuery,
        now: DateTime<Utc>,
    ) -> CoreResult<LeadFilter> {
        let customer_ids = self
            .customers()
            .customers_found_by(actor, query.q.as_deref())
            .await?;
        query.filter(now, customer_ids)
    }

    /// A page of the leads the caller may read, filtered and sorted; newest first by default.
    pub async fn list_leads(&self, actor: &Actor, query: LeadQuery) -> CoreResult<LeadPage> {
        let reach = actor.reach(Permission::LeadRead)?;
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let wanted = query.sort.as_deref().unwrap_or(SORTS[0].0);
        let Some(&(_, sort)) = SORTS.iter().find(|(key, _)| *key == wanted) else {
            return Err(CoreError::invalid(FieldError::new(
                "sort",
                "invalid_value",
                "must be -created_at or -updated_at",
            )));
        };
        let now = self.now();
        let filter = self.lead_filter(actor, &query, now).await?;
        let conn = self.db().conn();
        let found = page_or_bad_cursor(
            leads::list(conn, actor.scope(), reach, &filter, sort, &page).await?,
        )?;
        let (count, count_capped) = if query.with_count {
            let n = leads::count_capped(conn, actor.scope(), reach, &filter, COUNT_CAP).await?;
            (Some(n.min(COUNT_CAP)), n > COUNT_CAP)
        } else {
            (None, false)
        };
        Ok(LeadPage {
            items: lead_views(conn, actor, now, &found.items).await?,
            next_cursor: found.next_cursor.as_ref().map(forecourt_db::Cursor::encode),
            count,
            count_capped,
        })
    }

    /// The open leads by grade (the list's filters apply), `per_column` cards each.
    pub async fn lead_board(
        &self,
        actor: &Actor,
        query: LeadQuery,
        per_column: u64,
    ) -> CoreResult<LeadBoard> {
        let reach = actor.reach(Permission::LeadRead)?;
        let now = self.now();
        let mut filter = self.lead_filter(actor, &query, now).await?;
        filter.statuses = vec![LeadStatus::Open.as_str().to_owned()];
        let conn = self.db().conn();
        let counts = leads::count_by_grade(conn, actor.scope(), reach, &filter).await?;
        let page = forecourt_db::PageRequest::first(per_column.clamp(1, 50));
        let mut columns = Vec::new();
        for grade in [Grade::N, Grade::H, Grade::A, Grade::B, Grade::C] {
            let mut by_grade = filter.clone();
            by_grade.grades = vec![grade.as_str().to_owned()];
            let found = page_or_bad_cursor(
                leads::list(
                    conn,
                    actor.scope(),
                    reach,
                    &by_grade,
                    LeadSort::UpdatedAt,
                    &page,
                )
                .await?,
            )?;
            columns.push(GradeColumn {
                grade,
                count: counts.get(grade.as_str()).copied().unwrap_or(0),
                leads: lead_views(conn, actor, now, &found.items).await?,
            });
        }
        Ok(LeadBoard { columns })
    }
}
