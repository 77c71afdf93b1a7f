//! The customer file: create, find, the 360°, duplicates and merging, consent, ID numbers.

use super::support::{Auth, Session, TestApp, world};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

/// 张伟 with a companion and a car, created by the consultant.
pub fn zhang_wei() -> Value {
    json!({
        "name": "张伟",
        "gender": "male",
        "phones": [{"number": "138 1234 5678"}, {"number": "0571-87654321", "label": "home"}],
        "wechat_id": "zhangwei_88",
        "address": {"province": "浙江", "city": "杭州市", "district": "西湖区", "street": "文三路 100 号"},
        "id_number": "11010519491231002X",
        "tags": ["老客户", "关注SUV"],
        "source": "walk_in",
        "companions": [{"relation": "spouse", "name": "李娜", "phone": "13912345678"}],
        "consents": [{"channel": "sms", "granted": true, "method": "written_form"}],
        "vehicles": [{"vin": "LSVAU2180N2183516", "accept_vin_check_digit": true, "plate": "浙A12345", "brand": "大众", "series": "途观L", "colour": "珍珠白", "model_year": 2022, "mileage_km": 32000}]
    })
}

pub async fn create(t: &TestApp, session: &Session, body: Value) -> Value {
    let reply = t
        .send(
            Method::POST,
            "/api/v1/customers",
            Auth::Session(session),
            Some(body),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
    reply.body
}

crate::http_test!(async fn a_consultant_creates_finds_and_opens_a_customer(t) {
    let _w = world(&t).await;
    let consultant = t.login("da-sales-consultant").await;
    let created = create(&t, &consultant, zhang_wei()).await;
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(created["phones"][0]["number"], "13812345678", "normalised, and the owner sees it");
    assert_eq!(created["phones"][1]["number"], "0571-87654321");
    assert_eq!(created["owner"]["display_name"], "DA 销售顾问", "the creator owns the customer");
    assert_eq!(created["id_number"], "**************002X");
    assert_eq!(created["address"]["province"], "浙江省");
    assert_eq!(created["birthday"], "1949-12-31", "taken from the ID number");
    assert_eq!(created["companions"][0]["relation"], "spouse");
    assert_eq!(created["vehicles"][0]["plate"], "浙A12345");
    assert_eq!(created["vehicles"][0]["mileage"][0]["km"], 32000);
    assert_eq!(created["consents"].as_array().unwrap().iter().find(|c| c["channel"] == "sms").unwrap()["granted"], true);

    for q in ["张伟", "5678", "13812345678", "浙A12345", "A12345", "183516", "LSVAU2180N2183516", "87654321"] {
        let hits = t.get(&format!("/api/v1/customers/search?q={}", urlencode(q)), Auth::Session(&consultant)).await;
        assert_eq!(hits.status, StatusCode::OK, "{q}: {:?}", hits.body);
        let ids: Vec<&str> = hits.body.as_array().unwrap().iter().map(|h| h["customer"]["id"].as_str().unwrap()).collect();
        assert!(ids.contains(&id.as_str()), "{q} finds 张伟: {:?}", hits.body);
    }
    let by_plate = t.get(&format!("/api/v1/customers/search?q={}", urlencode("浙A12345")), Auth::Session(&consultant)).await;
    assert_eq!(by_plate.body[0]["matched_on"], "plate");
    assert_eq!(by_plate.body[0]["exact"], true);

    let view = t.get(&format!("/api/v1/customers/{id}"), Auth::Session(&consultant)).await;
    assert_eq!(view.status, StatusCode::OK);
    let timeline = t.get(&format!("/api/v1/customers/{id}/timeline"), Auth::Session(&consultant)).await;
    let kinds: Vec<&str> = timeline.body["items"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"customer.created") && kinds.contains(&"vehicle.added"), "{kinds:?}");
});

