//! The one error type of the use cases. Each variant maps to a stable [`ErrorCode`].

use chrono::{DateTime, Utc};
use forecourt_db::DbError;
use forecourt_domain::permission::Permission;
use forecourt_domain::{ErrorCode, FieldError};

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("authentication required")]
    Unauthenticated,
    #[error("the session has expired")]
    SessionExpired,
    #[error("wrong username or password")]
    InvalidCredentials,
    #[error("the account is locked until {until}")]
    AccountLocked { until: DateTime<Utc> },
    #[error("the account is disabled")]
    AccountDisabled,
    #[error("missing or invalid x-csrf-token header")]
    CsrfTokenInvalid,
    #[error("too many attempts; retry in {retry_after_secs} seconds")]
    RateLimited { retry_after_secs: u64 },
    #[error("the permission {permission} is required")]
    Forbidden { permission: Permission },
    #[error("no such {entity}")]
    NotFound { entity: &'static str },
    #[error("the input is invalid")]
    Validation(Vec<FieldError>),
    #[error("the {entity} was changed by someone else; reload it and try again")]
    VersionConflict { entity: &'static str },
    #[error("{} {}", .0.field, .0.message)]
    AlreadyExists(FieldError),
    #[error("{detail}")]
    InUse { detail: String },
    /// Records that look like the one being created (same phone, ID number or VIN).
    #[error("a customer with the same phone, ID number or VIN already exists")]
    PossibleDuplicate { candidates: serde_json::Value },
    /// The time overlaps other activities of the same person.
    #[error("the time overlaps another activity of the same person")]
    ScheduleConflict { conflicts: serde_json::Value },
    /// The day has no room for the work: `left_minutes` remain, and it fits on `next_free`
    /// (none within the days looked at).
    #[error("the day has {left_minutes} minutes left; the next day with room is {next_free:?}")]
    CapacityFull {
        left_minutes: i32,
        next_free: Option<chrono::NaiveDate>,
    },
    /// The record's state does not allow the action.
    #[error("{detail}")]
    InvalidState { detail: String },
    #[error("the {entity} was merged into another")]
    Merged {
        entity: &'static str,
        into: uuid::Uuid,
    },
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type CoreResult<T> = Result<T, CoreError>;

impl CoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::Unauthenticated => ErrorCode::Unauthenticated,
            CoreError::SessionExpired => ErrorCode::SessionExpired,
            CoreError::InvalidCredentials => ErrorCode::InvalidCredentials,
            CoreError::AccountLocked { .. } => ErrorCode::AccountLocked,
            CoreError::AccountDisabled => ErrorCode::AccountDisabled,
            CoreError::CsrfTokenInvalid => ErrorCode::CsrfTokenInvalid,
            CoreError::RateLimited { .. } => ErrorCode::RateLimited,
            CoreError::Forbidden { .. } => ErrorCode::Forbidden,
            CoreError::NotFound { .. } => ErrorCode::NotFound,
            CoreError::Validation(_) => ErrorCode::ValidationFailed,
            CoreError::VersionConflict { .. } => ErrorCode::VersionConflict,
            CoreError::AlreadyExists(_) => ErrorCode::AlreadyExists,
            CoreError::InUse { .. } => ErrorCode::InUse,
            CoreError::PossibleDuplicate { .. } => ErrorCode::PossibleDuplicate,
            CoreError::Merged { .. } => ErrorCode::Merged,
            CoreError::ScheduleConflict { .. } => ErrorCode::ScheduleConflict,
            CoreError::CapacityFull { .. } => ErrorCode::CapacityFull,
            CoreError::InvalidState { .. } => ErrorCode::InvalidState,
            CoreError::Internal(_) => ErrorCode::InternalError,
        }
    }

    /// The field errors a client shows next to its form fields.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            CoreError::Validation(errors) => errors,
            CoreError::AlreadyExists(error) => std::slice::from_ref(error),
            _ => &[],
        }
    }

    pub fn invalid(error: FieldError) -> Self {
        CoreError::Validation(vec![error])
    }

    pub fn not_found(entity: &'static str) -> Self {
        CoreError::NotFound { entity }
    }

    pub fn invalid_state(detail: impl Into<String>) -> Self {
        CoreError::InvalidState {
            detail: detail.into(),
        }
    }

    /// Converts a database error met while writing `entity`: a stale version becomes a
    /// conflict; anything unexpected is internal.
    pub fn from_db(entity: &'static str, err: DbError) -> Self {
        match err {
            DbError::StaleVersion => CoreError::VersionConflict { entity },
            other => CoreError::Internal(anyhow::Error::new(other)),
        }
    }

    /// Like [`CoreError::from_db`], and a unique violation means `unique_field` is taken.
    pub fn on_write(
        entity: &'static str,
        unique_field: &'static str,
    ) -> impl FnOnce(DbError) -> CoreError {
        move |err| match err {
            DbError::UniqueViolation(_) => CoreError::AlreadyExists(FieldError::new(
                unique_field,
                "taken",
                "is already in use",
            )),
            other => CoreError::from_db(entity, other),
        }
    }
}

impl From<DbError> for CoreError {
    fn from(err: DbError) -> Self {
        match err {
            DbError::StaleVersion => CoreError::VersionConflict { entity: "record" },
            other => CoreError::Internal(anyhow::Error::new(other)),
        }
    }
}

impl From<forecourt_db::DbErr> for CoreError {
    fn from(err: forecourt_db::DbErr) -> Self {
        CoreError::from(DbError::from(err))
    }
}

impl From<Vec<FieldError>> for CoreError {
    fn from(errors: Vec<FieldError>) -> Self {
        CoreError::Validation(errors)
    }
}

impl From<FieldError> for CoreError {
    fn from(error: FieldError) -> Self {
        CoreError::Validation(vec![error])
    }
}
