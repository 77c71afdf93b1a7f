//! Customers and the rows that belong to them.

mod bulk;
mod lookups;
mod rows;

pub use bulk::{move_references, set_owner};
pub use lookups::{batch_after, name_prefix, owners_of_id_hashes, owners_of_phones};
pub use rows::{
    companions_of, consent_events_of, customers_with_tag, phones_of, replace_companions,
    replace_phones, replace_tags, tags_of,
};

use super::Reach;
use super::tenant::TenantEntity;
use crate::entities::{customer, customer_tag, vehicle};
use crate::pagination::{BadCursor, CursorKey, Keyset, Page, PageRequest, SortDirection};
use crate::{DbResult, DealerScope};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, PaginatorTrait, QueryFilter, QuerySelect, Select};
use uuid::Uuid;

pub const ACTIVE: &str = "active";
pub const MERGED: &str = "merged";

/// The customers a reach lets a caller see (ownership decides).
pub fn within_reach(
    select: Select<customer::Entity>,
    scope: &DealerScope,
    reach: Reach,
) -> Select<customer::Entity> {
    super::owned_within_reach(select, scope, reach, customer::Column::OwnerId)
}

#[derive(Clone, Debug, Default)]
pub struct CustomerFilter {
    pub owner_id: Option<Uuid>,
    /// Only customers nobody owns (the pool).
    pub unowned: bool,
    /// Customers owned by members of this team.
    pub team_id: Option<Uuid>,
    pub source_key: Option<String>,
    pub tag: Option<String>,
    pub kind: Option<String>,
    pub created_from: Option<DateTime<Utc>>,
    pub created_to: Option<DateTime<Utc>>,
    /// Customers currently owning a car of this brand.
    pub brand: Option<String>,
    /// Customers who consented to this channel (`sms`, `phone`, `email`, `wechat`).
    pub consent: Option<String>,
    /// Only these customers (the result of a search).
    pub ids: Option<Vec<Uuid>>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CustomerSort {
    /// Newest first.
    #[default]
    CreatedAt,
    /// Recently changed first.
    UpdatedAt,
    Name,
}

impl CustomerSort {
    pub fn keyset(self) -> Keyset<customer::Column> {
        let (name, column, direction) = match self {
            CustomerSort::CreatedAt => (
                "-created_at",
                customer::Column::CreatedAt,
                SortDirection::Desc,
            ),
            CustomerSort::UpdatedAt => (
                "-updated_at",
                customer::Column::UpdatedAt,
                SortDirection::Desc,
            ),
            CustomerSort::Name => ("name", customer::Column::Name, SortDirection::Asc),
        };
        Keyset {
            name,
            column,
            id_column: customer::Column::Id,
            direction,
        }
    }

    fn key(self, c: &customer::Model) -> CursorKey {
        match self {
            CustomerSort::CreatedAt => CursorKey::Time(c.created_at),
            CustomerSort::UpdatedAt => CursorKey::Time(c.updated_at),
            CustomerSort::Name => CursorKey::Text(c.name.clone()),
        }
    }
}

/// Owners of a brand from which the brand filter checks each customer it passes for such a car
/// (a correlated EXISTS) rather than first listing every owner (IN). A list walks customers in
/// its sort order: when owners are common it meets one every few rows and stops at the page's
/// end, while listing them all would build a set of hundreds of thousands on every page. When
/// owners are few, listing them is cheap and checking each row against the set costs little.
pub const COMMON_BRAND_OWNERS: u64 = 20_000;

/// How many cars of the brand have an owner, counted no further than [`COMMON_BRAND_OWNERS`]
/// (through the brand index).
async fn brand_owners<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    brand: &str,
) -> DbResult<u64> {
    let owned = vehicle::Entity::scoped(scope)
        .filter(vehicle::Column::Brand.eq(brand))
        .filter(vehicle::Column::OwnerCustomerId.is_not_null())
        .select_only()
        .column(vehicle::Column::OwnerCustomerId)
        .limit(COMMON_BRAND_OWNERS)
        .count(conn)
        .await?;
    Ok(owned)
}

/// The active customers matching a filter, within reach (no order or page yet), with the brand
/// filter planned for how common the brand is.
async fn matching<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &CustomerFilter,
) -> DbResult<Select<customer::Entity>> {
    let owners = match &filter.brand {
        Some(brand) => brand_owners(conn, scope, brand).await?,
        None => 0,
    };
    Ok(filtered(scope, reach, filter, owners))
}

