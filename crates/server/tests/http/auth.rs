//! Logging in, sessions, CSRF, lockout, rate limits and API tokens.

use super::support::{Auth, PASSWORD, Session, world};
use axum::http::{Method, StatusCode, header};
use chrono::Duration;
use forecourt_domain::role::BuiltinRole::*;
use serde_json::json;

crate::http_test!(async fn login_sets_a_safe_cookie_and_me_answers(t) {
    let w = world(&t).await;
    let ip = t.fresh_ip();
    let reply = t.login_reply(&w.a.username(SalesConsultant).to_uppercase(), PASSWORD, &ip).await;
    assert_eq!(reply.status, StatusCode::OK, "usernames are case-insensitive");
    let cookie = reply.headers.get(header::SET_COOKIE).unwrap().to_str().unwrap().to_owned();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(!cookie.contains("Secure"), "plain http on localhost: {cookie}");
    assert_eq!(reply.body["me"]["user"]["username"], w.a.username(SalesConsultant));
    assert_eq!(reply.body["me"]["role"]["key"], "sales_consultant");

    let session = t.login(&w.a.username(SalesConsultant)).await;
    let me = t.get("/api/v1/me", Auth::Session(&session)).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.body["csrf_token"], session.csrf.as_str());
    assert_eq!(me.body["dealer"]["code"], "DA");
    let permissions = me.body["permissions"].as_array().unwrap();
    assert!(permissions.contains(&json!({"permission": "user:read", "scope": "dealer"})));
});

crate::http_test!(async fn wrong_and_unknown_logins_look_the_same(t) {
    let w = world(&t).await;
    let wrong = t.login_reply(&w.a.username(Admin), "not-the-password", &t.fresh_ip()).await;
    let unknown = t.login_reply("nobody-here", "not-the-password", &t.fresh_ip()).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.code(), "invalid_credentials");
    assert_eq!(unknown.code(), "invalid_credentials");
    assert_eq!(wrong.body["detail"], unknown.body["detail"]);
});

crate::http_test!(async fn five_failures_lock_the_account_until_it_expires_or_an_admin_unlocks(t) {
    let w = world(&t).await;
    let user = w.a.username(SalesConsultant);
    for attempt in 1..=4 {
        let reply = t.login_reply(&user, "wrong-password", &t.fresh_ip()).await;
        assert_eq!(reply.code(), "invalid_credentials", "attempt {attempt}");
    }
    let fifth = t.login_reply(&user, "wrong-password", &t.fresh_ip()).await;
    assert_eq!(fifth.status.as_u16(), 423);
    assert_eq!(fifth.code(), "account_locked");
    assert!(fifth.body["retry_after"].as_u64().unwrap() > 0);
    assert!(fifth.headers.contains_key(header::RETRY_AFTER));

    // Locked: even the right password is refused.
    let locked = t.login_reply(&user, PASSWORD, &t.fresh_ip()).await;
    assert_eq!(locked.code(), "account_locked");

    // The admin sees the lock, and an audit event records it.
    let admin = t.login(&w.a.username(Admin)).await;
    let list = t.get(&format!("/api/v1/users?q={user}"), Auth::Session(&admin)).await;
    let row = &list.body["items"][0];
    assert_eq!(row["username"], user);
    assert!(row["locked_until"].is_string(), "{row}");
    let audit = t.get("/api/v1/audit-events?action=user.locked", Auth::Session(&admin)).await;
    assert_eq!(audit.body["items"].as_array().unwrap().len(), 1);

    // It expires by itself.
    t.clock.advance(Duration::minutes(16));
    let after = t.login_reply(&user, PASSWORD, &t.fresh_ip()).await;
    assert_eq!(after.status, StatusCode::OK, "{:?}", after.body);

    // Or an admin lifts it.
    for _ in 0..5 {
        t.login_reply(&user, "wrong-password", &t.fresh_ip()).await;
    }
    let user_id = row["id"].as_str().unwrap();
    let admin = t.login(&w.a.username(Admin)).await;
    let unlocked = t.send(Method::POST, &format!("/api/v1/users/{user_id}/unlock"), Auth::Session(&admin), None).await;
    assert_eq!(unlocked.status, StatusCode::OK);
    assert!(unlocked.body["locked_until"].is_null());
    assert_eq!(t.login_reply(&user, PASSWORD, &t.fresh_ip()).await.status, StatusCode::OK);
});

