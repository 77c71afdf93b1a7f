//! Database errors, classified where callers must react to them (unique and foreign-key
//! violations, stale versions).

use sea_orm::{DbErr, SqlErr};

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// A unique constraint was violated; the string names the constraint or column when the
    /// backend says so.
    #[error("unique constraint violated: {0}")]
    UniqueViolation(String),
    /// A row referenced a row that does not exist (or vice versa).
    #[error("foreign key constraint violated: {0}")]
    ForeignKeyViolation(String),
    /// An exclusion constraint was violated: rows that must not overlap would (two bookings of
    /// one test-drive car at the same time). PostgreSQL's `EXCLUDE` and the SQLite triggers
    /// standing in for it both say "exclusion".
    #[error("exclusion constraint violated: {0}")]
    ExclusionViolation(String),
    /// An update carried a `version` that is no longer current.
    #[error("stale version")]
    StaleVersion,
    #[error(transparent)]
    Other(DbErr),
}

pub type DbResult<T> = Result<T, DbError>;

impl From<DbErr> for DbError {
    fn from(err: DbErr) -> Self {
        let message = err.to_string();
        if message.contains("exclusion constraint") || message.contains("exclusion violation") {
            return DbError::ExclusionViolation(message);
        }
        // SQLite reports a broken foreign key with code 787, but an `ON DELETE RESTRICT` one
        // with 1811 (SQLITE_CONSTRAINT_TRIGGER), which SeaORM does not classify: same words.
        if message.contains("FOREIGN KEY constraint failed") {
            return DbError::ForeignKeyViolation(message);
        }
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(what)) => DbError::UniqueViolation(what),
            Some(SqlErr::ForeignKeyConstraintViolation(what)) => DbError::ForeignKeyViolation(what),
            _ => DbError::Other(err),
        }
    }
}

impl DbError {
    /// Whether a unique violation concerns the named column or index (backends word the
    /// message differently; both mention the column or the index name).
    pub fn is_unique_on(&self, name: &str) -> bool {
        matches!(self, DbError::UniqueViolation(what) if what.contains(name))
    }
}