/// The filter as a query; `brand_owners` is what [`brand_owners`] counted for the brand filter.
fn filtered(
    scope: &DealerScope,
    reach: Reach,
    filter: &CustomerFilter,
    brand_owners: u64,
) -> Select<customer::Entity> {
    let mut select = within_reach(customer::Entity::scoped(scope), scope, reach)
        .filter(customer::Column::Status.eq(ACTIVE));
    let dealer = scope.dealer_id().uuid();
    if let Some(owner) = filter.owner_id {
        select = select.filter(customer::Column::OwnerId.eq(owner));
    }
    if filter.unowned {
        select = select.filter(customer::Column::OwnerId.is_null());
    }
    if let Some(team) = filter.team_id {
        select =
            select.filter(customer::Column::OwnerId.in_subquery(super::team_members(scope, team)));
    }
    if let Some(source) = &filter.source_key {
        select = select.filter(customer::Column::SourceKey.eq(source.as_str()));
    }
    if let Some(kind) = &filter.kind {
        select = select.filter(customer::Column::Kind.eq(kind.as_str()));
    }
    if let Some(from) = filter.created_from {
        select = select.filter(customer::Column::CreatedAt.gte(from));
    }
    if let Some(to) = filter.created_to {
        select = select.filter(customer::Column::CreatedAt.lt(to));
    }
    if let Some(tag) = &filter.tag {
        select = select.filter(
            customer::Column::Id.in_subquery(
                Query::select()
                    .column(customer_tag::Column::CustomerId)
                    .from(customer_tag::Entity)
                    .and_where(customer_tag::Column::DealerId.eq(dealer))
                    .and_where(customer_tag::Column::Tag.eq(tag.as_str()))
                    .take(),
            ),
        );
    }
    if let Some(brand) = &filter.brand {
        let mut owners = Query::select()
            .column(vehicle::Column::OwnerCustomerId)
            .from(vehicle::Entity)
            .and_where(vehicle::Column::DealerId.eq(dealer))
            .and_where(vehicle::Column::Brand.eq(brand.as_str()))
            .and_where(vehicle::Column::OwnerCustomerId.is_not_null())
            .take();
        select = if brand_owners == 0 {
            // Nobody owns one: no walk at all (a constant false is tested once, up front).
            select.filter(Expr::val(false))
        } else if brand_owners >= COMMON_BRAND_OWNERS {
            owners.and_where(
                Expr::col((vehicle::Entity, vehicle::Column::OwnerCustomerId))
                    .equals((customer::Entity, customer::Column::Id)),
            );
            select.filter(Expr::exists(owners))
        } else {
            select.filter(customer::Column::Id.in_subquery(owners))
        };
    }
    if let Some(channel) = &filter.consent {
        let column = match channel.as_str() {
            "sms" => Some(customer::Column::ConsentSms),
            "phone" => Some(customer::Column::ConsentPhone),
            "email" => Some(customer::Column::ConsentEmail),
            "wechat" => Some(customer::Column::ConsentWechat),
            _ => None,
        };
        if let Some(column) = column {
            select = select.filter(column.eq(true));
        }
    }
    if let Some(ids) = &filter.ids {
        select = select.filter(customer::Column::Id.is_in(ids.iter().copied()));
    }
    select
}

pub async fn list<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &CustomerFilter,
    sort: CustomerSort,
    page: &PageRequest,
) -> DbResult<Result<Page<customer::Model>, BadCursor>> {
    let keyset = sort.keyset();
    let select = match keyset.apply(matching(conn, scope, reach, filter).await?, page) {
        Ok(select) => select,
        Err(bad) => return Ok(Err(bad)),
    };
    let rows = select.all(conn).await?;
    Ok(Ok(keyset.finish(rows, page, |c| (sort.key(c), c.id))))
}

/// How many customers match, counting no further than `cap` (so the count stays fast on a
/// million rows; the UI shows "1,000+").
pub async fn count_capped<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    reach: Reach,
    filter: &CustomerFilter,
    cap: u64,
) -> DbResult<u64> {
    let ids: Vec<Uuid> = matching(conn, scope, reach, filter)
        .await?
        .select_only()
        .column(customer::Column::Id)
        .limit(cap + 1)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(ids.len() as u64)
}

/// Active customers with any of the given ids (no reach: callers decide what to show).
pub async fn find_many<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    ids: &[Uuid],
) -> DbResult<Vec<customer::Model>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut all = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        all.extend(
            customer::Entity::scoped(scope)
                .filter(customer::Column::Id.is_in(chunk.iter().copied()))
                .all(conn)
                .await?,
        );
    }
    Ok(all)
}

/// Counts a dealer's active customers (for tests and the demo).
pub async fn count_active<C: ConnectionTrait>(conn: &C, scope: &DealerScope) -> DbResult<u64> {
    Ok(customer::Entity::scoped(scope)
        .filter(customer::Column::Status.eq(ACTIVE))
        .count(conn)
        .await?)
}

/// Every customer row of the dealer, merged ones included: the size of its file (the
/// benchmark's report). Lists count with [`count_capped`] instead.
pub async fn count_rows<C: ConnectionTrait>(conn: &C, scope: &DealerScope) -> DbResult<u64> {
    Ok(customer::Entity::scoped(scope).count(conn).await?)
}
