//! The web app, compiled into the binary (`web/dist`, built by `make`).
//!
//! - Files are served with their precompressed `.br` / `.gz` twin when the browser accepts it.
//! - Hashed assets (`/assets/*`) are cached for a year; `index.html` is never cached, so a new
//!   release is picked up on the next page load.
//! - Paths without a file extension are app routes: they get `index.html` (the SPA fallback).
//!   Paths with an extension that do not exist are 404, never `index.html`.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "$CARGO_MANIFEST_DIR/../../web/dist"]
#[allow_missing = true]
struct Assets;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const NO_CACHE: &str = "no-cache";

pub async fn serve(request: Request) -> Response {
    let path = request.uri().path().trim_start_matches('/');
    let accepts = request
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();

    let has_extension = path
        .rsplit('/')
        .next()
        .is_some_and(|name| name.contains('.'));
    let (file, cache) = if path.is_empty() || !has_extension {
        ("index.html", NO_CACHE)
    } else if path.starts_with("assets/") {
        (path, IMMUTABLE)
    } else {
        (path, NO_CACHE)
    };
    let Some(original) = Assets::get(file) else {
        return if file == "index.html" {
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "The web app was not built into this binary; run `make build`.",
            )
                .into_response()
        } else {
            StatusCode::NOT_FOUND.into_response()
        };
    };
    let etag = format!("\"{}\"", hex_prefix(&original.metadata.sha256_hash()));
    if if_none_match.as_ref().and_then(|v| v.to_str().ok()) == Some(etag.as_str()) {
        return not_modified(&etag, cache);
    }
    let mime = mime_guess::from_path(file).first_or_octet_stream();
    let (body, encoding) = precompressed(file, &accepts).unwrap_or((original.data, None));

    let mut response = Response::new(Body::from(body.into_owned()));
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(mime.as_ref()) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    if let Some(encoding) = encoding {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    response
}

/// The `.br` or `.gz` twin of a file, if the browser accepts that encoding and it was built.
fn precompressed(
    file: &str,
    accepts: &str,
) -> Option<(std::borrow::Cow<'static, [u8]>, Option<&'static str>)> {
    let accepted = |name: &str| {
        accepts
            .split(',')
            .any(|e| e.split(';').next().map(str::trim) == Some(name))
    };
    for (suffix, encoding) in [("br", "br"), ("gz", "gzip")] {
        if accepted(encoding)
            && let Some(compressed) = Assets::get(&format!("{file}.{suffix}"))
        {
            return Some((compressed.data, Some(encoding)));
        }
    }
    None
}

fn not_modified(etag: &str, cache: &'static str) -> Response {
    let mut response = StatusCode::NOT_MODIFIED.into_response();
    if let Ok(value) = HeaderValue::from_str(etag) {
        response.headers_mut().insert(header::ETAG, value);
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

fn hex_prefix(hash: &[u8]) -> String {
    hash.iter().take(12).map(|b| format!("{b:02x}")).collect()
}
