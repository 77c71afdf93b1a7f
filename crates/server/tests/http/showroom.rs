//! What a day on the showroom floor asks of the sales rules: twin requests never make twin
//! customers, leads or visits; a colleague's customer stays theirs (撞单); everything the
//! reception form takes is kept; a returning customer withdraws a pending loss.

use super::support::{Auth, PASSWORD, Session, TestApp, World, world};
use crate::http::support::post;
use axum::http::{Method, StatusCode};
use chrono::Duration;
use forecourt_domain::role::BuiltinRole::*;
use serde_json::{Value, json};

async fn session(t: &TestApp, w: &World, role: forecourt_domain::role::BuiltinRole) -> Session {
    t.login(&w.a.username(role)).await
}

fn walk_in(name: &str, phone: &str, grade: &str) -> Value {
    json!({
        "customer": {"name": name, "phones": [{"number": phone}]},
        "party_size": 1,
        "models": [{"text": "途观L"}],
        "grade": grade,
    })
}

/// Eight identical requests at once; exactly one may succeed, the rest are a clean 409 with
/// the expected code.
async fn race(t: &TestApp, s: &Session, path: &str, body: Value, code: &str) {
    let replies = futures_util::future::join_all(
        (0..8).map(|_| t.send(Method::POST, path, Auth::Session(s), Some(body.clone()))),
    )
    .await;
    let summary: Vec<_> = replies
        .iter()
        .map(|r| (r.status, r.code().to_owned()))
        .collect();
    let created = replies
        .iter()
        .filter(|r| r.status == StatusCode::CREATED)
        .count();
    assert_eq!(created, 1, "{path}: {summary:?}");
    for reply in replies.iter().filter(|r| r.status != StatusCode::CREATED) {
        assert_eq!(
            reply.status,
            StatusCode::CONFLICT,
            "{path}: {:?}",
            reply.body
        );
        assert_eq!(reply.code(), code, "{path}: {:?}", reply.body);
    }
}

crate::http_test!(async fn eight_identical_requests_make_one_customer_lead_and_visit(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    race(
        &t,
        &consultant,
        "/api/v1/receptions",
        walk_in("孙立", "13712340001", "A"),
        "already_exists",
    )
    .await;
    assert_eq!(t.count("customers").await, 1);
    assert_eq!(t.count("leads").await, 1);
    assert_eq!(t.count("receptions").await, 1);

    race(
        &t,
        &consultant,
        "/api/v1/customers",
        json!({"name": "钱程", "phones": [{"number": "13712340002"}]}),
        "possible_duplicate",
    )
    .await;
    assert_eq!(t.count_where("customers", "name = '钱程'").await, 1);

    let customer = t
        .get("/api/v1/customers?q=13712340002", Auth::Session(&consultant))
        .await;
    let customer_id = customer.body["items"][0]["id"].clone();
    race(
        &t,
        &consultant,
        "/api/v1/leads",
        json!({"customer_id": customer_id, "grade": "B"}),
        "already_exists",
    )
    .await;
    assert_eq!(
        t.count_where("leads", "status IN ('open', 'lost_pending')").await,
        2
    );
});

crate::http_test!(async fn the_database_holds_one_worked_lead_per_customer(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let first = post(&t, &consultant, "/api/v1/receptions", walk_in("周全", "13712340003", "B")).await;
    assert_eq!(first.status, StatusCode::CREATED, "{:?}", first.body);
    // A second worked lead written past every check is still refused by the database.
    use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel};
    let lead_id: uuid::Uuid = first.body["lead"]["id"].as_str().unwrap().parse().unwrap();
    let conn = t.db.db.conn();
    let mut twin = forecourt_db::entities::lead::Entity::find_by_id(lead_id)
        .one(conn)
        .await
        .unwrap()
        .unwrap();
    twin.id = uuid::Uuid::now_v7();
    let copy = forecourt_db::entities::lead::Entity::insert(twin.into_active_model().reset_all())
        .exec_without_returning(conn)
        .await;
    assert!(copy.is_err(), "a second open lead was accepted");
});

