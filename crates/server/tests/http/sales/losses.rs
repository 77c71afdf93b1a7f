//! Sales tests of losing a lead: reason, competitor, the manager's approval or refusal,
//! and reopening.

use super::{lead, receive, session, walk_in};
use crate::http::support::{Auth, world};
use axum::http::{Method, StatusCode};
use forecourt_domain::role::BuiltinRole::*;
use serde_json::json;

crate::http_test!(async fn a_loss_needs_reason_competitor_and_approval_and_can_be_reopened(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = session(&t, &w, SalesManager).await;
    let outcome = receive(&t, &consultant, walk_in("吴磊", "13600002222", "C")).await;
    let id = outcome["lead"]["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/leads/{id}/lost");
    let version = outcome["lead"]["version"].clone();

    let missing = t
        .send(
            Method::POST,
            &path,
            Auth::Session(&consultant),
            Some(json!({"version": version, "reason": "bought_competitor"})),
        )
        .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", missing.body);
    assert_eq!(missing.body["errors"][0]["field"], "competitor_brand");
    let unknown = t
        .send(
            Method::POST,
            &path,
            Auth::Session(&consultant),
            Some(json!({"version": version, "reason": "no_such_reason", "competitor_brand": "丰田"})),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unknown.body["errors"][0]["field"], "reason");

    let pending = t
        .send(
            Method::POST,
            &path,
            Auth::Session(&consultant),
            Some(json!({"version": version, "reason": "bought_competitor", "competitor_brand": "丰田", "competitor_model": "RAV4荣放"})),
        )
        .await;
    assert_eq!(pending.status, StatusCode::OK, "{:?}", pending.body);
    assert_eq!(pending.body["status"], "lost_pending");
    assert_eq!(pending.body["grade"], "C");
    // The consultant cannot decide their own loss.
    let own = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/lost-decision"),
            Auth::Session(&consultant),
            Some(json!({"version": pending.body["version"], "approve": true})),
        )
        .await;
    assert_eq!(own.status, StatusCode::FORBIDDEN);
    let approved = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/lost-decision"),
            Auth::Session(&manager),
            Some(json!({"version": pending.body["version"], "approve": true})),
        )
        .await;
    assert_eq!(approved.status, StatusCode::OK, "{:?}", approved.body);
    assert_eq!(approved.body["status"], "lost");
    assert_eq!(approved.body["grade"], "F");
    assert_eq!(approved.body["lost"]["competitor_brand"], "丰田");
    assert!(approved.body["next_follow_up_at"].is_null());

    let reopened = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/reopen"),
            Auth::Session(&consultant),
            Some(json!({"version": approved.body["version"], "grade": "B", "note": "竞品没提到车，回来了"})),
        )
        .await;
    assert_eq!(reopened.status, StatusCode::OK, "{:?}", reopened.body);
    assert_eq!(reopened.body["status"], "open");
    assert_eq!(reopened.body["grade"], "B");
    assert!(!reopened.body["next_follow_up_at"].is_null());
    let detail = lead(&t, &consultant, &id).await;
    let origins: Vec<&str> = detail["grade_history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["origin"].as_str().unwrap())
        .collect();
    assert_eq!(origins, ["reception", "lost", "reopened"]);
});

crate::http_test!(async fn a_manager_refusing_a_loss_keeps_the_lead_worked(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = session(&t, &w, SalesManager).await;
    let outcome = receive(&t, &consultant, walk_in("郑爽", "13600003333", "A")).await;
    let id = outcome["lead"]["id"].as_str().unwrap().to_owned();
    let pending = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/lost"),
            Auth::Session(&consultant),
            Some(json!({"version": outcome["lead"]["version"], "reason": "postponed"})),
        )
        .await;
    assert_eq!(pending.body["status"], "lost_pending", "{:?}", pending.body);
    let refused = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/lost-decision"),
            Auth::Session(&manager),
            Some(json!({"version": pending.body["version"], "approve": false})),
        )
        .await;
    assert_eq!(refused.status, StatusCode::OK, "{:?}", refused.body);
    assert_eq!(refused.body["status"], "open");
    assert_eq!(refused.body["grade"], "A");
    // The manager's own loss needs no approval.
    let direct = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/lost"),
            Auth::Session(&manager),
            Some(json!({"version": refused.body["version"], "reason": "financing_refused"})),
        )
        .await;
    assert_eq!(direct.body["status"], "lost", "{:?}", direct.body);
});

crate::http_test!(async fn a_loss_waits_in_the_managers_approvals_and_is_decided_there(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = session(&t, &w, SalesManager).await;
    let outcome = receive(&t, &consultant, walk_in("许晴", "13600008888", "B")).await;
    let id = outcome["lead"]["id"].as_str().unwrap().to_owned();
    let pending = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{id}/lost"),
            Auth::Session(&consultant),
            Some(json!({"version": outcome["lead"]["version"], "reason": "bought_competitor",
                "competitor_brand": "本田", "competitor_model": "CR-V"})),
        )
        .await;
    assert_eq!(pending.body["status"], "lost_pending", "{:?}", pending.body);
    let waiting = t
        .get("/api/v1/approvals?box=waiting", Auth::Session(&manager))
        .await;
    let request = waiting.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "lead.lost")
        .cloned()
        .unwrap_or_else(|| panic!("{:?}", waiting.body));
    assert_eq!(request["title"], "许晴");
    let approved = t
        .send(
            Method::POST,
            &format!("/api/v1/approvals/{}/approve", request["id"].as_str().unwrap()),
            Auth::Session(&manager),
            Some(json!({"version": request["version"]})),
        )
        .await;
    assert_eq!(approved.status, StatusCode::OK, "{:?}", approved.body);
    let lead = lead(&t, &consultant, &id).await;
    assert_eq!(lead["lead"]["status"], "lost");
    assert_eq!(lead["lead"]["grade"], "F");
    assert_eq!(
        t.count_where("notifications", "kind = 'approval.approved'").await,
        1
    );
    // Deciding on the lead page closes the request too.
    let again = receive(&t, &consultant, walk_in("许晴二", "13600009999", "C")).await;
    let again_id = again["lead"]["id"].as_str().unwrap().to_owned();
    let pending = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{again_id}/lost"),
            Auth::Session(&consultant),
            Some(json!({"version": again["lead"]["version"], "reason": "postponed"})),
        )
        .await;
    let refused = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{again_id}/lost-decision"),
            Auth::Session(&manager),
            Some(json!({"version": pending.body["version"], "approve": false})),
        )
        .await;
    assert_eq!(refused.body["status"], "open", "{:?}", refused.body);
    assert_eq!(
        t.count_where("approval_requests", "kind = 'lead.lost' AND status = 'pending'").await,
        0
    );
});
