//! Lists: customer filters, keyset pages, capped counts, bulk actions, saved views, sources;
//! the lead list's keyword search and created-date filter.

use super::customers::{create, urlencode};
use super::support::{Auth, world};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

fn ids(reply: &Value) -> Vec<String> {
    reply["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect()
}

crate::http_test!(async fn filters_pages_and_counts(t) {
    let w = world(&t).await;
    let manager = t.login("da-sales-manager").await;
    let consultant_id = t.get("/api/v1/users?q=da-sales-consultant", Auth::Session(&manager)).await.body["items"][0]["id"].clone();
    let a = create(&t, &manager, json!({"name": "赵磊", "phones": [{"number": "13511112222"}], "source": "phone", "tags": ["VIP"], "owner_id": consultant_id,
        "consents": [{"channel": "sms", "granted": true, "method": "verbal"}], "vehicles": [{"plate": "浙A11111", "brand": "比亚迪"}]})).await;
    let b = create(&t, &manager, json!({"name": "钱芳", "phones": [{"number": "13533334444"}], "source": "web", "kind": "person"})).await;
    let c = create(&t, &manager, json!({"name": "杭州恒达贸易有限公司", "kind": "company", "phones": [{"number": "0571-88889999"}], "source": "web",
        "consents": [{"channel": "sms", "granted": false, "method": "written_form"}]})).await;

    let list = |query: &str| {
        let path = format!("/api/v1/customers?{query}");
        let t = &t;
        let manager = &manager;
        async move { t.get(&path, Auth::Session(manager)).await }
    };
    assert_eq!(ids(&list("source=web&sort=name").await.body).len(), 2);
    assert_eq!(ids(&list("tag=VIP").await.body), vec![a["id"].as_str().unwrap()]);
    assert_eq!(ids(&list("brand=%E6%AF%94%E4%BA%9A%E8%BF%AA").await.body), vec![a["id"].as_str().unwrap()]);
    assert!(ids(&list("brand=%E7%89%B9%E6%96%AF%E6%8B%89").await.body).is_empty(), "a brand nobody owns");
    assert_eq!(ids(&list("consent=sms").await.body), vec![a["id"].as_str().unwrap()], "a refusal is not consent");
    assert_eq!(ids(&list("kind=company").await.body), vec![c["id"].as_str().unwrap()]);
    assert_eq!(ids(&list(&format!("owner_id={}", consultant_id.as_str().unwrap())).await.body), vec![a["id"].as_str().unwrap()]);
    assert_eq!(ids(&list(&format!("team_id={}", w.a.team_id)).await.body).len(), 3, "consultant and manager are in the team");
    assert_eq!(ids(&list("unowned=true").await.body).len(), 0);
    assert_eq!(ids(&list(&format!("q={}", urlencode("恒达"))).await.body), vec![c["id"].as_str().unwrap()]);
    let future = list("created_from=2099-01-01T00:00:00Z").await;
    assert!(ids(&future.body).is_empty());
    let _ = b;

    // Keyset pages: newest first, two at a time, every customer once.
    let first = list("limit=2&with_count=true").await;
    assert_eq!(first.body["count"], 3);
    assert_eq!(first.body["count_capped"], false);
    let cursor = first.body["next_cursor"].as_str().unwrap();
    let second = list(&format!("limit=2&cursor={cursor}")).await;
    let mut all = ids(&first.body);
    all.extend(ids(&second.body));
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 3);
    assert!(second.body.get("next_cursor").is_none());
});

