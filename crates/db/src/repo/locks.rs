//! Write locks for "check, then insert" rules that no unique index can state: one customer per
//! phone number (unless the user insists on a duplicate), one visit per customer at a time.
//!
//! A use case takes the locks of the keys it is about to check **inside its write
//! transaction**, before the check; a second transaction with the same key waits until the
//! first commits or rolls back, and its check then sees the first one's rows.
//!
//! - PostgreSQL: transaction-scoped advisory locks (`pg_advisory_xact_lock`) on a 64-bit hash
//!   of the dealer and the key, released by the commit or rollback. Read committed gives every
//!   statement after the lock a fresh snapshot, so the check sees what the other committed.
//! - SQLite: nothing to do. Every write transaction is `BEGIN IMMEDIATE` behind the
//!   in-process writer lock ([`crate::Db::begin`]), so write transactions never overlap.

use crate::{DbResult, DealerScope};
use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};

/// What a lock is about: a kind and a value (`("customer_phone", "13800138000")`).
pub type LockKey<'a> = (&'a str, &'a str);

/// Takes the write locks of these keys in the dealer, in a fixed order (so two transactions
/// asking for overlapping sets cannot deadlock). Call it inside a write transaction.
pub async fn lock_keys<C: ConnectionTrait>(
    conn: &C,
    scope: &DealerScope,
    keys: &[LockKey<'_>],
) -> DbResult<()> {
    if conn.get_database_backend() != DatabaseBackend::Postgres || keys.is_empty() {
        return Ok(());
    }
    let mut names: Vec<String> = keys
        .iter()
        .map(|(kind, value)| format!("{}:{kind}:{value}", scope.dealer_id()))
        .collect();
    names.sort_unstable();
    names.dedup();
    for name in names {
        conn.execute_raw(Statement::from_sql_and_values(
            DatabaseBackend::Postgres,
            "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
            [name.into()],
        ))
        .await?;
    }
    Ok(())
}