crate::http_test!(async fn logins_are_rate_limited_per_client_address(t) {
    let w = world(&t).await;
    let ip = "203.0.113.7";
    for _ in 0..30 {
        let reply = t.login_reply("nobody-here", "whatever-it-is", ip).await;
        assert_eq!(reply.code(), "invalid_credentials");
    }
    let limited = t.login_reply(&w.a.username(Admin), PASSWORD, ip).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(limited.code(), "rate_limited");
    assert!(limited.headers.contains_key(header::RETRY_AFTER));
    // Another address is not affected; the window passes.
    assert_eq!(t.login_reply(&w.a.username(Admin), PASSWORD, "203.0.113.8").await.status, StatusCode::OK);
    t.clock.advance(Duration::minutes(11));
    assert_eq!(t.login_reply(&w.a.username(Admin), PASSWORD, ip).await.status, StatusCode::OK);
});

crate::http_test!(async fn cookie_writes_need_the_csrf_token(t) {
    let w = world(&t).await;
    let admin = t.login(&w.a.username(Admin)).await;
    let teams_before = t.count("teams").await;
    let body = json!({"name": "跨站组"});
    let missing = t.send(Method::POST, "/api/v1/teams", Auth::SessionWithoutCsrf(&admin), Some(body.clone())).await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    assert_eq!(missing.code(), "csrf_token_invalid");
    let forged = Session { cookie: admin.cookie.clone(), csrf: "forged".into() };
    let wrong = t.send(Method::POST, "/api/v1/teams", Auth::Session(&forged), Some(body.clone())).await;
    assert_eq!(wrong.code(), "csrf_token_invalid");
    assert_eq!(t.count("teams").await, teams_before, "refused writes changed nothing");
    // Reads need no token; a correct token writes.
    assert_eq!(t.get("/api/v1/teams", Auth::SessionWithoutCsrf(&admin)).await.status, StatusCode::OK);
    let ok = t.send(Method::POST, "/api/v1/teams", Auth::Session(&admin), Some(body)).await;
    assert_eq!(ok.status, StatusCode::CREATED);
});

crate::http_test!(async fn sessions_end_after_idling_and_at_logout(t) {
    let w = world(&t).await;
    let session = t.login(&w.a.username(SalesManager)).await;
    t.clock.advance(Duration::hours(11));
    assert_eq!(t.get("/api/v1/me", Auth::Session(&session)).await.status, StatusCode::OK);
    // Use slides the idle deadline forward.
    t.clock.advance(Duration::hours(11));
    assert_eq!(t.get("/api/v1/me", Auth::Session(&session)).await.status, StatusCode::OK);
    t.clock.advance(Duration::hours(13));
    let expired = t.get("/api/v1/me", Auth::Session(&session)).await;
    assert_eq!(expired.status, StatusCode::UNAUTHORIZED);
    assert_eq!(expired.code(), "session_expired");

    let session = t.login(&w.a.username(SalesManager)).await;
    let out = t.send(Method::POST, "/api/v1/auth/logout", Auth::Session(&session), None).await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    let cleared = out.headers.get(header::SET_COOKIE).unwrap().to_str().unwrap();
    assert!(cleared.starts_with("forecourt_session=;") || cleared.contains("Max-Age=0"), "{cleared}");
    assert_eq!(t.get("/api/v1/me", Auth::Session(&session)).await.code(), "unauthenticated");
});

