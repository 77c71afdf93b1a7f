//! The audit log as an auditor reads it: records by name (masked as the reader may see them),
//! ids inside changes resolved to names, and every key the server writes — action, record
//! type, field, value — listed in the web app's vocabulary, which the app translates into
//! every language (checked by `web/src/pages/admin/audit/vocabulary.test.ts`).

use super::support::{Auth, Session, TestApp, World, world};
use axum::http::{Method, StatusCode};
use forecourt_demo::DEMO_PASSWORD;
use forecourt_demo::DemoExt as _;
use forecourt_domain::role::BuiltinRole::*;
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// The web app's list of audit keys.
const VOCABULARY: &str = include_str!("../../../../web/src/pages/admin/audit/vocabulary.json");

async fn session(t: &TestApp, w: &World, role: forecourt_domain::role::BuiltinRole) -> Session {
    t.login(&w.a.username(role)).await
}

/// Every event the reader may see, all pages.
async fn all_events(t: &TestApp, reader: &Session) -> Vec<Value> {
    let mut events = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/audit-events?limit=200&cursor={c}"),
            None => "/api/v1/audit-events?limit=200".to_owned(),
        };
        let page = t.get(&path, Auth::Session(reader)).await;
        assert_eq!(page.status, StatusCode::OK, "{:?}", page.body);
        events.extend(page.body["items"].as_array().unwrap().iter().cloned());
        match page.body["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => return events,
        }
    }
}

/// The keys of the events that the vocabulary lacks.
fn unlisted(events: &[Value]) -> BTreeSet<String> {
    let vocabulary: Value = serde_json::from_str(VOCABULARY).unwrap();
    let listed = |path: &[&str], key: &str| {
        let mut node = &vocabulary;
        for p in path {
            node = &node[*p];
        }
        node.as_array()
            .is_some_and(|keys| keys.iter().any(|k| k == key))
    };
    let free_text = |field: &str| listed(&["free_text"], field);
    let mut missing = BTreeSet::new();
    for event in events {
        let entity = event["entity_type"].as_str().unwrap();
        let action = event["action"].as_str().unwrap();
        let (prefix, verb) = action.split_once('.').unwrap();
        if !listed(&["actions", prefix], verb) {
            missing.insert(format!("action {action}"));
        }
        if vocabulary["actions"].get(entity).is_none() {
            missing.insert(format!("entity {entity}"));
        }
        for (field, change) in event["changes"].as_object().unwrap() {
            if !listed(&["fields"], field) {
                missing.insert(format!("field {field}"));
            }
            // A value that looks like a key (lower-case words) must be a listed value of its
            // field, unless the field holds free text or a key the app names otherwise
            // (lookups, roles).
            if free_text(field) {
                continue;
            }
            for side in ["before", "after"] {
                let values: Vec<&str> = match &change[side] {
                    Value::String(s) => vec![s.as_str()],
                    Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
                    _ => vec![],
                };
                for value in values {
                    let key_like = !value.is_empty()
                        && value.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                        && value.chars().next().is_some_and(|c| c.is_ascii_lowercase());
                    if key_like && !listed(&["values", field], value) {
                        missing.insert(format!("value {field}={value}"));
                    }
                }
            }
        }
    }
    missing
}

crate::http_test!(async fn every_key_the_demo_writes_is_in_the_vocabulary(t) {
    t.app.demo().load_demo_with(10, &|_| {}).await.unwrap();
    let admin = t.login_with("hz-admin", DEMO_PASSWORD).await;
    let events = all_events(&t, &admin).await;
    assert!(events.len() > 100, "{} events", events.len());
    let missing = unlisted(&events);
    assert!(missing.is_empty(), "not in vocabulary.json: {missing:#?}");
    // Names are resolved for the page: customers, leads and users by name, never a hash.
    for event in &events {
        let kind = event["entity_type"].as_str().unwrap();
        if ["customer", "lead", "user", "opportunity"].contains(&kind)
            && event["entity_id"].is_string()
            && !event["action"].as_str().unwrap().ends_with(".deleted")
        {
            let name = event["entity"]["name"].as_str().unwrap_or_default();
            assert!(!name.is_empty(), "no name: {event:?}");
        }
    }
});

