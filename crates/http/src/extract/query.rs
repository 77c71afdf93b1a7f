//! Query strings, with the same field-naming errors as JSON bodies.

use super::json::field_error;
use crate::problem::ApiError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

#[derive(Clone, Copy, Debug, Default)]
pub struct ApiQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiQuery<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        let query = parts.uri.query().unwrap_or_default();
        if let Some(name) = badly_encoded(query) {
            return Err(ApiError::invalid_field(forecourt_domain::FieldError::new(
                name,
                "invalid_encoding",
                "is not valid UTF-8 once percent-decoded",
            )));
        }
        let deserializer =
            serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        serde_path_to_error::deserialize(deserializer)
            .map(ApiQuery)
            .map_err(|error| {
                let path = error.path().to_string();
                ApiError::invalid_field(field_error(&path, &error.into_inner().to_string()))
            })
    }
}

/// The name of the first query parameter whose name or value is not UTF-8 once
/// percent-decoded (form decoding would otherwise put replacement characters in its place).
pub fn badly_encoded(query: &str) -> Option<String> {
    for pair in query.split('&') {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        if std::str::from_utf8(&percent_decode(value)).is_err()
            || std::str::from_utf8(&percent_decode(name)).is_err()
        {
            let name = String::from_utf8_lossy(&percent_decode(name)).into_owned();
            return Some(if name.is_empty() {
                "query".to_owned()
            } else {
                name
            });
        }
    }
    None
}

fn percent_decode(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}
