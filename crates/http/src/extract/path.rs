//! Path parameters. An id that does not even parse cannot name a record: 404, like any other
//! record the caller cannot see.

use crate::problem::ApiError;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use forecourt_domain::ErrorCode;
use std::str::FromStr;

#[derive(Clone, Copy, Debug)]
pub struct PathId<T>(pub T);

impl<S, T> FromRequestParts<S> for PathId<T>
where
    S: Send + Sync,
    T: FromStr + Send,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let not_found = || ApiError::new(ErrorCode::NotFound, "no such record");
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| not_found())?;
        raw.parse().map(PathId).map_err(|_| not_found())
    }
}
