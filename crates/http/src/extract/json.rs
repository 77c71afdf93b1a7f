//! JSON bodies. A body that is not JSON is 400; JSON of the wrong shape is 422 naming the field
//! (`phones[1].number: invalid type`), thanks to `serde_path_to_error`.

use crate::problem::ApiError;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use forecourt_domain::{ErrorCode, FieldError};
use serde::Serialize;
use serde::de::DeserializeOwned;

#[derive(Clone, Copy, Debug, Default)]
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let is_json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|mime| {
                let mime = mime.trim();
                mime == "application/json" || mime.ends_with("+json")
            });
        if !is_json {
            return Err(ApiError::new(
                ErrorCode::MalformedRequest,
                "the body must be JSON, sent with Content-Type: application/json",
            ));
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::new(ErrorCode::PayloadTooLarge, "the request body is too large")
                } else {
                    ApiError::new(
                        ErrorCode::MalformedRequest,
                        "the request body could not be read",
                    )
                }
            })?;
        parse(&bytes).map(ApiJson)
    }
}

/// Deserializes JSON, explaining failures field by field.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let deserializer = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        match inner.classify() {
            serde_json::error::Category::Data => {
                ApiError::invalid_field(field_error(&path, &inner.to_string()))
            }
            _ => ApiError::new(
                ErrorCode::MalformedRequest,
                format!("the body is not valid JSON: {inner}"),
            ),
        }
    })
}

/// A field error from a serde message at `path` (`.` is the document itself).
pub(crate) fn field_error(path: &str, message: &str) -> FieldError {
    let at = if path == "." { "" } else { path };
    let message = message.split(" at line ").next().unwrap_or(message);
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.trim_end_matches('`');
        let field = if at.is_empty() {
            name.to_owned()
        } else {
            format!("{at}.{name}")
        };
        return FieldError::required(field);
    }
    let code = if message.starts_with("unknown variant") {
        "invalid_value"
    } else {
        "invalid_type"
    };
    FieldError::new(at, code, message)
}

impl<T: Serialize> IntoResponse for ApiJson<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}
