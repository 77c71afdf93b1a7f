//! What every response carries for the browser's protection, and the limits every request
//! meets before a handler sees it.
//!
//! - The web app's headers: a Content-Security-Policy that lets pages load only Forecourt's own
//!   scripts, styles, images and API (Ant Design writes its styles inline, hence
//!   `'unsafe-inline'` for styles only), never to be framed (`frame-ancestors 'none'` and
//!   `X-Frame-Options: DENY`), `X-Content-Type-Options: nosniff`, a same-origin referrer, and
//!   `Strict-Transport-Security` when Forecourt is served over https.
//! - `Cache-Control: no-store` on API and calendar-feed responses: they carry personal data that
//!   no browser or proxy cache should keep.
//! - A URL longer than [`MAX_URI`] is refused with a problem+json 414.
//! - Errors the framework answers itself (a body over the limit, a method the route lacks) are
//!   turned into problem+json like every other error.

use crate::problem::ApiError;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use forecourt_domain::ErrorCode;

/// The longest URL (path and query) accepted.
pub const MAX_URI: usize = 8 * 1024;

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                   img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; \
                   object-src 'none'; base-uri 'self'; form-action 'self'; \
                   frame-ancestors 'none'";

pub async fn middleware(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let private = path.starts_with("/api/") || path.starts_with("/ical/");
    let too_long = request
        .uri()
        .path_and_query()
        .is_some_and(|pq| pq.as_str().len() > MAX_URI);
    let mut response = if too_long {
        ApiError::new(
            ErrorCode::UriTooLong,
            format!("the URL is longer than {MAX_URI} bytes"),
        )
        .into_response()
    } else {
        as_problem(next.run(request).await)
    };
    let headers = response.headers_mut();
    let set = |headers: &mut axum::http::HeaderMap, name, value: &'static str| {
        headers
            .entry(name)
            .or_insert_with(|| HeaderValue::from_static(value));
    };
    set(headers, header::CONTENT_SECURITY_POLICY, CSP);
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(headers, header::REFERRER_POLICY, "same-origin");
    if state.settings.secure_cookies {
        set(
            headers,
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        );
    }
    if private {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// A bare error answered by the framework (no problem document) becomes one.
fn as_problem(response: Response) -> Response {
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/problem+json"));
    if is_problem || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let (code, detail) = match status {
        StatusCode::PAYLOAD_TOO_LARGE => {
            (ErrorCode::PayloadTooLarge, "the request body is too large")
        }
        StatusCode::URI_TOO_LONG => (ErrorCode::UriTooLong, "the URL is too long"),
        StatusCode::METHOD_NOT_ALLOWED => (
            ErrorCode::MethodNotAllowed,
            "this method is not allowed here",
        ),
        StatusCode::BAD_REQUEST
        | StatusCode::LENGTH_REQUIRED
        | StatusCode::UNSUPPORTED_MEDIA_TYPE
        | StatusCode::UNPROCESSABLE_ENTITY
        | StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE => {
            (ErrorCode::MalformedRequest, "the request could not be read")
        }
        // Pages and files answer for themselves (a 404 of the web app, its 503 without one).
        _ => return response,
    };
    ApiError::new(code, detail).into_response()
}