crate::http_test!(async fn twins_are_caught_and_merged_without_losing_history(t) {
    let _w = world(&t).await;
    let manager = t.login("da-sales-manager").await;
    let first = create(&t, &manager, zhang_wei()).await;
    let first_id = first["id"].as_str().unwrap().to_owned();

    // Same mobile, typed differently: the candidates, not a twin.
    let twin = json!({"name": "张 伟", "phones": [{"number": "+86 138-1234-5678"}], "tags": ["展厅"], "notes": "周末来店"});
    let caught = t.send(Method::POST, "/api/v1/customers", Auth::Session(&manager), Some(twin.clone())).await;
    assert_eq!(caught.status, StatusCode::CONFLICT);
    assert_eq!(caught.code(), "possible_duplicate");
    assert_eq!(caught.body["candidates"][0]["customer_id"], first_id.as_str());
    assert_eq!(caught.body["candidates"][0]["matched_on"], json!(["phone"]));
    let by_vin = t.send(Method::POST, "/api/v1/customers/duplicates", Auth::Session(&manager), Some(json!({"vins": ["lsvau2180n2183516"]}))).await;
    assert_eq!(by_vin.body[0]["matched_on"], json!(["vin"]));

    let mut forced = twin.clone();
    forced["allow_duplicate"] = json!(true);
    let second = create(&t, &manager, forced).await;
    let second_id = second["id"].as_str().unwrap().to_owned();

    let merge = json!({
        "survivor_id": first_id, "survivor_version": first["version"],
        "merged_id": second_id, "merged_version": second["version"],
        "choices": {"notes": "merged"}
    });
    let merged = t.send(Method::POST, "/api/v1/customers/merge", Auth::Session(&manager), Some(merge)).await;
    assert_eq!(merged.status, StatusCode::OK, "{:?}", merged.body);
    assert_eq!(merged.body["notes"], "周末来店");
    assert_eq!(merged.body["name"], "张伟");
    let tags: Vec<&str> = merged.body["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    let mut expected = vec!["老客户", "关注SUV", "展厅"];
    expected.sort_unstable();
    assert_eq!(tags, expected, "the union of both records' tags");
    assert_eq!(merged.body["vehicles"].as_array().unwrap().len(), 1);
    assert_eq!(merged.body["companions"].as_array().unwrap().len(), 1);

    let gone = t.get(&format!("/api/v1/customers/{second_id}"), Auth::Session(&manager)).await;
    assert_eq!(gone.status, StatusCode::GONE);
    assert_eq!(gone.code(), "merged");
    assert_eq!(gone.body["merged_into"], first_id.as_str());
    // Search finds one customer, and the survivor's timeline holds both histories.
    let hits = t.get("/api/v1/customers/search?q=5678", Auth::Session(&manager)).await;
    assert_eq!(hits.body.as_array().unwrap().len(), 1);
    let timeline = t.get(&format!("/api/v1/customers/{first_id}/timeline?limit=50"), Auth::Session(&manager)).await;
    let kinds: Vec<&str> = timeline.body["items"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "customer.created").count(), 2, "{kinds:?}");
    assert!(kinds.contains(&"customer.merged"));
    let audit = t.get(&format!("/api/v1/audit-events?entity_id={first_id}&action=customer.merged"), Auth::Session(&t.login("da-admin").await)).await;
    assert_eq!(audit.body["items"].as_array().unwrap().len(), 1);
});

crate::http_test!(async fn id_numbers_stay_hidden_without_the_permission(t) {
    let _w = world(&t).await;
    let consultant = t.login("da-sales-consultant").await;
    let created = create(&t, &consultant, zhang_wei()).await;
    let id = created["id"].as_str().unwrap();
    assert_eq!(created["can_reveal_id_number"], false);
    let denied = t.send(Method::POST, &format!("/api/v1/customers/{id}/id-number/reveal"), Auth::Session(&consultant), Some(json!({"reason": "开发票"}))).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    assert_eq!(denied.body["permission"], "pii:unmask_id_number");

    let finance = t.login("da-finance").await;
    let view = t.get(&format!("/api/v1/customers/{id}"), Auth::Session(&finance)).await;
    assert_eq!(view.body["id_number"], "**************002X");
    assert_eq!(view.body["can_reveal_id_number"], true);
    let no_reason = t.send(Method::POST, &format!("/api/v1/customers/{id}/id-number/reveal"), Auth::Session(&finance), Some(json!({"reason": " "}))).await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    let revealed = t.send(Method::POST, &format!("/api/v1/customers/{id}/id-number/reveal"), Auth::Session(&finance), Some(json!({"reason": "开具购车发票"}))).await;
    assert_eq!(revealed.body["id_number"], "11010519491231002X");
    let admin = t.login("da-admin").await;
    let audit = t.get(&format!("/api/v1/audit-events?entity_id={id}&action=customer.id_number_revealed"), Auth::Session(&admin)).await;
    assert_eq!(audit.body["items"][0]["changes"]["reason"]["after"], "开具购车发票");
    // The audit log of the creation holds only the masked number.
    let created_event = t.get(&format!("/api/v1/audit-events?entity_id={id}&action=customer.created"), Auth::Session(&admin)).await;
    let text = created_event.body.to_string();
    assert!(!text.contains("11010519491231002X") && text.contains("**************002X"), "{text}");
    // Nor is it stored in the clear.
    assert_eq!(t.count_where("customers", "id_number_cipher LIKE '%11010519491231002X%'").await, 0);
});