crate::http_test!(async fn counts_stop_at_a_thousand(t) {
    let _w = world(&t).await;
    let assistant = t.login("da-sales-assistant").await;
    let mut csv = String::from("姓名,手机\n");
    for i in 0..1005 {
        csv.push_str(&format!("客户{i},139{i:08}\n"));
    }
    let request = axum::http::Request::builder()
        .method(Method::POST)
        .uri("/api/v1/customer-imports?filename=big.csv")
        .header(axum::http::header::COOKIE, format!("forecourt_session={}", assistant.cookie))
        .header("x-csrf-token", &assistant.csrf)
        .body(axum::body::Body::from(csv))
        .unwrap();
    let response = tower::ServiceExt::oneshot(t.router.clone(), request).await.unwrap();
    let file: Value = serde_json::from_slice(&http_body_util::BodyExt::collect(response.into_body()).await.unwrap().to_bytes()).unwrap();
    let run = t
        .send(Method::POST, &format!("/api/v1/customer-imports/{}/run", file["id"].as_str().unwrap()), Auth::Session(&assistant), Some(json!({"mapping": file["suggested_mapping"]})))
        .await;
    assert_eq!(run.body["created"], 1005, "{:?}", run.body);
    let page = t.get("/api/v1/customers?with_count=true&limit=10", Auth::Session(&assistant)).await;
    assert_eq!(page.body["count"], 1000);
    assert_eq!(page.body["count_capped"], true);
    assert_eq!(page.body["items"].as_array().unwrap().len(), 10);
});

crate::http_test!(async fn bulk_assign_and_tag_are_audited_per_customer(t) {
    let _w = world(&t).await;
    let manager = t.login("da-sales-manager").await;
    let mut picked = Vec::new();
    for (name, phone) in [("孙丽", "13811110001"), ("周杰", "13811110002"), ("吴敏", "13811110003")] {
        picked.push(create(&t, &manager, json!({"name": name, "phones": [{"number": phone}]})).await["id"].clone());
    }
    let consultant_id = t.get("/api/v1/users?q=da-sales-consultant", Auth::Session(&manager)).await.body["items"][0]["id"].clone();
    let assign = t.send(Method::POST, "/api/v1/customers/bulk", Auth::Session(&manager), Some(json!({"ids": picked, "action": {"assign_owner": {"owner_id": consultant_id}}}))).await;
    assert_eq!(assign.status, StatusCode::OK, "{:?}", assign.body);
    assert_eq!(assign.body["changed"], 3);
    let tag = t.send(Method::POST, "/api/v1/customers/bulk", Auth::Session(&manager), Some(json!({"ids": picked, "action": {"add_tag": {"tag": "车展邀约"}}}))).await;
    assert_eq!(tag.body["changed"], 3);
    let again = t.send(Method::POST, "/api/v1/customers/bulk", Auth::Session(&manager), Some(json!({"ids": picked, "action": {"add_tag": {"tag": "车展邀约"}}}))).await;
    assert_eq!(again.body["changed"], 0, "already tagged");
    let admin = t.login("da-admin").await;
    let audit = t.get("/api/v1/audit-events?action=customer.owner_changed", Auth::Session(&admin)).await;
    assert_eq!(audit.body["items"].as_array().unwrap().len(), 3);
    let consultant = t.login("da-sales-consultant").await;
    assert_eq!(ids(&t.get("/api/v1/customers", Auth::Session(&consultant)).await.body).len(), 3, "now the consultant's");
    // A consultant cannot reassign; nor touch customers outside their reach.
    let denied = t.send(Method::POST, "/api/v1/customers/bulk", Auth::Session(&consultant), Some(json!({"ids": picked, "action": {"assign_owner": {"owner_id": null}}}))).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    let foreign = create(&t, &manager, json!({"name": "郑强", "phones": [{"number": "13811110009"}]})).await;
    let mixed = t.send(Method::POST, "/api/v1/customers/bulk", Auth::Session(&consultant), Some(json!({"ids": [picked[0], foreign["id"]], "action": {"add_tag": {"tag": "x"}}}))).await;
    assert_eq!(mixed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(mixed.body["errors"][0]["code"], "unknown_customer");
});

crate::http_test!(async fn saved_views_are_private_and_sources_configurable(t) {
    let _w = world(&t).await;
    let consultant = t.login("da-sales-consultant").await;
    let view = t.send(Method::POST, "/api/v1/saved-views", Auth::Session(&consultant), Some(json!({"resource": "customers", "name": "我的VIP", "query": {"tag": "VIP", "sort": "name"}}))).await;
    assert_eq!(view.status, StatusCode::CREATED, "{:?}", view.body);
    let mine = t.get("/api/v1/saved-views?resource=customers", Auth::Session(&consultant)).await;
    assert_eq!(mine.body[0]["query"]["tag"], "VIP");
    let manager = t.login("da-sales-manager").await;
    assert!(t.get("/api/v1/saved-views?resource=customers", Auth::Session(&manager)).await.body.as_array().unwrap().is_empty());
    let theirs = t.send(Method::DELETE, &format!("/api/v1/saved-views/{}", view.body["id"].as_str().unwrap()), Auth::Session(&manager), None).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);

    let admin = t.login("da-admin").await;
    let sources = t.get("/api/v1/lookups/source", Auth::Session(&admin)).await;
    let keys: Vec<&str> = sources.body.as_array().unwrap().iter().map(|s| s["key"].as_str().unwrap()).collect();
    assert!(keys.starts_with(&["walk_in", "phone", "web", "oem"]), "{keys:?}");
    let dongchedi = t.send(Method::POST, "/api/v1/lookups/source", Auth::Session(&admin), Some(json!({"key": "dongchedi", "name": "懂车帝"}))).await;
    assert_eq!(dongchedi.status, StatusCode::CREATED);
    let customer = create(&t, &consultant, json!({"name": "何静", "phones": [{"number": "13822223333"}], "source": "dongchedi"})).await;
    assert_eq!(customer["source"], "dongchedi");
    let off = t.send(Method::PATCH, &format!("/api/v1/lookups/source/{}", dongchedi.body["id"].as_str().unwrap()), Auth::Session(&admin), Some(json!({"version": 1, "active": false}))).await;
    assert_eq!(off.body["active"], false);
    let refused = t.send(Method::POST, "/api/v1/customers", Auth::Session(&consultant), Some(json!({"name": "许婷", "phones": [{"number": "13822224444"}], "source": "dongchedi"}))).await;
    assert_eq!(refused.body["errors"][0]["code"], "unknown_source");
});