crate::http_test!(async fn a_colleagues_customer_stays_theirs_at_reception(t) {
    let w = world(&t).await;
    let owner = session(&t, &w, SalesConsultant).await;
    let colleague = t.login_with("da-target", PASSWORD).await;
    let mut form = walk_in("吴彦", "13712340004", "B");
    form["lead"] = json!({"notes": "预算 25 万，想要白色", "budget_max_fen": 25_000_000});
    let mine = post(&t, &owner, "/api/v1/receptions", form).await;
    assert_eq!(mine.status, StatusCode::CREATED, "{:?}", mine.body);
    let lead_id = mine.body["lead"]["id"].as_str().unwrap().to_owned();
    let before = t
        .get(&format!("/api/v1/leads/{lead_id}"), Auth::Session(&owner))
        .await;

    // The colleague receives the same customer the next day.
    t.clock.advance(Duration::days(1));
    let colleague = {
        let _ = colleague;
        t.login_with("da-target", PASSWORD).await
    };
    let theirs = post(
        &t,
        &colleague,
        "/api/v1/receptions",
        walk_in("吴彦", "137 1234 0004", "H"),
    )
    .await;
    assert_eq!(theirs.status, StatusCode::CREATED, "{:?}", theirs.body);
    // They learn who the consultant is, and nothing of the lead.
    assert!(theirs.body["lead"].is_null(), "{:?}", theirs.body);
    assert_eq!(theirs.body["existing_consultant"]["display_name"], "DA 销售顾问");
    assert_eq!(theirs.body["reception"]["lead_id"], lead_id.as_str());
    assert_eq!(theirs.body["reception"]["customer"]["name"], "吴*");
    let text = theirs.body.to_string();
    assert!(!text.contains("预算") && !text.contains("25000000"), "{text}");
    // Still no way in through the lead itself.
    let probe = t
        .get(&format!("/api/v1/leads/{lead_id}"), Auth::Session(&colleague))
        .await;
    assert_eq!(probe.status, StatusCode::NOT_FOUND);

    // The lead keeps its grade and schedule; the visit is on it, received by the colleague.
    let owner = t.login(&w.a.username(SalesConsultant)).await;
    let after = t
        .get(&format!("/api/v1/leads/{lead_id}"), Auth::Session(&owner))
        .await;
    assert_eq!(after.body["lead"]["grade"], "B");
    assert_eq!(
        after.body["lead"]["next_follow_up_at"],
        before.body["lead"]["next_follow_up_at"]
    );
    assert_eq!(after.body["lead"]["owner"]["display_name"], "DA 销售顾问");
    let visits = after.body["receptions"].as_array().unwrap();
    assert_eq!(visits.len(), 2);
    assert!(
        visits
            .iter()
            .any(|v| v["consultant"]["display_name"] == "目标用户"),
        "{visits:?}"
    );
    // The consultant and their manager are told who received the customer.
    assert!(
        t.count_where("notifications", "kind = 'lead.received'").await >= 2,
        "the owner and a manager"
    );
    let bell = t.get("/api/v1/notifications", Auth::Session(&owner)).await;
    let received = bell.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "lead.received")
        .cloned()
        .unwrap_or_else(|| panic!("{:?}", bell.body));
    assert_eq!(received["title"], "目标用户 接待了你的客户 吴彦");
    assert_eq!(t.count("customers").await, 1);
});

