//! Per-dealer counters: numbers handed out without gaps or duplicates (contract numbers, repair
//! order numbers, the finance feed's sequence). Each module keeps its counters in a table of its
//! own, named here.

use crate::{DbError, DbResult, DealerScope};
use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};

/// The counter tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counters {
    /// `order_counters`: contract numbers and the finance feed.
    Orders,
    /// `service_counters`: repair-order numbers.
    Service,
    /// `care_counters`: complaint numbers.
    Care,
}

impl Counters {
    fn table(self) -> &'static str {
        match self {
            Counters::Orders => "order_counters",
            Counters::Service => "service_counters",
            Counters::Care => "care_counters",
        }
    }
}

/// Takes the next number of a dealer's counter in `table`, starting at 1, inside the caller's write transaction. The upsert locks the counter's row until the
/// transaction ends: a concurrent writer waits for the commit (and then gets the next number)
/// or the rollback (and then gets the same number, so none is lost). Numbers are therefore
/// handed out in commit order, without gaps or duplicates.
pub async fn next<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    table: Counters,
    counter: &str,
) -> DbResult<i64> {
    let table = table.table();
    let backend = conn.get_database_backend();
    let params = match backend {
        DatabaseBackend::Postgres => "$1, $2",
        _ => "?, ?",
    };
    // The table name comes from the closed list above, never from input.
    let sql = format!(
        "INSERT INTO {table} (dealer_id, counter, next) VALUES ({params}, 2) \
         ON CONFLICT (dealer_id, counter) DO UPDATE SET next = {table}.next + 1 \
         RETURNING next - 1 AS taken"
    );
    let row = conn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [scope.dealer_id().uuid().into(), counter.to_owned().into()],
        ))
        .await?
        .ok_or_else(|| DbError::Other(sea_orm::DbErr::Custom("counter returned nothing".into())))?;
    Ok(row.try_get::<i64>("", "taken")?)
}
