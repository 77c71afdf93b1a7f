//! The customer list: filters, sort, keyset pages and a count that stays fast.

use super::access::owner_teams;
use super::views::{CustomerRow, Render};
use crate::Customers;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::customer;
use forecourt_db::repo::customers::{self, CustomerFilter, CustomerSort};
use forecourt_domain::FieldError;
use forecourt_domain::ids::{TeamId, UserId};
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::paging::{page_or_bad_cursor, page_request};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Counts stop here: beyond it the list says "1,000+".
pub const COUNT_CAP: u64 = 1000;

#[derive(Clone, Debug, Default, Deserialize, Serialize, IntoParams, ToSchema)]
#[into_params(parameter_in = Query)]
pub struct CustomerQuery {
    /// A name (two characters are enough), phone (or its last four digits), plate or VIN.
    pub q: Option<String>,
    /// Only customers this user owns.
    pub owner_id: Option<UserId>,
    /// Only customers nobody owns.
    #[serde(default)]
    pub unowned: bool,
    /// Only customers owned by this team's members.
    pub team_id: Option<TeamId>,
    /// Only customers of this source (a key of the dealer's `source` list).
    pub source: Option<String>,
    /// Only customers with this tag.
    pub tag: Option<String>,
    /// Only people (`person`) or only companies (`company`).
    pub kind: Option<super::CustomerKind>,
    /// Only customers created from this time (UTC, RFC 3339).
    pub created_from: Option<DateTime<Utc>>,
    /// Only customers created up to this time (UTC, RFC 3339).
    pub created_to: Option<DateTime<Utc>>,
    /// Customers owning a car of this brand.
    pub brand: Option<String>,
    /// Customers who consented to this channel.
    pub consent: Option<super::ConsentChannel>,
    /// `-created_at` (default), `-updated_at` or `name`.
    #[param(schema_with = sort_schema)]
    #[schema(schema_with = sort_schema)]
    pub sort: Option<String>,
    /// How many customers per page (at most 200; default 50).
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
pub struct CustomerPage {
    /// The customers of this page.
    pub items: Vec<CustomerRow>,
    /// Pass it as `cursor` for the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
    /// With `with_count`: the number of matches, at most 1,000.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// Whether there are more than `count` matches.
    pub count_capped: bool,
}

/// The orders a customer list may be sorted in; the first is the default.
pub const SORTS: [(&str, CustomerSort); 3] = [
    ("-created_at", CustomerSort::CreatedAt),
    ("-updated_at", CustomerSort::UpdatedAt),
    ("name", CustomerSort::Name),
];

fn sort_schema() -> utoipa::openapi::Object {
    forecourt_domain::schema::optional_one_of(&SORTS.map(|(key, _)| key))
}

pub fn parse_sort(sort: Option<&str>) -> CoreResult<CustomerSort> {
    let wanted = sort.unwrap_or(SORTS[0].0);
    match SORTS.iter().find(|(key, _)| *key == wanted) {
        Some(&(_, sort)) => Ok(sort),
        None => Err(CoreError::invalid(FieldError::new(
            "sort",
            "invalid_value",
            "must be -created_at, -updated_at or name",
        ))),
    }
}

/// Rows of customers for one caller (primary phone, tags, owner), in the given order.
pub async fn rows<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    found: &[customer::Model],
) -> CoreResult<Vec<CustomerRow>> {
    let ids: Vec<uuid::Uuid> = found.iter().map(|c| c.id).collect();
    let phones = customers::phones_of(conn, actor.scope(), &ids).await?;
    let tags = customers::tags_of(conn, actor.scope(), &ids).await?;
    let owners = owner_teams(conn, actor, found.iter().filter_map(|c| c.owner_id)).await?;
    let render = Render {
        actor,
        owners: &owners,
    };
    Ok(found
        .iter()
        .map(|c| {
            let own_phones: Vec<_> = phones.iter().filter(|p| p.customer_id == c.id).collect();
            let own_tags = tags
                .iter()
                .filter(|t| t.customer_id == c.id)
                .map(|t| t.tag.clone())
                .collect();
            render.row(c, &own_phones, own_tags)
        })
        .collect())
}

impl Customers<'_> {
    /// The customers a list's keyword search finds (at most [`COUNT_CAP`]), or `None` when
    /// there is no search (blank counts as none).
    pub async fn customers_found_by(
        &self,
        actor: &Actor,
        q: Option<&str>,
    ) -> CoreResult<Option<Vec<uuid::Uuid>>> {
        let Some(q) = q.map(str::trim).filter(|q| !q.is_empty()) else {
            return Ok(None);
        };
        let found = self.search_ids(actor, q, COUNT_CAP).await?;
        Ok(Some(found.into_iter().map(|(id, _)| id).collect()))
    }

    /// The list filter a customer query stands for, its search text resolved to the matching
    /// customers' ids (at most 1,000).
    pub async fn customer_filter(
        &self,
        actor: &Actor,
        query: &CustomerQuery,
    ) -> CoreResult<CustomerFilter> {
        let ids = self.customers_found_by(actor, query.q.as_deref()).await?;
        Ok(CustomerFilter {
            owner_id: query.owner_id.map(UserId::uuid),
            unowned: query.unowned,
            team_id: query.team_id.map(TeamId::uuid),
            source_key: query.source.clone(),
            tag: query.tag.clone(),
            kind: query.kind.map(|k| k.as_str().to_owned()),
            created_from: query.created_from,
            created_to: query.created_to,
            brand: query.brand.clone(),
            consent: query.consent.map(|c| c.as_str().to_owned()),
            ids,
        })
    }

    /// A page of the customers the caller may read (`customer.read` in their scope), filtered and
    /// sorted; newest first by default, with an optional count up to 1,000.
    pub async fn list_customers(
        &self,
        actor: &Actor,
        query: CustomerQuery,
    ) -> CoreResult<CustomerPage> {
        let reach = actor.reach(Permission::CustomerRead)?;
        let page = page_request(query.limit, query.cursor.as_deref())?;
        let sort = parse_sort(query.sort.as_deref())?;
        let filter = self.customer_filter(actor, &query).await?;
        let conn = self.db().conn();
        let found = page_or_bad_cursor(
            customers::list(conn, actor.scope(), reach, &filter, sort, &page).await?,
        )?;
        let (count, count_capped) = if query.with_count {
            let n = customers::count_capped(conn, actor.scope(), reach, &filter, COUNT_CAP).await?;
            (Some(n.min(COUNT_CAP)), n > COUNT_CAP)
        } else {
            (None, false)
        };
        Ok(CustomerPage {
            items: rows(conn, actor, &found.items).await?,
            next_cursor: found.next_cursor.as_ref().map(forecourt_db::Cursor::encode),
            count,
            count_capped,
        })
    }
}

/// How big a dealer's customer file is: every customer row (merged ones included) and every car.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileSize {
    pub customers: u64,
    pub vehicles: u64,
}

impl Customers<'_> {
    /// The exact size of the caller's dealer's customer file, for whoever may read the dealer
    /// (the benchmark's report; lists count only up to a cap).
    pub async fn customer_file_size(&self, actor: &Actor) -> CoreResult<FileSize> {
        actor.require(Permission::DealerRead)?;
        let conn = self.db().conn();
        Ok(FileSize {
            customers: customers::count_rows(conn, actor.scope()).await?,
            vehicles: forecourt_db::repo::vehicles::count_rows(conn, actor.scope()).await?,
        })
    }
}
