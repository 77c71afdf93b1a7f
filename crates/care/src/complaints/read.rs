//! Reading complaints: the list (keyset, newest first, within the reader's reach), one
//! complaint with its steps and escalations, and the SLA board — every open complaint the
//! reader reaches with its running clock, the soonest due first.

use super::access::complaint_for;
use super::views::{ComplaintDetail, ComplaintView, SlaState, detail, views};
use crate::Care;
use crate::rules::CareRules;
use chrono::{DateTime, Utc};
use forecourt_db::repo::care::{self, ComplaintFilter};
use forecourt_domain::FieldError;
use forecourt_domain::care::complaint::{ComplaintStatus, Severity};
use forecourt_domain::ids::{ComplaintId, CustomerId, UserId};
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// The default page size of the complaint list.
pub const DEFAULT_PAGE_SIZE: u64 = 50;
/// The largest page.
pub const MAX_PAGE_SIZE: u64 = 200;

/// What to list.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ComplaintQuery {
    /// Only this status.
    pub status: Option<ComplaintStatus>,
    /// Only open ones (everything but closed).
    #[serde(default)]
    pub open: bool,
    pub handler_id: Option<UserId>,
    pub customer_id: Option<CustomerId>,
    pub severity: Option<Severity>,
    /// Only those with a breach on record.
    #[serde(default)]
    pub breached: bool,
    /// 1–200 (default 50).
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// A page of complaints.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ComplaintPage {
    pub items: Vec<ComplaintView>,
    /// Pass as `cursor` for the next page; absent on the last.
    pub next_cursor: Option<String>,
}

/// The SLA board.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SlaBoard {
    /// Open complaints reached, breached first, then about to breach, on track (the soonest
    /// due first) and waiting for the customer.
    pub items: Vec<ComplaintView>,
    pub breached: usize,
    pub at_risk: usize,
    pub on_track: usize,
    pub paused: usize,
}

fn cursor(at: DateTime<Utc>, id: Uuid) -> String {
    format!("{}_{}", at.timestamp_micros(), id.simple())
}

fn parse_cursor(token: Option<&str>) -> CoreResult<Option<(DateTime<Utc>, Uuid)>> {
    let Some(token) = token.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let parsed = token.split_once('_').and_then(|(micros, id)| {
        Some((
            DateTime::<Utc>::from_timestamp_micros(micros.parse().ok()?)?,
            Uuid::parse_str(id).ok()?,
        ))
    });
    parsed.map(Some).ok_or_else(|| {
        CoreError::invalid(FieldError::new(
            "cursor",
            "invalid_cursor",
            "is not a cursor of this list; start again from the first page",
        ))
    })
}

fn rank(state: SlaState) -> u8 {
    match state {
        SlaState::Breached => 0,
        SlaState::AtRisk => 1,
        SlaState::OnTrack => 2,
        SlaState::Paused => 3,
        SlaState::Done => 4,
    }
}

impl Care<'_> {
    /// The complaints the reader reaches (`complaint:read`: own — handled or entered by them —
    /// team or dealer), newest first, filtered; keyset pages.
    pub async fn list_complaints(
        &self,
        actor: &Actor,
        query: ComplaintQuery,
    ) -> CoreResult<ComplaintPage> {
        let reach = actor.reach(Permission::ComplaintRead)?;
        let after = parse_cursor(query.cursor.as_deref())?;
        let limit = query
            .limit
            .unwrap_or(DEFAULT_PAGE_SIZE)
            .clamp(1, MAX_PAGE_SIZE);
        let statuses = match (query.status, query.open) {
            (Some(s), _) => vec![s.as_str().to_owned()],
            (None, true) => ComplaintStatus::ALL
                .iter()
                .filter(|s| s.is_open())
                .map(|s| s.as_str().to_owned())
                .collect(),
            (None, false) => Vec::new(),
        };
        let filter = ComplaintFilter {
            statuses,
            handler_id: query.handler_id.map(UserId::uuid),
            customer_id: query.customer_id.map(CustomerId::uuid),
            severity: query.severity.map(|s| s.as_str().to_owned()),
            breached: query.breached,
        };
        let conn = self.db().conn();
        let mut rows =
            care::complaints(conn, actor.scope(), reach, &filter, after, limit + 1).await?;
        let next_cursor = if rows.len() as u64 > limit {
            rows.truncate(limit as usize);
            rows.last().map(|c| cursor(c.entered_at, c.id))
        } else {
            None
        };
        let now = self.now();
        let rules = CareRules::load(conn, actor, self.today(actor)).await?;
        let ids: Vec<Uuid> = rows.iter().map(|c| c.id).collect();
        let pauses = care::pauses_of(conn, actor.scope(), &ids).await?;
        Ok(ComplaintPage {
            items: views(conn, actor, &rules, &pauses, now, &rows).await?,
            next_cursor,
        })
    }

    /// One complaint with its steps and escalations. Needs `complaint:read` reaching it (its
    /// handler, or the reader entered it); another dealer's or out of reach is 404.
    pub async fn get_complaint(
        &self,
        actor: &Actor,
        id: ComplaintId,
    ) -> CoreResult<ComplaintDetail> {
        let conn = self.db().conn();
        let c = complaint_for(conn, actor, id, Permission::ComplaintRead).await?;
        let rules = CareRules::load(conn, actor, self.today(actor)).await?;
        let pauses = care::pauses_of(conn, actor.scope(), &[c.id]).await?;
        let events = care::events_of(conn, actor.scope(), c.id).await?;
        let escalations = care::escalations_of(conn, actor.scope(), &[c.id]).await?;
        detail(
            conn,
            actor,
            &rules,
            &pauses,
            &events,
            &escalations,
            self.now(),
            &c,
        )
        .await
    }

    /// The SLA board: every open complaint the reader reaches (`complaint:read`), breached
    /// first, then about to breach, then on track by due instant, then waiting.
    pub async fn complaint_board(&self, actor: &Actor) -> CoreResult<SlaBoard> {
        let reach = actor.reach(Permission::ComplaintRead)?;
        let conn = self.db().conn();
        let filter = ComplaintFilter {
            statuses: ComplaintStatus::ALL
                .iter()
                .filter(|s| s.is_open())
                .map(|s| s.as_str().to_owned())
                .collect(),
            ..ComplaintFilter::default()
        };
        let rows = care::complaints(conn, actor.scope(), reach, &filter, None, 1000).await?;
        let now = self.now();
        let rules = CareRules::load(conn, actor, self.today(actor)).await?;
        let ids: Vec<Uuid> = rows.iter().map(|c| c.id).collect();
        let pauses = care::pauses_of(conn, actor.scope(), &ids).await?;
        let mut items = views(conn, actor, &rules, &pauses, now, &rows).await?;
        items.retain(|v| v.sla_state != SlaState::Done);
        let due = |v: &ComplaintView| match v.first_responded_at {
            None => v.first_response_due_at,
            Some(_) => v.resolution_due_at,
        };
        items.sort_by_key(|v| {
            (
                rank(v.sla_state),
                due(v).unwrap_or(DateTime::<Utc>::MAX_UTC),
            )
        });
        let count = |s: SlaState| items.iter().filter(|v| v.sla_state == s).count();
        Ok(SlaBoard {
            breached: count(SlaState::Breached),
            at_risk: count(SlaState::AtRisk),
            on_track: count(SlaState::OnTrack),
            paused: count(SlaState::Paused),
            items,
        })
    }
}
