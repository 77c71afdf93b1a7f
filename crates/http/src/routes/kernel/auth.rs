//! `POST /api/v1/auth/login` and `POST /api/v1/auth/logout`.

use crate::extract::{ApiJson, Authed, ClientInfo, SESSION_COOKIE};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use chrono::{DateTime, Utc};
use forecourt_admin::AdminExt as _;
use forecourt_admin::me::MeView;
use forecourt_kernel::auth::LoginInput;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    /// Usernames are unique in the installation; letter case does not matter.
    pub username: String,
    /// The user's password.
    pub password: String,
}

#[derive(Serialize, ToSchema)]
pub struct LoginResponse {
    /// Send as the `x-csrf-token` header with every request that changes something.
    pub csrf_token: String,
    /// When the session ends unless used again (UTC, RFC 3339): after the idle timeout, and at most
    /// the session's maximum age after login.
    pub expires_at: DateTime<Utc>,
    /// The signed-in user, their dealer, role and permissions.
    pub me: MeView,
}

/// Logs in and sets the session cookie.
///
/// Wrong credentials are 401 `invalid_credentials`; the fifth failure in a row locks the account
/// for a while (423 `account_locked`, with `retry_after`). Attempts are rate-limited per client
/// address (429 `rate_limited`).
#[utoipa::path(
    post,
    path = "/api/v1/auth/login",
    tag = "auth",
    security(()),
    request_body = LoginRequest,
    responses(
        (status = 200, body = LoginResponse, description = "Logged in; the cookie is set"),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn login(
    State(state): State<AppState>,
    client: ClientInfo,
    jar: CookieJar,
    ApiJson(input): ApiJson<LoginRequest>,
) -> ApiResult<impl IntoResponse> {
    let outcome = state
        .app
        .login(LoginInput {
            username: input.username,
            password: input.password,
            ip: client.ip,
            user_agent: client.user_agent,
        })
        .await?;
    let max_age = state.app.settings().session_max_age;
    let cookie = Cookie::build((SESSION_COOKIE, outcome.session_token))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.settings.secure_cookies)
        .max_age(time::Duration::seconds(max_age.as_secs() as i64));
    let me = state
        .app
        .admin()
        .get_me(&outcome.actor, Some(outcome.csrf_token.clone()))
        .await?;
    let body = LoginResponse {
        csrf_token: outcome.csrf_token,
        expires_at: outcome.expires_at,
        me,
    };
    Ok((jar.add(cookie), axum::Json(body)))
}

/// Ends the session and clears the cookie.
#[utoipa::path(
    post,
    path = "/api/v1/auth/logout",
    tag = "auth",
    responses(
        (status = 204, description = "Logged out"),
        (status = "4XX", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn logout(
    State(state): State<AppState>,
    auth: Authed,
    jar: CookieJar,
) -> ApiResult<impl IntoResponse> {
    state.app.logout(&auth.actor).await?;
    let removal = Cookie::build((SESSION_COOKIE, "")).path("/").build();
    Ok((jar.remove(removal), StatusCode::NO_CONTENT))
}
