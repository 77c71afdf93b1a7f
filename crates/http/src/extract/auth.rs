//! Authentication: a `Bearer` API token, or the session cookie (whose changes must carry the
//! CSRF token). The result is the [`Actor`] use cases take; nothing here checks permissions.

use crate::problem::ApiError;
use crate::request_id::RequestId;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{Method, header};
use axum_extra::extract::CookieJar;
use forecourt_domain::locale::Locale;
use forecourt_kernel::auth::CsrfCheck;
use forecourt_kernel::{Actor, CoreError};

pub const SESSION_COOKIE: &str = "forecourt_session";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The authenticated caller.
#[derive(Clone, Debug)]
pub struct Authed {
    pub actor: Actor,
    /// For session callers: the token the browser must send back as `x-csrf-token`.
    pub csrf_token: Option<String>,
}

impl FromRequestParts<AppState> for Authed {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let request_id = parts.extensions.get::<RequestId>().map(|r| r.0.clone());
        let bearer = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        let authed = if let Some(token) = bearer {
            let actor = state.app.authenticate_token(token).await?;
            Authed {
                actor,
                csrf_token: None,
            }
        } else {
            let jar = CookieJar::from_headers(&parts.headers);
            let cookie = jar.get(SESSION_COOKIE).ok_or(CoreError::Unauthenticated)?;
            let safe = matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
            let csrf = if safe {
                CsrfCheck::NotRequired
            } else {
                CsrfCheck::Header(parts.headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok()))
            };
            let session = state.app.authenticate_session(cookie.value(), csrf).await?;
            Authed {
                actor: session.actor,
                csrf_token: Some(session.csrf_token),
            }
        };
        // The language the system's texts are worded in: what the request asks for, else the
        // user's (or the dealer's) own.
        let locale = parts
            .headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Locale::from_accept_language);
        let mut actor = authed.actor;
        if let Some(locale) = locale {
            actor = actor.with_locale(locale);
        }
        if let Some(id) = request_id {
            actor = actor.with_request_id(id);
        }
        Ok(Authed { actor, ..authed })
    }
}
