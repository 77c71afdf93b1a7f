//! Changes to many customers at once: a new owner, and references moved by a merge.

use crate::entities::customer;
use crate::{DbResult, DealerScope};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

/// Gives every customer in `ids` (of the dealer) the new owner; how many changed.
pub async fn set_owner<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    ids: &[Uuid],
    owner: Option<Uuid>,
    now: DateTime<Utc>,
) -> DbResult<u64> {
    let mut changed = 0;
    for chunk in ids.chunks(500) {
        changed += customer::Entity::update_many()
            .col_expr(customer::Column::OwnerId, Expr::val(owner))
            .col_expr(customer::Column::UpdatedAt, Expr::val(now))
            .col_expr(
                customer::Column::Version,
                Expr::col(customer::Column::Version).add(1),
            )
            .filter(customer::Column::DealerId.eq(scope.dealer_id().uuid()))
            .filter(customer::Column::Id.is_in(chunk.iter().copied()))
            .exec(conn)
            .await?
            .rows_affected;
    }
    Ok(changed)
}

/// Points every reference to `from` at `to` (within the dealer): `references` lists each
/// `(table, column)` that points at a customer (the modules declare theirs).
pub async fn move_references<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    references: &[(&str, &str)],
    from: Uuid,
    to: Uuid,
) -> DbResult<()> {
    use sea_orm::sea_query::Alias;
    let backend = conn.get_database_backend();
    for (table, column) in references {
        let statement = Query::update()
            .table(Alias::new(*table))
            .value(Alias::new(*column), to)
            .and_where(Expr::col(Alias::new("dealer_id")).eq(scope.dealer_id().uuid()))
            .and_where(Expr::col(Alias::new(*column)).eq(from))
            .to_owned();
        conn.execute_raw(backend.build(&statement)).await?;
    }
    Ok(())
}