crate::http_test!(async fn consultants_see_only_their_own_customers(t) {
    let _w = world(&t).await;
    let consultant = t.login("da-sales-consultant").await;
    let manager = t.login("da-sales-manager").await;
    let mine = create(&t, &consultant, zhang_wei()).await;
    let theirs = create(&t, &manager, json!({"name": "王芳", "phones": [{"number": "13700001111"}]})).await;
    let list = t.get("/api/v1/customers?with_count=true", Auth::Session(&consultant)).await;
    assert_eq!(list.body["count"], 1);
    assert_eq!(list.body["items"][0]["id"], mine["id"]);
    let hidden = t.get(&format!("/api/v1/customers/{}", theirs["id"].as_str().unwrap()), Auth::Session(&consultant)).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    assert!(t.get("/api/v1/customers/search?q=王芳", Auth::Session(&consultant)).await.body.as_array().unwrap().is_empty());
    // The manager sees both; marketing sees phones masked.
    assert_eq!(t.get("/api/v1/customers?with_count=true", Auth::Session(&manager)).await.body["count"], 2);
    let marketing = t.login("da-marketing").await;
    let row = t.get(&format!("/api/v1/customers/{}", mine["id"].as_str().unwrap()), Auth::Session(&marketing)).await;
    assert_eq!(row.body["phones"][0]["number"], "138****5678");
    assert_eq!(row.body["contact_masked"], true);
    // A duplicate check tells the consultant the customer exists, not who it is.
    let dup = t.send(Method::POST, "/api/v1/customers/duplicates", Auth::Session(&consultant), Some(json!({"phones": ["13700001111"]}))).await;
    assert_eq!(dup.body[0]["name"], "王*");
    assert_eq!(dup.body[0]["visible"], false);
    assert_eq!(dup.body[0]["owner"]["display_name"], "DA 销售经理");
});

crate::http_test!(async fn edits_consent_and_stale_versions(t) {
    let _w = world(&t).await;
    let consultant = t.login("da-sales-consultant").await;
    let created = create(&t, &consultant, zhang_wei()).await;
    let id = created["id"].as_str().unwrap();
    let path = format!("/api/v1/customers/{id}");
    let patch = json!({"version": created["version"], "occupation": "工程师", "phones": [{"number": "13812345678"}, {"number": "13600000000"}], "tags": ["老客户"]});
    let updated = t.send(Method::PATCH, &path, Auth::Session(&consultant), Some(patch.clone())).await;
    assert_eq!(updated.status, StatusCode::OK, "{:?}", updated.body);
    assert_eq!(updated.body["phones"].as_array().unwrap().len(), 2);
    let stale = t.send(Method::PATCH, &path, Auth::Session(&consultant), Some(patch)).await;
    assert_eq!(stale.code(), "version_conflict");
    // The old landline is gone from search, the new mobile is found.
    assert!(t.get("/api/v1/customers/search?q=87654321", Auth::Session(&consultant)).await.body.as_array().unwrap().is_empty());
    assert_eq!(t.get("/api/v1/customers/search?q=13600000000", Auth::Session(&consultant)).await.body.as_array().unwrap().len(), 1);

    let consent = json!({"version": updated.body["version"], "channel": "sms", "granted": false, "method": "message_reply", "note": "回复TD退订"});
    let withdrawn = t.send(Method::POST, &format!("{path}/consents"), Auth::Session(&consultant), Some(consent)).await;
    assert_eq!(withdrawn.status, StatusCode::OK, "{:?}", withdrawn.body);
    let sms = withdrawn.body["consents"].as_array().unwrap().iter().find(|c| c["channel"] == "sms").unwrap().clone();
    assert_eq!(sms["granted"], false);
    assert_eq!(sms["method"], "message_reply");
    assert_eq!(withdrawn.body["consent_history"].as_array().unwrap().len(), 2, "the history keeps both");
    // Changing the owner needs customer:assign, which a consultant lacks.
    let give = json!({"version": withdrawn.body["version"], "owner_id": null});
    assert_eq!(t.send(Method::PATCH, &path, Auth::Session(&consultant), Some(give)).await.status, StatusCode::FORBIDDEN);
});

pub fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
