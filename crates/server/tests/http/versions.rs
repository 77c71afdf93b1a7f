//! Optimistic concurrency: an update carrying a version that is no longer current is 409 and
//! changes nothing.

use super::support::{Auth, TestApp, world};
use axum::http::{Method, StatusCode};
use forecourt_domain::role::BuiltinRole::Admin;
use serde_json::{Value, json};

async fn stale_update_is_refused(t: &TestApp, path: &str, change: Value) {
    let w_admin = t.login("da-admin").await;
    let first = t.get(path, Auth::Session(&w_admin)).await;
    let version = first.body["version"].as_i64().unwrap();
    let mut body = change.clone();
    body["version"] = version.into();
    let ok = t
        .send(
            Method::PATCH,
            path,
            Auth::Session(&w_admin),
            Some(body.clone()),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{path}: {:?}", ok.body);
    assert_eq!(ok.body["version"].as_i64().unwrap(), version + 1);

    // A second editor still holding the old version.
    let audit_before = t.count("audit_events").await;
    let current = t.get(path, Auth::Session(&w_admin)).await.body;
    let mut stale = json!({});
    for (key, value) in change.as_object().unwrap() {
        stale[key] = Value::String(format!("{}-stale", value.as_str().unwrap_or("x")));
    }
    stale["version"] = version.into();
    let conflict = t
        .send(Method::PATCH, path, Auth::Session(&w_admin), Some(stale))
        .await;
    assert_eq!(conflict.status, StatusCode::CONFLICT, "{path}");
    assert_eq!(conflict.code(), "version_conflict");
    assert_eq!(
        t.get(path, Auth::Session(&w_admin)).await.body,
        current,
        "{path} unchanged"
    );
    assert_eq!(t.count("audit_events").await, audit_before);
}

crate::http_test!(async fn stale_versions_are_conflicts_everywhere(t) {
    let w = world(&t).await;
    assert_eq!(w.a.username(Admin), "da-admin");
    stale_update_is_refused(&t, &format!("/api/v1/users/{}", w.a.target_user_id), json!({"display_name": "王芳"})).await;
    stale_update_is_refused(&t, &format!("/api/v1/teams/{}", w.a.team_id), json!({"name": "精英组"})).await;
    stale_update_is_refused(&t, &format!("/api/v1/departments/{}", w.a.department_id), json!({"name": "新车销售部"})).await;
    stale_update_is_refused(&t, &format!("/api/v1/roles/{}", w.a.custom_role_key), json!({"name": "展厅经理"})).await;
    stale_update_is_refused(&t, &format!("/api/v1/dealers/{}", w.a.dealer_id), json!({"name": "甲汽车4S店"})).await;
});

crate::http_test!(async fn updates_are_audited_field_by_field(t) {
    let w = world(&t).await;
    let admin = t.login("da-admin").await;
    let path = format!("/api/v1/users/{}", w.a.target_user_id);
    let version = t.get(&path, Auth::Session(&admin)).await.body["version"].clone();
    let patch = json!({"version": version, "display_name": "王芳", "phone": "0571-87654321", "role": "sales_assistant"});
    let updated = t.send(Method::PATCH, &path, Auth::Session(&admin), Some(patch)).await;
    assert_eq!(updated.status, StatusCode::OK, "{:?}", updated.body);
    assert_eq!(updated.body["phone"], "0571-87654321", "normalised and unmasked for the admin");

    let events = t
        .get(&format!("/api/v1/audit-events?entity_id={}&action=user.updated", w.a.target_user_id), Auth::Session(&admin))
        .await;
    let event = &events.body["items"][0];
    assert_eq!(event["actor_name"], "DA 管理员");
    assert_eq!(event["entity_type"], "user");
    let changes = &event["changes"];
    assert_eq!(changes["display_name"], json!({"before": "目标用户", "after": "王芳"}));
    assert_eq!(changes["role"], json!({"before": "sales_consultant", "after": "sales_assistant"}));
    // Personal data is masked in the audit log even for admins.
    assert_eq!(changes["phone"], json!({"before": "139****5678", "after": "0571-****4321"}));
    assert!(changes.get("team_id").is_none(), "unchanged fields are not recorded");
    assert!(event["request_id"].is_string());

    // Nothing to change: no new version, no audit row.
    let version = updated.body["version"].clone();
    let before = t.count("audit_events").await;
    let same = t.send(Method::PATCH, &path, Auth::Session(&admin), Some(json!({"version": version, "display_name": "王芳"}))).await;
    assert_eq!(same.body["version"], version);
    assert_eq!(t.count("audit_events").await, before);
});

crate::http_test!(async fn business_rules_protect_the_last_admin_and_oneself(t) {
    let w = world(&t).await;
    let admin = t.login("da-admin").await;
    let me = t.get("/api/v1/me", Auth::Session(&admin)).await.body;
    let path = format!("/api/v1/users/{}", me["user"]["id"].as_str().unwrap());
    let version = me["user"]["version"].clone();
    let disable_self = t.send(Method::PATCH, &path, Auth::Session(&admin), Some(json!({"version": version, "status": "disabled"}))).await;
    assert_eq!(disable_self.status, StatusCode::UNPROCESSABLE_ENTITY);
    let codes: Vec<&str> = disable_self.body["errors"].as_array().unwrap().iter().map(|e| e["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"cannot_disable_self"), "{codes:?}");
    let demote_self = t.send(Method::PATCH, &path, Auth::Session(&admin), Some(json!({"version": version, "role": "marketing"}))).await;
    assert_eq!(demote_self.body["errors"][0]["code"], "cannot_change_own_role");

    // Roles cannot hand out more than the giver holds.
    let wide = t
        .send(Method::POST, "/api/v1/roles", Auth::Session(&admin), Some(json!({"key": "spy", "name": "Spy", "grants": [{"permission": "user:read", "scope": "group"}]})))
        .await;
    assert_eq!(wide.body["errors"][0]["code"], "role_exceeds_own_permissions");
    let analyst = t
        .send(Method::POST, "/api/v1/users", Auth::Session(&admin), Some(json!({"username": "new-analyst", "display_name": "分析", "password": "long-enough-1", "role": "group_analyst"})))
        .await;
    assert_eq!(analyst.body["errors"][0]["code"], "role_exceeds_own_permissions");
    let builtin = t.send(Method::PATCH, "/api/v1/roles/admin", Auth::Session(&admin), Some(json!({"version": 1, "name": "x"}))).await;
    assert_eq!(builtin.body["errors"][0]["code"], "builtin_role_read_only");
    let bad_scope = t
        .send(Method::POST, "/api/v1/roles", Auth::Session(&admin), Some(json!({"key": "odd", "name": "Odd", "grants": [{"permission": "user:create", "scope": "own"}]})))
        .await;
    assert_eq!(bad_scope.body["errors"][0]["code"], "scope_not_allowed");

    // A team with members, and a role someone holds, stay.
    let team = t.send(Method::DELETE, &format!("/api/v1/teams/{}", w.a.team_id), Auth::Session(&admin), None).await;
    assert_eq!(team.status, StatusCode::CONFLICT);
    assert_eq!(team.code(), "in_use");
    let created = t
        .send(Method::POST, "/api/v1/users", Auth::Session(&admin), Some(json!({"username": "lead-1", "display_name": "主管", "password": "long-enough-1", "role": w.a.custom_role_key})))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.body);
    let role = t.send(Method::DELETE, &format!("/api/v1/roles/{}", w.a.custom_role_key), Auth::Session(&admin), None).await;
    assert_eq!(role.code(), "in_use");
    let duplicate = t
        .send(Method::POST, "/api/v1/users", Auth::Session(&admin), Some(json!({"username": "LEAD-1", "display_name": "重复", "password": "long-enough-1", "role": "marketing"})))
        .await;
    assert_eq!(duplicate.status, StatusCode::CONFLICT);
    assert_eq!(duplicate.code(), "already_exists");
    assert_eq!(duplicate.body["errors"][0]["field"], "username");
});
