//! The renewal rate: per agent and month of the due day, the renewals due, renewed here,
//! renewed elsewhere, lost and still open, and the rate renewed here ÷ due, with totals —
//! from counts grouped in SQL. An agent sees their own row; `renewal:assign` everyone's.

use super::views::RenewalPerson;
use crate::AfterSales;
use chrono::{Datelike, NaiveDate};
use forecourt_db::repo::insurance;
use forecourt_db::repo::{Reach, users};
use forecourt_domain::aftersales::renewal::{RenewalStatus, renewal_rate_bp};
use forecourt_domain::dates::check_year;
use forecourt_domain::ids::UserId;
use forecourt_domain::permission::Permission;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// The longest period of a rate table, in days (about three years).
pub const RATE_MAX_DAYS: i64 = 1_100;

/// The period of the rate table: renewals due from `from` to `to` (inclusive).
#[derive(Clone, Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RateQuery {
    /// The first due day counted.
    pub from: NaiveDate,
    /// The last due day counted (at most 1,100 days after `from`).
    pub to: NaiveDate,
}

/// Renewals counted by how they stand.
#[derive(Clone, Debug, Default, Serialize, ToSchema)]
pub struct RateCounts {
    /// Renewals whose policy ends in the period.
    pub due: i64,
    pub renewed_here: i64,
    pub renewed_elsewhere: i64,
    pub lost: i64,
    pub open: i64,
    /// Renewed here ÷ due, in basis points (6667 = 66.67%); none when nothing was due.
    pub rate_bp: Option<i64>,
}

impl RateCounts {
    fn add(&mut self, status: RenewalStatus, n: i64) {
        self.due += n;
        match status {
            RenewalStatus::Open => self.open += n,
            RenewalStatus::RenewedHere => self.renewed_here += n,
            RenewalStatus::RenewedElsewhere => self.renewed_elsewhere += n,
            RenewalStatus::Lost => self.lost += n,
        }
        self.rate_bp = renewal_rate_bp(self.renewed_here, self.due);
    }
}

/// One agent's month.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RateRow {
    /// The agent; none for renewals nobody was given.
    pub agent: Option<RenewalPerson>,
    /// The month of the due day, `2026-11`.
    pub month: String,
    #[serde(flatten)]
    pub counts: RateCounts,
}

/// The renewal rate table.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RenewalRate {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// By agent (by name), then month.
    pub rows: Vec<RateRow>,
    /// Every row together.
    pub totals: RateCounts,
}

impl AfterSales<'_> {
    /// The renewal rate per agent and month of renewals due in the period. Needs
    /// `renewal:read`; an agent sees their own row, `renewal:assign` everyone's. A period
    /// ending before it starts, or longer than 1,100 days, is 422.
    pub async fn renewal_rate(&self, actor: &Actor, query: RateQuery) -> CoreResult<RenewalRate> {
        let reach = if actor.can(Permission::RenewalAssign) {
            actor.require(Permission::RenewalRead)?;
            Reach::Dealer
        } else {
            actor.reach(Permission::RenewalRead)?
        };
        let mut errors = FieldErrors::new();
        errors.check(check_year("from", query.from));
        errors.check(check_year("to", query.to));
        let days = (query.to - query.from).num_days();
        if !(0..=RATE_MAX_DAYS).contains(&days) {
            errors.push(
                FieldError::new(
                    "to",
                    "out_of_range",
                    "must be on or after `from`, at most 1,100 days later",
                )
                .with_param("max", RATE_MAX_DAYS),
            );
        }
        errors.finish()?;
        let conn = self.db().conn();
        let counts =
            insurance::rate_counts(conn, actor.scope(), reach, query.from, query.to).await?;
        let mut grouped: BTreeMap<(Option<Uuid>, String), RateCounts> = BTreeMap::new();
        let mut totals = RateCounts::default();
        for (agent, day, status, n) in counts {
            let status = RenewalStatus::parse(&status).unwrap_or(RenewalStatus::Open);
            let month = format!("{:04}-{:02}", day.year(), day.month());
            grouped.entry((agent, month)).or_default().add(status, n);
            totals.add(status, n);
        }
        let agents: Vec<Uuid> = grouped.keys().filter_map(|(a, _)| *a).collect();
        let people = users::find_many(conn, actor.scope(), &agents).await?;
        let mut rows: Vec<RateRow> = grouped
            .into_iter()
            .map(|((agent, month), counts)| RateRow {
                agent: agent.and_then(|id| {
                    people.iter().find(|u| u.id == id).map(|u| RenewalPerson {
                        id: UserId::from_uuid(u.id),
                        display_name: u.display_name.clone(),
                    })
                }),
                month,
                counts,
            })
            .collect();
        rows.sort_by(|a, b| {
            let name = |r: &RateRow| r.agent.as_ref().map(|p| p.display_name.clone());
            name(a).cmp(&name(b)).then_with(|| a.month.cmp(&b.month))
        });
        Ok(RenewalRate {
            from: query.from,
            to: query.to,
            rows,
            totals,
        })
    }
}
