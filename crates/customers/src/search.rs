//! The one search box: a name (two Chinese characters are enough), a phone or its last four
//! digits, a plate, a VIN or its last six. Exact matches come before partial ones; results are
//! limited to the customers the caller may see, and masked like everything else.

use super::list::rows;
use super::views::CustomerRow;
use crate::Customers;
use forecourt_db::repo::{customers, search_index};
use forecourt_domain::permission::Permission;
use forecourt_domain::search::{MatchedOn, normalize, plan};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

pub const DEFAULT_LIMIT: u64 = 20;
pub const MAX_LIMIT: u64 = 200;

#[derive(Clone, Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    pub q: String,
    /// At most 200 (default 20).
    #[param(schema_with = forecourt_domain::schema::page_limit::<{ crate::search::MAX_LIMIT }>)]
    pub limit: Option<u64>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SearchHit {
    /// The customer found, masked as the caller's role requires.
    pub customer: CustomerRow,
    /// What matched: the name, a phone, a plate or a VIN.
    pub matched_on: MatchedOn,
    /// Whether the whole name, number, plate or VIN matched (rather than a part).
    pub exact: bool,
}

impl Customers<'_> {
    /// The ids of matching customers within reach, best first: `(id, (exact, matched on))`.
    pub async fn search_ids(
        &self,
        actor: &Actor,
        q: &str,
        limit: u64,
    ) -> CoreResult<Vec<(Uuid, (bool, MatchedOn))>> {
        let reach = actor.reach(Permission::CustomerRead)?;
        let conn = self.db().conn();
        let scope = actor.scope();
        let mut probes = plan(q);
        probes.sort_by_key(|p| p.rank);
        let mut found: Vec<(Uuid, (bool, MatchedOn))> = Vec::new();
        let mut seen: HashSet<Uuid> = HashSet::new();
        if probes.is_empty() {
            // One character: names starting with it.
            let normalized = normalize(q);
            if normalized.chars().count() == 1 && !normalized.chars().all(|c| c.is_ascii_digit()) {
                for c in customers::name_prefix(conn, scope, reach, q.trim(), limit).await? {
                    found.push((c.id, (false, MatchedOn::Name)));
                }
            }
            return Ok(found);
        }
        for probe in probes {
            if found.len() as u64 >= limit {
                break;
            }
            let room = limit - found.len() as u64;
            // Bigram candidates are checked against the name below; fetch some slack.
            let fetch = if probe.must_contain.is_some() {
                room.saturating_mul(4) + seen.len() as u64
            } else {
                room + seen.len() as u64
            };
            let ids =
                search_index::customers_with_all(conn, scope, &probe.terms, reach, fetch).await?;
            let ids: Vec<Uuid> = ids.into_iter().filter(|id| !seen.contains(id)).collect();
            let ids = match &probe.must_contain {
                Some(needle) if probe.terms.len() > 1 => {
                    let named = customers::find_many(conn, scope, &ids).await?;
                    ids.into_iter()
                        .filter(|id| {
                            named.iter().any(|c| {
                                c.id == *id && normalize(&c.name).contains(needle.as_str())
                            })
                        })
                        .collect()
                }
                _ => ids,
            };
            let exact = probe.rank == forecourt_domain::search::MatchRank::Exact;
            for id in ids.into_iter().take(room as usize) {
                seen.insert(id);
                found.push((id, (exact, probe.matched_on)));
            }
        }
        Ok(found)
    }

    /// Quick search for the search box: customers the caller may read whose name, phone (or its
    /// last four digits), plate or VIN match `q`; at most `limit` hits (default 20, at most 200).
    /// Needs `customer.read`.
    pub async fn search_customers(
        &self,
        actor: &Actor,
        query: SearchQuery,
    ) -> CoreResult<Vec<SearchHit>> {
        let limit = query.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
        let ids = self.search_ids(actor, &query.q, limit).await?;
        let conn = self.db().conn();
        let only: Vec<Uuid> = ids.iter().map(|(id, _)| *id).collect();
        let found = customers::find_many(conn, actor.scope(), &only).await?;
        let ordered: Vec<_> = only
            .iter()
            .filter_map(|id| {
                found
                    .iter()
                    .find(|c| c.id == *id && c.status == customers::ACTIVE)
                    .cloned()
            })
            .collect();
        let customer_rows = rows(conn, actor, &ordered).await?;
        Ok(customer_rows
            .into_iter()
            .filter_map(|row| {
                let (exact, matched_on) = ids.iter().find(|(id, _)| *id == row.id.uuid())?.1;
                Some(SearchHit {
                    customer: row,
                    matched_on,
                    exact,
                })
            })
            .collect())
    }
}