crate::http_test!(async fn disabling_a_user_ends_their_sessions_and_logins(t) {
    let w = world(&t).await;
    let admin = t.login(&w.a.username(Admin)).await;
    let victim = t.login(&format!("{}-target", w.a.code.to_lowercase())).await;
    let path = format!("/api/v1/users/{}", w.a.target_user_id);
    let version = t.get(&path, Auth::Session(&admin)).await.body["version"].clone();
    let disabled = t.send(Method::PATCH, &path, Auth::Session(&admin), Some(json!({"version": version, "status": "disabled"}))).await;
    assert_eq!(disabled.status, StatusCode::OK, "{:?}", disabled.body);
    assert_eq!(t.get("/api/v1/me", Auth::Session(&victim)).await.status, StatusCode::UNAUTHORIZED);
    let login = t.login_reply(&format!("{}-target", w.a.code.to_lowercase()), PASSWORD, &t.fresh_ip()).await;
    assert_eq!(login.code(), "account_disabled");
});

crate::http_test!(async fn password_changes_end_other_sessions(t) {
    let w = world(&t).await;
    let username = w.a.username(SalesConsultant);
    let laptop = t.login(&username).await;
    let phone = t.login(&username).await;
    let change = t
        .send(
            Method::POST,
            "/api/v1/me/password",
            Auth::Session(&laptop),
            Some(json!({"current_password": PASSWORD, "new_password": "展厅新密码-2026"})),
        )
        .await;
    assert_eq!(change.status, StatusCode::NO_CONTENT, "{:?}", change.body);
    assert_eq!(t.get("/api/v1/me", Auth::Session(&laptop)).await.status, StatusCode::OK);
    assert_eq!(t.get("/api/v1/me", Auth::Session(&phone)).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(t.login_reply(&username, "展厅新密码-2026", &t.fresh_ip()).await.status, StatusCode::OK);

    // An admin's reset ends every session of the user.
    let admin = t.login(&w.a.username(Admin)).await;
    let me = t.get("/api/v1/me", Auth::Session(&laptop)).await;
    let id = me.body["user"]["id"].as_str().unwrap().to_owned();
    let reset = t
        .send(Method::POST, &format!("/api/v1/users/{id}/password-reset"), Auth::Session(&admin), Some(json!({"password": "reset-by-admin-1"})))
        .await;
    assert_eq!(reset.status, StatusCode::NO_CONTENT);
    assert_eq!(t.get("/api/v1/me", Auth::Session(&laptop)).await.status, StatusCode::UNAUTHORIZED);
    let weak = t
        .send(Method::POST, &format!("/api/v1/users/{id}/password-reset"), Auth::Session(&admin), Some(json!({"password": "short"})))
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(weak.body["errors"][0]["field"], "password");
});

crate::http_test!(async fn api_tokens_act_within_their_grants_until_revoked(t) {
    let w = world(&t).await;
    let token = w.a.api_token.as_str();
    let users = t.get("/api/v1/users", Auth::Bearer(token)).await;
    assert_eq!(users.status, StatusCode::OK);
    assert!(users.body["items"].as_array().unwrap().len() > 5);
    // A token needs no CSRF header, but holds only its grants.
    let teams = t.get("/api/v1/teams", Auth::Bearer(token)).await;
    assert_eq!(teams.status, StatusCode::FORBIDDEN);
    assert_eq!(teams.body["permission"], "team:read");
    let create = t
        .send(Method::POST, "/api/v1/users", Auth::Bearer(token), Some(json!({"username": "via-token", "display_name": "x", "password": "long-enough-1", "role": "marketing"})))
        .await;
    assert_eq!(create.status, StatusCode::FORBIDDEN);
    assert_eq!(t.get("/api/v1/users", Auth::Bearer("fct_not-a-real-token")).await.status, StatusCode::UNAUTHORIZED);

    let admin = t.login(&w.a.username(Admin)).await;
    let listed = t.get("/api/v1/api-tokens", Auth::Session(&admin)).await;
    let row = &listed.body["items"][0];
    assert!(row.get("token").is_none() && row.get("token_hash").is_none(), "the secret is never listed: {row}");
    assert!(w.a.api_token.starts_with(row["prefix"].as_str().unwrap()));
    let revoked = t.send(Method::POST, &format!("/api/v1/api-tokens/{}/revoke", w.a.api_token_id), Auth::Session(&admin), None).await;
    assert_eq!(revoked.status, StatusCode::OK);
    assert!(revoked.body["revoked_at"].is_string());
    assert_eq!(t.get("/api/v1/users", Auth::Bearer(token)).await.status, StatusCode::UNAUTHORIZED);
});

crate::http_test!(async fn tokens_never_exceed_their_creator_and_expire(t) {
    let w = world(&t).await;
    let manager = t.login(&w.a.username(SalesManager)).await;
    // A manager may not even create tokens.
    let denied = t
        .send(Method::POST, "/api/v1/api-tokens", Auth::Session(&manager), Some(json!({"name": "x", "grants": [{"permission": "user:read", "scope": "dealer"}]})))
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);

    let admin = t.login(&w.a.username(Admin)).await;
    let too_wide = t
        .send(Method::POST, "/api/v1/api-tokens", Auth::Session(&admin), Some(json!({"name": "x", "grants": [{"permission": "user:read", "scope": "group"}]})))
        .await;
    assert_eq!(too_wide.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(too_wide.body["errors"][0]["code"], "exceeds_own_permissions");

    let expires = (t.clock_now() + Duration::hours(1)).to_rfc3339();
    let created = t
        .send(Method::POST, "/api/v1/api-tokens", Auth::Session(&admin), Some(json!({"name": "短期", "grants": [{"permission": "user:read", "scope": "dealer"}], "expires_at": expires})))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.body);
    let token = created.body["token"].as_str().unwrap().to_owned();
    assert!(token.starts_with("fct_"));
    assert_eq!(t.get("/api/v1/users", Auth::Bearer(&token)).await.status, StatusCode::OK);
    t.clock.advance(Duration::hours(2));
    assert_eq!(t.get("/api/v1/users", Auth::Bearer(&token)).await.status, StatusCode::UNAUTHORIZED);
});