crate::http_test!(async fn everything_the_reception_form_takes_is_kept(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let outcome = post(
        &t,
        &consultant,
        "/api/v1/receptions",
        json!({
            "customer": {"name": "郭靖", "phones": [{"number": "13712340005"}]},
            "party_size": 3,
            "companions": [{"relation": "spouse"}, {"relation": "parent", "name": "郭啸天"}],
            "models": [{"text": "途观L"}, {"text": "探岳"}, {"text": "ID.4"}],
            "test_drive": true,
            "grade": "A",
            "notes": "带孩子来，关注第三排",
        }),
    )
    .await;
    assert_eq!(outcome.status, StatusCode::CREATED, "{:?}", outcome.body);
    let lead = &outcome.body["lead"];
    let considered: Vec<&str> = lead["models_considered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(considered, ["途观L", "探岳", "ID.4"]);
    assert_eq!(lead["car"]["name"], "途观L");
    let customer_id = outcome.body["reception"]["customer"]["id"].as_str().unwrap();
    let customer = t
        .get(&format!("/api/v1/customers/{customer_id}"), Auth::Session(&consultant))
        .await;
    let companions = customer.body["companions"].as_array().unwrap();
    assert_eq!(companions.len(), 2, "{companions:?}");
    assert!(companions.iter().any(|c| c["relation"] == "spouse"));
    assert!(companions.iter().any(|c| c["name"] == "郭啸天"));
    let detail = t
        .get(
            &format!("/api/v1/leads/{}", lead["id"].as_str().unwrap()),
            Auth::Session(&consultant),
        )
        .await;
    let visit = &detail.body["receptions"][0];
    assert_eq!(visit["party_size"], 3);
    assert_eq!(visit["test_drive"], true);
    assert_eq!(visit["notes"], "带孩子来，关注第三排");
    assert_eq!(visit["models"].as_array().unwrap().len(), 3);
    assert_eq!(visit["companions"].as_array().unwrap().len(), 2);

    // The same spouse coming again is not a second spouse; a new car joins the list.
    t.clock.advance(Duration::days(3));
    let consultant = session(&t, &w, SalesConsultant).await;
    let again = post(
        &t,
        &consultant,
        "/api/v1/receptions",
        json!({
            "customer_id": customer_id,
            "companions": [{"relation": "spouse"}],
            "models": [{"text": "探岳"}, {"text": "帕萨特"}],
            "grade": "H",
        }),
    )
    .await;
    assert_eq!(again.status, StatusCode::CREATED, "{:?}", again.body);
    assert_eq!(
        again.body["lead"]["models_considered"].as_array().unwrap().len(),
        4
    );
    let customer = t
        .get(&format!("/api/v1/customers/{customer_id}"), Auth::Session(&consultant))
        .await;
    assert_eq!(customer.body["companions"].as_array().unwrap().len(), 2);
});

crate::http_test!(async fn a_returning_customer_withdraws_the_pending_loss(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = session(&t, &w, SalesManager).await;
    let first = post(&t, &consultant, "/api/v1/receptions", walk_in("黄蓉", "13712340006", "B")).await;
    let lead_id = first.body["lead"]["id"].as_str().unwrap().to_owned();
    let pending = post(
        &t,
        &consultant,
        &format!("/api/v1/leads/{lead_id}/lost"),
        json!({"version": first.body["lead"]["version"], "reason": "postponed"}),
    )
    .await;
    assert_eq!(pending.body["status"], "lost_pending", "{:?}", pending.body);
    assert!(pending.body["next_follow_up_at"].is_null());
    let waiting = t
        .get("/api/v1/approvals?box=waiting", Auth::Session(&manager))
        .await;
    let request = waiting.body["items"][0].clone();
    assert_eq!(request["kind"], "lead.lost");

    t.clock.advance(Duration::hours(5));
    let consultant = session(&t, &w, SalesConsultant).await;
    let back = post(&t, &consultant, "/api/v1/receptions", walk_in("黄蓉", "13712340006", "A")).await;
    assert_eq!(back.status, StatusCode::CREATED, "{:?}", back.body);
    assert_eq!(back.body["loss_withdrawn"], true);
    assert_eq!(back.body["lead"]["status"], "open");
    assert_eq!(back.body["lead"]["grade"], "A");
    assert!(back.body["lead"]["lost"].is_null());
    assert!(back.body["lead"]["next_follow_up_at"].is_string(), "the cadence is back");

    // The manager can no longer approve the loss.
    let manager = session(&t, &w, SalesManager).await;
    let stale = t
        .get(
            &format!("/api/v1/approvals/{}", request["id"].as_str().unwrap()),
            Auth::Session(&manager),
        )
        .await;
    assert_eq!(stale.body["status"], "withdrawn");
    let approve = post(
        &t,
        &manager,
        &format!("/api/v1/approvals/{}/approve", request["id"].as_str().unwrap()),
        json!({"version": stale.body["version"]}),
    )
    .await;
    assert_eq!(approve.status, StatusCode::CONFLICT, "{:?}", approve.body);
    assert_eq!(approve.code(), "invalid_state");
    // The requester and the approver are told why.
    assert!(
        t.count_where("notifications", "kind = 'approval.withdrawn'").await >= 2,
        "requester and approver"
    );
    let bell = t.get("/api/v1/notifications", Auth::Session(&consultant)).await;
    let told = bell.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "approval.withdrawn")
        .cloned()
        .unwrap_or_else(|| panic!("{:?}", bell.body));
    assert!(
        told["body"].as_str().unwrap().contains("客户再次到店"),
        "{told:?}"
    );
});

crate::http_test!(async fn an_enquiry_for_a_colleagues_lead_tells_them_and_changes_nothing(t) {
    let w = world(&t).await;
    let owner = session(&t, &w, SalesConsultant).await;
    let admin = session(&t, &w, Admin).await;
    let first = post(&t, &owner, "/api/v1/receptions", walk_in("欧阳锋", "13712340007", "C")).await;
    let lead = first.body["lead"].clone();
    let token = post(
        &t,
        &admin,
        "/api/v1/api-tokens",
        json!({"name": "官网", "grants": [{"permission": "lead:intake", "scope": "dealer"}]}),
    )
    .await;
    let token = token.body["token"].as_str().unwrap().to_owned();
    let reply = t
        .send_with(
            Method::POST,
            "/api/v1/lead-intake",
            Auth::Bearer(&token),
            Some(json!({"name": "欧阳锋", "phone": "13712340007", "message": "还有优惠吗"})),
            &[("idempotency-key", "form-7")],
        )
        .await;
    assert_eq!(reply.body["created"], false, "{:?}", reply.body);
    let after = t
        .get(
            &format!("/api/v1/leads/{}", lead["id"].as_str().unwrap()),
            Auth::Session(&owner),
        )
        .await;
    assert_eq!(after.body["lead"]["version"], lead["version"]);
    assert_eq!(
        t.count_where("notifications", "kind = 'lead.enquired_again'").await,
        1
    );
});