crate::http_test!(async fn records_and_references_are_named_and_masked_for_the_reader(t) {
    let w = world(&t).await;
    let consultant = session(&t, &w, SalesConsultant).await;
    let manager = session(&t, &w, SalesManager).await;
    let admin = session(&t, &w, Admin).await;
    let received = t
        .send(
            Method::POST,
            "/api/v1/receptions",
            Auth::Session(&consultant),
            Some(json!({
                "customer": {"name": "欧阳娜娜", "phones": [{"number": "13900001234"}]},
                "party_size": 1, "models": [{"text": "途观L"}], "test_drive": false, "grade": "A",
            })),
        )
        .await;
    assert_eq!(received.status, StatusCode::CREATED, "{:?}", received.body);
    let lead_id = received.body["lead"]["id"].as_str().unwrap().to_owned();
    let customer_id = received.body["reception"]["customer"]["id"].as_str().unwrap().to_owned();
    let opened = t
        .send(
            Method::POST,
            &format!("/api/v1/leads/{lead_id}/opportunity"),
            Auth::Session(&consultant),
            Some(json!({})),
        )
        .await;
    assert_eq!(opened.status, StatusCode::CREATED, "{:?}", opened.body);
    let stages = t.get("/api/v1/pipeline-stages", Auth::Session(&consultant)).await;
    let quote = stages.body.as_array().unwrap().iter().find(|s| s["key"] == "quote").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let moved = t
        .send(
            Method::POST,
            &format!("/api/v1/opportunities/{}/stage", opened.body["id"].as_str().unwrap()),
            Auth::Session(&consultant),
            Some(json!({"version": opened.body["version"], "stage_id": quote})),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{:?}", moved.body);

    let events = all_events(&t, &admin).await;
    let find = |action: &str| {
        events
            .iter()
            .find(|e| e["action"] == action)
            .unwrap_or_else(|| panic!("no {action}"))
            .clone()
    };
    // The record by name, with what the page links to.
    let created = find("customer.created");
    assert_eq!(created["entity"]["name"], "欧阳娜娜", "{created:?}");
    assert_eq!(created["entity"]["customer_id"], customer_id.as_str());
    let lead = events
        .iter()
        .find(|e| e["entity_type"] == "lead" && e["entity_id"] == lead_id.as_str())
        .unwrap();
    assert_eq!(lead["entity"]["name"], "欧阳娜娜");
    // A stage move names both stages, with the built-in key for the app to translate.
    let stage_changed = find("opportunity.stage_changed");
    assert_eq!(stage_changed["entity"]["name"], "欧阳娜娜");
    let refs = &stage_changed["refs"];
    let after = stage_changed["changes"]["stage_id"]["after"].as_str().unwrap();
    assert_eq!(refs[after]["name"], "报价", "{stage_changed:?}");
    assert_eq!(refs[after]["key"], "quote");
    let before = stage_changed["changes"]["stage_id"]["before"].as_str().unwrap();
    assert_eq!(refs[before]["key"], "needs");
    // An owner id names the user.
    let owner = created["changes"]["owner_id"]["after"].as_str().unwrap();
    assert_eq!(created["refs"][owner]["entity_type"], "user");
    assert!(!created["refs"][owner]["name"].as_str().unwrap().is_empty());

    // The customer goes to a colleague: the consultant, reading their own past events, now
    // sees only the family name.
    let me = t.get("/api/v1/me", Auth::Session(&manager)).await;
    let manager_id = me.body["user"]["id"].as_str().unwrap().to_owned();
    let customer = t
        .get(&format!("/api/v1/customers/{customer_id}"), Auth::Session(&manager))
        .await;
    let handed = t
        .send(
            Method::PATCH,
            &format!("/api/v1/customers/{customer_id}"),
            Auth::Session(&manager),
            Some(json!({"version": customer.body["version"], "owner_id": manager_id})),
        )
        .await;
    assert_eq!(handed.status, StatusCode::OK, "{:?}", handed.body);
    let own = all_events(&t, &consultant).await;
    let created = own.iter().find(|e| e["action"] == "customer.created").unwrap();
    assert_eq!(created["entity"]["name"], "欧***", "{created:?}");
});

/// Every Rust source file of the use cases (the kernel and the modules) and of the audited
/// fields beside the entities.
fn core_sources() -> Vec<(std::path::PathBuf, String)> {
    let mut out = Vec::new();
    let crates = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut dirs: Vec<_> = [
        "kernel",
        "customers",
        "catalog",
        "work",
        "sales",
        "stock",
        "admin",
    ]
    .iter()
    .map(|c| crates.join(c).join("src"))
    .collect();
    dirs.push(crates.join("db/src/audited"));
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    out
}

/// Keys the code writes that no run of the demo may reach (a setting changed once a year):
/// every field named in a `.change("…")` or an `audit_fields` map, and every record type and
/// action of an `AuditEntry::action("…", "…")`, must be in the vocabulary.
#[test]
fn every_key_the_code_writes_is_in_the_vocabulary() {
    let vocabulary: Value = serde_json::from_str(VOCABULARY).unwrap();
    let listed = |list: &str, key: &str| {
        vocabulary[list]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k == key)
    };
    let field = regex::Regex::new(r#"(?:\.change|f\.insert)\(\s*"([a-z_]+)""#).unwrap();
    let action = regex::Regex::new(r#"AuditEntry::action\(\s*"([a-z_]+)",\s*"([a-z_]+)""#).unwrap();
    let mut missing = BTreeSet::new();
    let sources = core_sources();
    assert!(sources.len() > 50, "found {} files", sources.len());
    for (path, text) in &sources {
        let file = path.file_name().unwrap().to_string_lossy();
        for found in field.captures_iter(text) {
            let key = &found[1];
            if !listed("fields", key) && !listed("free_text", key) {
                missing.insert(format!("field {key} ({file})"));
            }
        }
        for found in action.captures_iter(text) {
            let (entity, verb) = (&found[1], &found[2]);
            let known = vocabulary["actions"][entity]
                .as_array()
                .is_some_and(|verbs| verbs.iter().any(|v| v == verb));
            if !known {
                missing.insert(format!("action {entity}.{verb} ({file})"));
            }
        }
    }
    assert!(missing.is_empty(), "not in vocabulary.json: {missing:#?}");
}

crate::http_test!(async fn a_record_without_a_name_is_not_called_deleted(t) {
    let w = world(&t).await;
    let admin = session(&t, &w, Admin).await;
    let settings = t.get("/api/v1/work-settings", Auth::Session(&admin)).await;
    let saved = t
        .send(
            Method::PATCH,
            "/api/v1/work-settings",
            Auth::Session(&admin),
            Some(json!({"version": settings.body["version"], "escalation_minutes": 90})),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let team = t
        .send(Method::POST, "/api/v1/teams", Auth::Session(&admin), Some(json!({"name": "临时小组"})))
        .await;
    assert_eq!(team.status, StatusCode::CREATED, "{:?}", team.body);
    let id = team.body["id"].as_str().unwrap();
    let gone = t
        .send(Method::DELETE, &format!("/api/v1/teams/{id}"), Auth::Session(&admin), None)
        .await;
    assert!(gone.status.is_success(), "{:?}", gone.body);

    let events = all_events(&t, &admin).await;
    let settings_event = events.iter().find(|e| e["entity_type"] == "work_settings").unwrap();
    assert_eq!(settings_event["entity_gone"], false, "{settings_event:?}");
    assert_eq!(settings_event["changes"]["escalation_minutes"]["after"], 90);
    let deleted = events.iter().find(|e| e["entity_type"] == "team" && e["entity_id"] == id).unwrap();
    assert_eq!(deleted["entity_gone"], true, "{deleted:?}");
    assert!(deleted["entity"].is_null());
});