crate::http_test!(async fn group_users_switch_dealer_others_cannot(t) {
    let w = world(&t).await;
    let analyst = t.login(&w.a.username(GroupAnalyst)).await;
    let dealers = t.get("/api/v1/dealers", Auth::Session(&analyst)).await;
    assert_eq!(dealers.body.as_array().unwrap().len(), 2);
    let switch = t.send(Method::PUT, "/api/v1/me/dealer", Auth::Session(&analyst), Some(json!({"dealer_id": w.b.dealer_id}))).await;
    assert_eq!(switch.status, StatusCode::NO_CONTENT);
    let me = t.get("/api/v1/me", Auth::Session(&analyst)).await;
    assert_eq!(me.body["dealer"]["code"], "DB");
    let users = t.get("/api/v1/users?limit=200", Auth::Session(&analyst)).await;
    let names: Vec<&str> = users.body["items"].as_array().unwrap().iter().map(|u| u["username"].as_str().unwrap()).collect();
    assert!(names.iter().all(|n| n.starts_with("db-")), "{names:?}");
    // In the other dealer only group-scoped permissions apply: still read-only.
    let write = t.send(Method::POST, "/api/v1/teams", Auth::Session(&analyst), Some(json!({"name": "不该有"}))).await;
    assert_eq!(write.status, StatusCode::FORBIDDEN);

    let consultant = t.login(&w.a.username(SalesConsultant)).await;
    let refused = t.send(Method::PUT, "/api/v1/me/dealer", Auth::Session(&consultant), Some(json!({"dealer_id": w.b.dealer_id}))).await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    let dealers = t.get("/api/v1/dealers", Auth::Session(&consultant)).await;
    assert_eq!(dealers.body.as_array().unwrap().len(), 1);
});
