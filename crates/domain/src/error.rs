//! Stable error codes shared by the API and the UI (which translates them), and field errors.

use serde::{Deserialize, Serialize};
use std::fmt;
use utoipa::ToSchema;

/// The stable, snake_case code of every error the API can return. Clients match on these; the
/// English `detail` next to them is for people and may change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request body or query could not be read (malformed JSON, wrong types).
    MalformedRequest,
    /// One or more fields are invalid; see `errors`.
    ValidationFailed,
    /// No valid session or API token.
    Unauthenticated,
    /// Wrong username or password.
    InvalidCredentials,
    /// Too many failed logins: the account is locked for a while.
    AccountLocked,
    /// The account has been disabled by an administrator.
    AccountDisabled,
    /// The session has expired; log in again.
    SessionExpired,
    /// A cookie-authenticated change came without a valid `x-csrf-token` header.
    CsrfTokenInvalid,
    /// The role lacks the permission for this action.
    Forbidden,
    /// No such record (or it belongs to another dealer).
    NotFound,
    /// The record was changed by someone else since it was read (stale `version`).
    VersionConflict,
    /// A record with the same unique value already exists.
    AlreadyExists,
    /// The record is still in use and cannot be removed.
    InUse,
    /// The record looks like one that already exists; see `candidates`, or confirm to create
    /// it anyway.
    PossibleDuplicate,
    /// The record was merged into another; see `merged_into`.
    Merged,
    /// The time overlaps another activity of the same person; see `conflicts`, or confirm to
    /// save it anyway.
    ScheduleConflict,
    /// The day has no room left for the work (a workshop's capacity); see `capacity` for what
    /// is left and the next day it fits.
    CapacityFull,
    /// The record is not in a state that allows this (an approval already decided, a job
    /// already finished).
    InvalidState,
    /// Too many requests; retry later.
    RateLimited,
    /// The request body is too large.
    PayloadTooLarge,
    /// The request's URL (path and query) is too long.
    UriTooLong,
    /// The path exists but not for this method.
    MethodNotAllowed,
    /// No such route.
    RouteNotFound,
    /// A dependency (the database) is unavailable.
    ServiceUnavailable,
    /// An unexpected server error; the request id identifies it in the logs.
    InternalError,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::MalformedRequest => "malformed_request",
            Self::ValidationFailed => "validation_failed",
            Self::Unauthenticated => "unauthenticated",
            Self::InvalidCredentials => "invalid_credentials",
            Self::AccountLocked => "account_locked",
            Self::AccountDisabled => "account_disabled",
            Self::SessionExpired => "session_expired",
            Self::CsrfTokenInvalid => "csrf_token_invalid",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not_found",
            Self::VersionConflict => "version_conflict",
            Self::AlreadyExists => "already_exists",
            Self::InUse => "in_use",
            Self::PossibleDuplicate => "possible_duplicate",
            Self::Merged => "merged",
            Self::ScheduleConflict => "schedule_conflict",
            Self::CapacityFull => "capacity_full",
            Self::InvalidState => "invalid_state",
            Self::RateLimited => "rate_limited",
            Self::PayloadTooLarge => "payload_too_large",
            Self::UriTooLong => "uri_too_long",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::RouteNotFound => "route_not_found",
            Self::ServiceUnavailable => "service_unavailable",
            Self::InternalError => "internal_error",
        }
    }

    /// The HTTP status this code is answered with.
    pub fn http_status(self) -> u16 {
        match self {
            Self::MalformedRequest => 400,
            Self::ValidationFailed => 422,
            Self::Unauthenticated | Self::InvalidCredentials | Self::SessionExpired => 401,
            Self::AccountLocked => 423,
            Self::AccountDisabled | Self::CsrfTokenInvalid | Self::Forbidden => 403,
            Self::NotFound | Self::RouteNotFound => 404,
            Self::MethodNotAllowed => 405,
            Self::VersionConflict
            | Self::AlreadyExists
            | Self::InUse
            | Self::PossibleDuplicate
            | Self::ScheduleConflict
            | Self::CapacityFull
            | Self::InvalidState => 409,
            Self::Merged => 410,
            Self::PayloadTooLarge => 413,
            Self::UriTooLong => 414,
            Self::RateLimited => 429,
            Self::ServiceUnavailable => 503,
            Self::InternalError => 500,
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One invalid field: which field (a dotted path such as `phones.1.number`), a stable code the
/// UI translates (`required`, `too_short`, `invalid_format`, ...), an English message, and
/// optional parameters for the translation (`{"min": 8}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    #[schema(value_type = Object)]
    pub params: serde_json::Map<String, serde_json::Value>,
}

impl FieldError {
    pub fn new(
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
            message: message.into(),
            params: serde_json::Map::new(),
        }
    }

    pub fn with_param(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        self.params.insert(key.to_owned(), value.into());
        self
    }

    /// The same error for a field nested under `prefix` (`phones.0` + `number`).
    pub fn nested(mut self, prefix: &str) -> Self {
        self.field = if self.field.is_empty() {
            prefix.to_owned()
        } else {
            format!("{prefix}.{}", self.field)
        };
        self
    }

    pub fn required(field: impl Into<String>) -> Self {
        Self::new(field, "required", "is required")
    }
}

/// Collects field errors while a whole input is checked, so the user sees every problem at once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, error: FieldError) {
        self.0.push(error);
    }

    /// Keeps the value of a successful parse, records the error of a failed one.
    pub fn check<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.0.push(error);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The fields errors were recorded for.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|e| e.field.as_str())
    }

    pub fn into_vec(self) -> Vec<FieldError> {
        self.0
    }

    /// `Ok(())` when nothing was recorded.
    pub fn finish(self) -> Result<(), Vec<FieldError>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialise_as_their_stable_names() {
        for code in [
            ErrorCode::VersionConflict,
            ErrorCode::CsrfTokenInvalid,
            ErrorCode::NotFound,
        ] {
            let json = serde_json::to_value(code).unwrap();
            assert_eq!(json, serde_json::Value::String(code.as_str().to_owned()));
        }
    }

    #[test]
    fn nested_field_paths() {
        let e = FieldError::required("number").nested("phones.1");
        assert_eq!(e.field, "phones.1.number");
    }
}
