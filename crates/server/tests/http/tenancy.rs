//! A dealer's data is invisible to another dealer's users, even of the same group.

use super::support::{Auth, world};
use axum::http::{Method, StatusCode};
use serde_json::json;

crate::http_test!(async fn lists_and_searches_stay_in_the_dealer(t) {
    let w = world(&t).await;
    let admin_a = t.login("da-admin").await;
    let users = t.get("/api/v1/users?limit=200", Auth::Session(&admin_a)).await;
    let names: Vec<&str> = users.body["items"].as_array().unwrap().iter().map(|u| u["username"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 11);
    assert!(names.iter().all(|n| n.starts_with("da-")), "{names:?}");
    let search = t.get("/api/v1/users?q=db-admin", Auth::Session(&admin_a)).await;
    assert!(search.body["items"].as_array().unwrap().is_empty());
    let teams = t.get("/api/v1/teams", Auth::Session(&admin_a)).await;
    assert!(teams.body.as_array().unwrap().iter().all(|team| team["dealer_id"] == w.a.dealer_id.as_str()));
    let audit = t.get("/api/v1/audit-events?limit=200", Auth::Session(&admin_a)).await;
    assert!(!audit.body["items"].as_array().unwrap().is_empty());
    for event in audit.body["items"].as_array().unwrap() {
        assert_ne!(event["entity_id"], w.b.target_user_id.as_str());
    }
    let tokens = t.get("/api/v1/api-tokens", Auth::Session(&admin_a)).await;
    assert_eq!(tokens.body["items"].as_array().unwrap().len(), 1);
});

crate::http_test!(async fn references_to_another_dealers_records_are_refused(t) {
    let w = world(&t).await;
    let admin_a = t.login("da-admin").await;
    let before = t.count("users").await;
    let reply = t
        .send(Method::POST, "/api/v1/users", Auth::Session(&admin_a), Some(json!({"username": "cross", "display_name": "跨店", "password": "long-enough-1", "role": "marketing", "team_id": w.b.team_id})))
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.body["errors"][0]["code"], "unknown_team");
    assert_eq!(t.count("users").await, before);
    let team = t
        .send(Method::POST, "/api/v1/teams", Auth::Session(&admin_a), Some(json!({"name": "跨店组", "leader_id": w.b.target_user_id})))
        .await;
    assert_eq!(team.body["errors"][0]["code"], "unknown_user");
});

crate::http_test!(async fn phones_are_masked_unless_the_role_may_see_them(t) {
    let w = world(&t).await;
    let path = format!("/api/v1/users/{}", w.a.target_user_id);
    let marketing = t.login("da-marketing").await;
    let masked = t.get(&path, Auth::Session(&marketing)).await;
    assert_eq!(masked.body["phone"], "139****5678");
    assert_eq!(masked.body["email"], "t***@example.cn");
    assert_eq!(masked.body["contact_masked"], true);
    // A consultant sees only their own number; the manager, everyone's.
    let consultant = t.login("da-sales-consultant").await;
    assert_eq!(t.get(&path, Auth::Session(&consultant)).await.body["phone"], "139****5678");
    let own = t.get("/api/v1/me", Auth::Session(&consultant)).await;
    assert_eq!(own.body["user"]["phone"], "13812345678");
    let manager = t.login("da-sales-manager").await;
    assert_eq!(t.get(&path, Auth::Session(&manager)).await.body["phone"], "13912345678");
});