crate::http_test!(async fn the_lead_list_finds_leads_by_name_or_phone_and_by_creation_day(t) {
    let w = world(&t).await;
    let manager = t.login(&w.a.username(forecourt_domain::role::BuiltinRole::SalesManager)).await;
    let mut lead_ids = Vec::new();
    for (name, phone) in [("诸葛明", "13912340001"), ("欧阳娜", "13912345678")] {
        let reply = t
            .send(
                Method::POST,
                "/api/v1/receptions",
                Auth::Session(&manager),
                Some(json!({"customer": {"name": name, "phones": [{"number": phone}]},
                    "party_size": 1, "models": [{"text": "途观L"}], "test_drive": false, "grade": "B"})),
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{:?}", reply.body);
        lead_ids.push(reply.body["lead"]["id"].as_str().unwrap().to_owned());
    }
    let list = |query: String| {
        let t = &t;
        let manager = &manager;
        async move {
            let reply = t.get(&format!("/api/v1/leads?{query}"), Auth::Session(manager)).await;
            assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
            ids(&reply.body)
        }
    };
    assert_eq!(list(format!("q={}", urlencode("诸葛"))).await, [lead_ids[0].clone()], "by name");
    assert_eq!(list("q=5678".into()).await, [lead_ids[1].clone()], "by the phone's last four digits");
    assert_eq!(list("q=13912345678".into()).await, [lead_ids[1].clone()], "by the whole phone");
    assert!(list(format!("q={}", urlencode("无此人"))).await.is_empty(), "nobody by that name");
    assert_eq!(list("q=%20%20".into()).await.len(), 2, "a blank search is no search");
    let today = t.clock_now().format("%Y-%m-%dT00:00:00Z").to_string();
    assert_eq!(list(format!("created_from={today}")).await.len(), 2);
    assert!(list(format!("created_to={today}")).await.is_empty(), "none created before today");
    let board = t.get(&format!("/api/v1/leads/board?q={}", urlencode("欧阳")), Auth::Session(&manager)).await;
    let on_board: i64 = board.body["columns"].as_array().unwrap().iter().map(|c| c["count"].as_i64().unwrap()).sum();
    assert_eq!(on_board, 1, "the board searches too");

    // A consultant's search stays within their own leads.
    let consultant = t.login(&w.a.username(forecourt_domain::role::BuiltinRole::SalesConsultant)).await;
    let theirs = t.get("/api/v1/leads?q=5678", Auth::Session(&consultant)).await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(ids(&theirs.body).is_empty(), "another consultant's lead is not found");
});
