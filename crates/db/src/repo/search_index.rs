//! The n-gram index of customer search (`search_terms`), kept in the same transaction as the
//! customer it describes.

use super::tenant::TenantEntity;
use super::{Reach, batched_insert, customers};
use crate::entities::{customer, search_term};
use crate::{DbResult, DealerScope};
use sea_orm::sea_query::{Expr, ExprTrait, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait,
};
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

/// Replaces the terms of a customer.
pub async fn replace<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    customer_id: Uuid,
    terms: BTreeSet<String>,
) -> DbResult<()> {
    remove(conn, scope, customer_id).await?;
    insert(
        conn,
        scope,
        terms.into_iter().map(|term| (term, customer_id)),
    )
    .await
}

/// Adds terms (for imports, which write many customers at once).
pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    terms: impl IntoIterator<Item = (String, Uuid)>,
) -> DbResult<()> {
    let dealer_id = scope.dealer_id().uuid();
    let mut rows: Vec<search_term::Model> = terms
        .into_iter()
        .map(|(term, customer_id)| search_term::Model {
            dealer_id,
            term,
            customer_id,
        })
        .collect();
    // In key order: B-tree inserts then touch each page once instead of jumping around.
    rows.sort_unstable_by(|a, b| (&a.term, a.customer_id).cmp(&(&b.term, b.customer_id)));
    batched_insert::<search_term::Entity, _>(conn, scope, rows).await
}

pub async fn remove<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    customer_id: Uuid,
) -> DbResult<()> {
    search_term::Entity::delete_many()
        .filter(search_term::Column::DealerId.eq(scope.dealer_id().uuid()))
        .filter(search_term::Column::CustomerId.eq(customer_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// Whether a posting's customer is within `reach`, as a correlated EXISTS (`None` at dealer
/// reach). Correlated on purpose: the search walks a term's postings newest first and checks
/// each against the customer's primary key, stopping at the limit. An `IN (customers the
/// consultant owns)` subquery would first list all of them — fifty thousand at a million
/// customers — on every search.
fn within_reach(scope: &DealerScope, reach: Reach) -> Option<SimpleExpr> {
    (reach != Reach::Dealer).then(|| {
        let owned = customers::within_reach(customer::Entity::scoped(scope), scope, reach)
            .select_only()
            .column(customer::Column::Id)
            .filter(
                Expr::col((customer::Entity, customer::Column::Id))
                    .equals((search_term::Entity, search_term::Column::CustomerId)),
            )
            .into_query();
        Expr::exists(owned)
    })
}

/// The customers within `reach` holding every one of `terms`, newest first, at most `limit`.
pub async fn customers_with_all<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    terms: &[String],
    reach: Reach,
    limit: u64,
) -> DbResult<Vec<Uuid>> {
    let mut select = search_term::Entity::find()
        .filter(search_term::Column::DealerId.eq(scope.dealer_id().uuid()));
    if let Some(owned) = within_reach(scope, reach) {
        select = select.filter(owned);
    }
    match terms {
        [] => Ok(Vec::new()),
        [term] => Ok(select
            .filter(search_term::Column::Term.eq(term.as_str()))
            .select_only()
            .column(search_term::Column::CustomerId)
            .order_by_desc(search_term::Column::CustomerId)
            .limit(limit)
            .into_tuple()
            .all(conn)
            .await?),
        _ => {
            // Each term's postings through the primary key, intersected here. Asking the
            // database to group and order by customer lets SQLite walk the customer index and
            // read every term of the dealer instead.
            let postings: Vec<Uuid> = select
                .filter(search_term::Column::Term.is_in(terms.iter().cloned()))
                .select_only()
                .column(search_term::Column::CustomerId)
                .into_tuple()
                .all(conn)
                .await?;
            let mut counts: HashMap<Uuid, usize> = HashMap::new();
            for customer in postings {
                *counts.entry(customer).or_default() += 1;
            }
            let mut all: Vec<Uuid> = counts
                .into_iter()
                .filter(|(_, n)| *n == terms.len())
                .map(|(id, _)| id)
                .collect();
            all.sort_unstable_by(|a, b| b.cmp(a));
            all.truncate(limit as usize);
            Ok(all)
        }
    }
}
