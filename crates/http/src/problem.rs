//! Errors as RFC 9457 `application/problem+json`, with Forecourt's stable `code` and field errors.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use forecourt_domain::{ErrorCode, FieldError};
use forecourt_kernel::CoreError;
use serde::Serialize;
use utoipa::ToSchema;

/// The body of every error response.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Problem {
    /// `urn:forecourt:problem:<code>`
    #[serde(rename = "type")]
    pub problem_type: String,
    /// A short English summary of the kind of problem.
    pub title: String,
    /// The HTTP status code of the response (e.g. 409).
    pub status: u16,
    /// The stable code clients match on.
    pub code: ErrorCode,
    /// A human explanation of this occurrence (English; the UI translates `code` instead).
    pub detail: String,
    /// The invalid fields, for `validation_failed` and `already_exists`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// Quote it when reporting a problem: it finds the request in the server's logs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// For `rate_limited` and `account_locked`: seconds until trying again makes sense.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// For `forbidden`: the permission that is missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permission: Option<String>,
    /// For `merged`: the id of the record this one was merged into.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<uuid::Uuid>,
    /// For `possible_duplicate`: the existing records that look the same.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Vec<Object>>)]
    pub candidates: Option<serde_json::Value>,
    /// For `schedule_conflict`: the activities the new time overlaps.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Vec<Object>>)]
    pub conflicts: Option<serde_json::Value>,
    /// For `capacity_full`: the minutes left that day and the next day the work fits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity: Option<CapacityLeft>,
}

/// What a full day has left, and the next day with room.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CapacityLeft {
    /// Minutes left on the day asked for.
    pub left_minutes: i32,
    /// The next day the work fits (none within the weeks looked at).
    pub next_free: Option<chrono::NaiveDate>,
}

/// An error on its way to becoming a problem+json response.
#[derive(Debug)]
pub struct ApiError(Box<Problem>);

impl ApiError {
    pub fn new(code: ErrorCode, detail: impl Into<String>) -> Self {
        Self(Box::new(Problem {
            problem_type: format!("urn:forecourt:problem:{}", code.as_str()),
            title: title(code).to_owned(),
            status: code.http_status(),
            code,
            detail: detail.into(),
            errors: Vec::new(),
            request_id: crate::request_id::current(),
            retry_after: None,
            permission: None,
            merged_into: None,
            candidates: None,
            conflicts: None,
            capacity: None,
        }))
    }

    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.0.errors = errors;
        self
    }

    /// 422 with one invalid field.
    pub fn invalid_field(field: FieldError) -> Self {
        Self::new(ErrorCode::ValidationFailed, "the input is invalid").with_errors(vec![field])
    }

    pub fn problem(&self) -> &Problem {
        &self.0
    }
}

fn title(code: ErrorCode) -> &'static str {
    match code {
        ErrorCode::MalformedRequest => "Malformed request",
        ErrorCode::ValidationFailed => "Invalid input",
        ErrorCode::Unauthenticated => "Authentication required",
        ErrorCode::InvalidCredentials => "Wrong username or password",
        ErrorCode::AccountLocked => "Account locked",
        ErrorCode::AccountDisabled => "Account disabled",
        ErrorCode::SessionExpired => "Session expired",
        ErrorCode::CsrfTokenInvalid => "CSRF token missing or invalid",
        ErrorCode::Forbidden => "Permission denied",
        ErrorCode::NotFound => "Not found",
        ErrorCode::VersionConflict => "Changed by someone else",
        ErrorCode::AlreadyExists => "Already exists",
        ErrorCode::InUse => "Still in use",
        ErrorCode::PossibleDuplicate => "Possible duplicate",
        ErrorCode::Merged => "Merged into another record",
        ErrorCode::ScheduleConflict => "Overlaps another activity",
        ErrorCode::CapacityFull => "No capacity left",
        ErrorCode::InvalidState => "Not possible in the record's state",
        ErrorCode::RateLimited => "Too many requests",
        ErrorCode::PayloadTooLarge => "Request too large",
        ErrorCode::UriTooLong => "URL too long",
        ErrorCode::MethodNotAllowed => "Method not allowed",
        ErrorCode::RouteNotFound => "No such endpoint",
        ErrorCode::ServiceUnavailable => "Service unavailable",
        ErrorCode::InternalError => "Internal error",
    }
}

impl From<CoreError> for ApiError {
    fn from(err: CoreError) -> Self {
        let code = err.code();
        let detail = match &err {
            CoreError::Internal(inner) => {
                // The cause goes to the log, under the request's id; the client learns nothing
                // about internals.
                tracing::error!(error = %inner, "internal error");
                "an unexpected error occurred; quote the request id when reporting it".to_owned()
            }
            other => other.to_string(),
        };
        let mut api = ApiError::new(code, detail).with_errors(err.field_errors().to_vec());
        match err {
            CoreError::RateLimited { retry_after_secs } => {
                api.0.retry_after = Some(retry_after_secs)
            }
            CoreError::AccountLocked { until } => {
                let seconds = (until - chrono::Utc::now()).num_seconds().max(1);
                api.0.retry_after = Some(seconds as u64);
            }
            CoreError::Forbidden { permission } => api.0.permission = Some(permission.to_string()),
            CoreError::Merged { into, .. } => api.0.merged_into = Some(into),
            CoreError::PossibleDuplicate { candidates } => api.0.candidates = Some(candidates),
            CoreError::ScheduleConflict { conflicts } => api.0.conflicts = Some(conflicts),
            CoreError::CapacityFull {
                left_minutes,
                next_free,
            } => {
                api.0.capacity = Some(CapacityLeft {
                    left_minutes,
                    next_free,
                })
            }
            _ => {}
        }
        api
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.0.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let retry_after = self.0.retry_after;
        let mut response = (status, axum::Json(&*self.0)).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Some(seconds) = retry_after
            && let Ok(value) = HeaderValue::from_str(&seconds.to_string())
        {
            headers.insert(header::RETRY_AFTER, value);
        }
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"forecourt\""),
            );
        }
        response
    }
}

/// The result type of handlers.
pub type ApiResult<T> = Result<T, ApiError>;
