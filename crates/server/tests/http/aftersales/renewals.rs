//! Insurance policies and renewals (续保) through the API: policies per car, the daily job
//! opening a renewal 90 days before a policy ends (on the manual clock, through the job
//! runner) and giving it to an agent with a call task, the agent's own scope, calls, quotes
//! and results, the renewal rate, and the job run twice or twice at once opening one renewal.

use crate::http::support::{Auth, PASSWORD, Session, TestApp, World, ok, post, world};
use axum::http::{Method, StatusCode};
use chrono::Duration;
use forecourt_admin::AdminExt as _;
use forecourt_aftersales::AfterSalesExt as _;
use forecourt_domain::role::BuiltinRole::{self, *};
use forecourt_kernel::jobs::{JobRegistry, JobRunner, RunnerOptions};
use serde_json::{Value, json};

/// The second renewal agent's username (after `da-renewal-agent` by name).
const SECOND_AGENT: &str = "da-renewal-b";

struct Fixture {
    w: World,
    /// A car of a customer, and its owner.
    vehicle_id: String,
    customer_id: String,
}

async fn login(t: &TestApp, w: &World, role: BuiltinRole) -> Session {
    t.login(&w.a.username(role)).await
}

/// Two dealers, a second renewal agent in dealer A and a customer's car there.
async fn fixture(t: &TestApp) -> Fixture {
    let w = world(t).await;
    let system = t
        .app
        .system_actor(w.a.dealer_id.parse().unwrap())
        .await
        .unwrap();
    t.app
        .admin()
        .create_user(
            &system,
            serde_json::from_value(json!({
                "username": SECOND_AGENT, "display_name": "续保专员二", "password": PASSWORD,
                "role": "renewal_agent",
            }))
            .unwrap(),
        )
        .await
        .unwrap();
    let (vehicle_id, customer_id) = customer_with_car(t, &w, "王芳", "13700001111", 1).await;
    Fixture {
        w,
        vehicle_id,
        customer_id,
    }
}

/// A customer with one car, registered by the service advisor: (vehicle id, customer id).
async fn customer_with_car(
    t: &TestApp,
    w: &World,
    name: &str,
    phone: &str,
    n: u32,
) -> (String, String) {
    let advisor = login(t, w, ServiceAdvisor).await;
    let body = ok(
        post(
            t,
            &advisor,
            "/api/v1/customers",
            json!({
                "name": name, "phones": [{"number": phone}], "allow_duplicate": true,
                "vehicles": [{"vin": crate::http::stock::vin(700 + n), "plate": format!("浙A2{n:04}"),
                    "brand": "大众", "series": "途观L"}],
            }),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    (
        body["vehicles"][0]["id"].as_str().unwrap().to_owned(),
        body["id"].as_str().unwrap().to_owned(),
    )
}

/// Records a policy as the service advisor; the reply.
async fn add_policy(
    t: &TestApp,
    w: &World,
    vehicle: &str,
    body: Value,
) -> crate::http::support::Reply {
    let advisor = login(t, w, ServiceAdvisor).await;
    post(
        t,
        &advisor,
        &format!("/api/v1/vehicles/{vehicle}/policies"),
        body,
    )
    .await
}

fn policy(kind: &str, no: &str, starts: &str, ends: &str) -> Value {
    json!({"kind": kind, "insurer": "中国人保", "policy_no": no, "premium_fen": 480_000,
        "starts_on": starts, "ends_on": ends})
}

async fn renewals(t: &TestApp, s: &Session, query: &str) -> Vec<Value> {
    let reply = t
        .get(&format!("/api/v1/renewals{query}"), Auth::Session(s))
        .await;
    ok(reply, StatusCode::OK).await["items"]
        .as_array()
        .cloned()
        .unwrap()
}

crate::http_test!(async fn policies_are_checked_per_car_and_insurer(t) {
    let f = fixture(&t).await;
    let created = ok(
        add_policy(&t, &f.w, &f.vehicle_id, policy("commercial", "PDAA2026001", "2026-03-01", "2027-02-28")).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(created["customer_id"], f.customer_id.as_str());
    assert_eq!(created["sold_here"], false);
    // The same number with the same insurer: 409; with another insurer it is another policy.
    let twice = add_policy(&t, &f.w, &f.vehicle_id, policy("compulsory", "PDAA2026001", "2026-03-01", "2027-02-28")).await;
    assert_eq!(twice.status, StatusCode::CONFLICT, "{:?}", twice.body);
    let mut other = policy("compulsory", "PDAA2026001", "2026-03-01", "2027-02-28");
    other["insurer"] = "平安产险".into();
    ok(add_policy(&t, &f.w, &f.vehicle_id, other).await, StatusCode::CREATED).await;
    // Every bad field is named at once.
    let bad = add_policy(&t, &f.w, &f.vehicle_id, json!({"kind": "commercial", "insurer": " ",
        "policy_no": "X1", "premium_fen": -1, "starts_on": "2026-03-01", "ends_on": "2026-03-01"})).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", bad.body);
    let fields: Vec<&str> = bad.body["errors"].as_array().unwrap().iter()
        .filter_map(|e| e["field"].as_str()).collect();
    for field in ["insurer", "premium_fen", "ends_on"] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    // A consultant may not record policies; another dealer's car is 404.
    let consultant = login(&t, &f.w, SalesConsultant).await;
    let denied = post(&t, &consultant, &format!("/api/v1/vehicles/{}/policies", f.vehicle_id),
        policy("commercial", "PDAA2026009", "2026-03-01", "2027-02-28")).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    let foreign_admin = t.login(&f.w.b.username(Admin)).await;
    let foreign = post(&t, &foreign_admin, &format!("/api/v1/vehicles/{}/policies", f.vehicle_id),
        policy("commercial", "PDAA2026009", "2026-03-01", "2027-02-28")).await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    // A correction with a stale version: 409; with the version read: saved.
    let advisor = login(&t, &f.w, ServiceAdvisor).await;
    let path = format!("/api/v1/policies/{}", created["id"].as_str().unwrap());
    let fixed = t.send(Method::PATCH, &path, Auth::Session(&advisor),
        Some(json!({"version": created["version"], "premium_fen": 500_000}))).await;
    let fixed = ok(fixed, StatusCode::OK).await;
    assert_eq!(fixed["premium_fen"], 500_000);
    let stale = t.send(Method::PATCH, &path, Auth::Session(&advisor),
        Some(json!({"version": created["version"], "premium_fen": 510_000}))).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let listed = t.get(&format!("/api/v1/vehicles/{}/policies", f.vehicle_id), Auth::Session(&advisor)).await;
    assert_eq!(ok(listed, StatusCode::OK).await.as_array().unwrap().len(), 2);
    let ending = t.get("/api/v1/policies?ends_from=2027-02-01&ends_to=2027-03-31", Auth::Session(&advisor)).await;
    assert_eq!(ok(ending, StatusCode::OK).await["items"].as_array().unwrap().len(), 2);
});

crate::http_test!(async fn a_renewal_opens_90_days_before_and_is_worked_by_its_agent(t) {
    let f = fixture(&t).await;
    // Today is 2 November 2026 in Shanghai: 1 February 2027 is 91 days away.
    ok(add_policy(&t, &f.w, &f.vehicle_id, policy("commercial", "PDAA2026100", "2026-02-02", "2027-02-01")).await, StatusCode::CREATED).await;
    ok(add_policy(&t, &f.w, &f.vehicle_id, policy("compulsory", "JQ2026100", "2026-06-02", "2027-06-01")).await, StatusCode::CREATED).await;
    assert_eq!(t.app.aftersales().open_renewals().await.unwrap(), 0, "91 days away");
    // The daily job, on the next day: 90 days away, opened once.
    t.app.ensure_schedules().await.unwrap();
    let runner = JobRunner::new(t.app.clone(), JobRegistry::builtin(), RunnerOptions::default());
    t.clock.advance(Duration::days(1));
    runner.run_due_once().await.unwrap();
    assert_eq!(t.count("renewals").await, 1);
    runner.run_due_once().await.unwrap();
    assert_eq!(t.count("renewals").await, 1);

    // The agent (first by name, both without renewals) sees it with 90 days left.
    let agent = login(&t, &f.w, RenewalAgent).await;
    let mine = renewals(&t, &agent, "?status=open").await;
    assert_eq!(mine.len(), 1, "{mine:?}");
    let r = &mine[0];
    assert_eq!(r["days_left"], 90);
    assert_eq!(r["due_on"], "2027-02-01");
    assert_eq!(r["customer"]["phone"], "13700001111");
    assert_eq!(r["policy"]["policy_no"], "PDAA2026100");
    let id = r["id"].as_str().unwrap().to_owned();
    // Another agent sees none of it; a consultant may not read renewals at all.
    let other = t.login(SECOND_AGENT).await;
    assert!(renewals(&t, &other, "").await.is_empty());
    let hidden = t.get(&format!("/api/v1/renewals/{id}"), Auth::Session(&other)).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    let call = post(&t, &other, &format!("/api/v1/renewals/{id}/calls"), json!({"outcome": "no_answer"})).await;
    assert_eq!(call.status, StatusCode::NOT_FOUND);
    let consultant = login(&t, &f.w, SalesConsultant).await;
    let denied = t.get("/api/v1/renewals", Auth::Session(&consultant)).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    let denied = t.get(&format!("/api/v1/renewals/{id}"), Auth::Session(&consultant)).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);

    // The call task is locked: ticking it off is refused, only a logged call closes it.
    let task_id = r["task_id"].as_str().unwrap().to_owned();
    let task = ok(t.get(&format!("/api/v1/activities/{task_id}"), Auth::Session(&agent)).await, StatusCode::OK).await;
    assert_eq!(task["completion_locked"], true);
    assert_eq!(task["cancel_needs_approval"], true);
    assert_eq!(task["owner"]["id"], r["agent"]["id"]);
    let tick = post(&t, &agent, &format!("/api/v1/activities/{task_id}/complete"), json!({"version": task["version"]})).await;
    assert_eq!(tick.status, StatusCode::CONFLICT, "{:?}", tick.body);
    let path = format!("/api/v1/renewals/{id}");
    let missing = post(&t, &agent, &format!("{path}/calls"), json!({"outcome": "call_back"})).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(missing.body["errors"][0]["field"], "next_call_on");
    let called = ok(post(&t, &agent, &format!("{path}/calls"),
        json!({"outcome": "call_back", "notes": "客户开会，下周再打", "next_call_on": "2026-11-10"})).await,
        StatusCode::CREATED).await;
    let done = ok(t.get(&format!("/api/v1/activities/{task_id}"), Auth::Session(&agent)).await, StatusCode::OK).await;
    assert_eq!(done["status"], "done");
    assert_eq!(done["outcome"], "call_back");
    let next_task = called["renewal"]["task_id"].as_str().unwrap().to_owned();
    assert_ne!(next_task, task_id);
    // Quotes from two insurers, then a call that ends without a next one.
    for (insurer, premium) in [("中国人保", 452_000), ("平安产险", 438_000)] {
        ok(post(&t, &agent, &format!("{path}/quotes"),
            json!({"insurer": insurer, "premium_fen": premium, "notes": "车损+三者200万"})).await,
            StatusCode::CREATED).await;
    }
    let quoted = ok(post(&t, &agent, &format!("{path}/calls"), json!({"outcome": "quoted"})).await, StatusCode::CREATED).await;
    assert!(quoted["renewal"]["task_id"].is_null());
    let read = ok(t.get(&path, Auth::Session(&agent)).await, StatusCode::OK).await;
    let kinds: Vec<&str> = read["events"].as_array().unwrap().iter().filter_map(|e| e["kind"].as_str()).collect();
    assert_eq!(kinds, ["call", "quote", "quote", "call"]);

    // The result: every missing field named; a stale version 409; then renewed here.
    let version = read["renewal"]["version"].clone();
    let bad = post(&t, &agent, &format!("{path}/result"), json!({"status": "renewed_here", "version": version})).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = bad.body["errors"].as_array().unwrap().iter().filter_map(|e| e["field"].as_str()).collect();
    assert_eq!(fields, ["insurer", "new_policy"]);
    let lost = post(&t, &agent, &format!("{path}/result"), json!({"status": "lost", "version": version})).await;
    assert_eq!(lost.body["errors"][0]["field"], "lost_reason");
    let stale = post(&t, &agent, &format!("{path}/result"), json!({"status": "lost", "lost_reason": "price", "version": 0})).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let closed = ok(post(&t, &agent, &format!("{path}/result"), json!({
        "status": "renewed_here", "insurer": "平安产险", "version": version,
        "new_policy": {"policy_no": "PA2027000123", "premium_fen": 438_000, "starts_on": "2027-02-02", "ends_on": "2028-02-01"},
    })).await, StatusCode::OK).await;
    assert_eq!(closed["renewal"]["status"], "renewed_here");
    assert!(closed["renewal"]["closed_at"].is_string());
    let policies = ok(t.get(&format!("/api/v1/vehicles/{}/policies", f.vehicle_id), Auth::Session(&agent)).await, StatusCode::OK).await;
    let new = &policies[0];
    assert_eq!(new["policy_no"], "PA2027000123");
    assert_eq!(new["sold_here"], true);
    assert_eq!(closed["renewal"]["new_policy_id"], new["id"]);
    let again = post(&t, &agent, &format!("{path}/calls"), json!({"outcome": "no_answer"})).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(t.count_where("activities", "ref_type = 'renewal' AND status = 'planned'").await, 0);
    assert_eq!(t.count_where("customer_events", "kind = 'renewal.opened'").await, 1);
    assert_eq!(t.count_where("customer_events", "kind = 'renewal.closed'").await, 1);
    for action in ["renewal.opened", "renewal.call_logged", "renewal.quote_added", "renewal.closed", "insurance_policy.created"] {
        assert!(t.count_where("audit_events", &format!("action = '{action}'")).await >= 1, "{action}");
    }
    // The new policy is the car's latest commercial one: its renewal opens 90 days before it
    // ends, and none opens again for the old one.
    t.clock.advance(Duration::days(365));
    assert_eq!(t.app.aftersales().open_renewals().await.unwrap(), 1, "the new policy");
    assert_eq!(t.count("renewals").await, 2);
});

crate::http_test!(async fn the_next_renewal_goes_to_the_previous_agent_and_load_decides_otherwise(t) {
    let f = fixture(&t).await;
    let (car2, _) = customer_with_car(&t, &f.w, "李强", "13700002222", 2).await;
    ok(add_policy(&t, &f.w, &f.vehicle_id, policy("commercial", "P-1", "2026-01-01", "2026-12-01")).await, StatusCode::CREATED).await;
    ok(add_policy(&t, &f.w, &car2, policy("commercial", "P-2", "2026-01-01", "2026-12-02")).await, StatusCode::CREATED).await;
    assert_eq!(t.app.aftersales().open_renewals().await.unwrap(), 2);
    // One each: the first agent by name, then the one with fewer open renewals.
    let manager = login(&t, &f.w, ServiceManager).await;
    let all = renewals(&t, &manager, "").await;
    assert_eq!(all.len(), 2);
    assert_ne!(all[0]["agent"]["id"], all[1]["agent"]["id"]);
    // The manager hands the first to the second agent; its task follows.
    let first = &all[0];
    let second_agent = all[1]["agent"]["id"].clone();
    let moved = ok(post(&t, &manager, &format!("/api/v1/renewals/{}/assign", first["id"].as_str().unwrap()),
        json!({"agent_id": second_agent})).await, StatusCode::OK).await;
    assert_eq!(moved["renewal"]["agent"]["id"], second_agent);
    let task = ok(t.get(&format!("/api/v1/activities/{}", first["task_id"].as_str().unwrap()), Auth::Session(&manager)).await, StatusCode::OK).await;
    assert_eq!(task["owner"]["id"], second_agent);
    // A consultant does not work renewals.
    let refused = post(&t, &manager, &format!("/api/v1/renewals/{}/assign", first["id"].as_str().unwrap()),
        json!({"agent_id": f.w.a.target_user_id})).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", refused.body);
    // The car's next policy: its renewal goes to the agent of the car's previous renewal.
    ok(add_policy(&t, &f.w, &f.vehicle_id, policy("commercial", "P-3", "2026-12-02", "2027-12-01")).await, StatusCode::CREATED).await;
    t.clock.advance(Duration::days(310));
    assert_eq!(t.app.aftersales().open_renewals().await.unwrap(), 1);
    let manager = login(&t, &f.w, ServiceManager).await;
    let next = renewals(&t, &manager, "?due_from=2027-12-01&due_to=2027-12-01").await;
    assert_eq!(next.len(), 1);
    assert_eq!(next[0]["agent"]["id"], second_agent);
});

crate::http_test!(async fn opening_twice_or_twice_at_once_opens_one_renewal_per_policy(t) {
    let f = fixture(&t).await;
    for n in 0..3 {
        ok(add_policy(&t, &f.w, &f.vehicle_id, policy(if n == 0 { "compulsory" } else { "commercial" },
            &format!("PX-{n}"), "2026-01-01", &format!("2026-12-0{}", n + 1))).await, StatusCode::CREATED).await;
    }
    let (first, second) = (t.app.aftersales(), t.app.aftersales());
    let (a, b) = tokio::join!(first.open_renewals(), second.open_renewals());
    // Two commercial policies of one car: only the latest is renewed.
    assert_eq!(a.unwrap() + b.unwrap(), 2);
    assert_eq!(t.app.aftersales().open_renewals().await.unwrap(), 0);
    assert_eq!(t.count("renewals").await, 2);
    assert_eq!(t.count_where("activities", "ref_type = 'renewal'").await, 2);
});

crate::http_test!(async fn the_renewal_rate_counts_each_agents_months_exactly(t) {
    let f = fixture(&t).await;
    // Four policies ending in December, one in January: five renewals shared by two agents.
    let ends = ["2026-12-05", "2026-12-10", "2026-12-15", "2026-12-20", "2027-01-10"];
    for (n, end) in ends.iter().enumerate() {
        let (car, _) = customer_with_car(&t, &f.w, &format!("客户{n}"), &format!("1370000300{n}"), 10 + n as u32).await;
        ok(add_policy(&t, &f.w, &car, policy("commercial", &format!("R-{n}"), "2026-01-01", end)).await, StatusCode::CREATED).await;
    }
    assert_eq!(t.app.aftersales().open_renewals().await.unwrap(), 5);
    let manager = login(&t, &f.w, ServiceManager).await;
    let all = renewals(&t, &manager, "").await;
    let results = [
        json!({"status": "renewed_here", "insurer": "中国人保", "new_policy": {"policy_no": "N-0", "premium_fen": 400_000, "starts_on": "2026-12-06", "ends_on": "2027-12-05"}}),
        json!({"status": "renewed_elsewhere", "insurer": "太平洋保险"}),
        json!({"status": "lost", "lost_reason": "sold_car"}),
        json!({"status": "renewed_here", "insurer": "平安产险", "new_policy": {"policy_no": "N-3", "premium_fen": 400_000, "starts_on": "2026-12-21", "ends_on": "2027-12-20"}}),
    ];
    for (r, result) in all.iter().zip(results) {
        let mut body = result;
        body["version"] = r["version"].clone();
        ok(post(&t, &manager, &format!("/api/v1/renewals/{}/result", r["id"].as_str().unwrap()), body).await, StatusCode::OK).await;
    }
    let rate = ok(t.get("/api/v1/renewals/rate?from=2026-12-01&to=2027-01-31", Auth::Session(&manager)).await, StatusCode::OK).await;
    let totals = &rate["totals"];
    assert_eq!((totals["due"].as_i64(), totals["renewed_here"].as_i64(), totals["renewed_elsewhere"].as_i64(),
        totals["lost"].as_i64(), totals["open"].as_i64(), totals["rate_bp"].as_i64()),
        (Some(5), Some(2), Some(1), Some(1), Some(1), Some(4_000)));
    let rows = rate["rows"].as_array().unwrap();
    let due: i64 = rows.iter().map(|r| r["due"].as_i64().unwrap()).sum();
    assert_eq!(due, 5);
    let months: Vec<&str> = rows.iter().filter_map(|r| r["month"].as_str()).collect();
    assert!(months.contains(&"2026-12") && months.contains(&"2027-01"), "{months:?}");
    for row in rows {
        let here = row["renewed_here"].as_i64().unwrap();
        let due = row["due"].as_i64().unwrap();
        assert_eq!(row["rate_bp"].as_i64(), (due > 0).then(|| (here * 10_000 + due / 2) / due));
    }
    // An agent sees their own rows only.
    let agent = login(&t, &f.w, RenewalAgent).await;
    let own = ok(t.get("/api/v1/renewals/rate?from=2026-12-01&to=2027-01-31", Auth::Session(&agent)).await, StatusCode::OK).await;
    let own_rows = own["rows"].as_array().unwrap();
    assert!(!own_rows.is_empty());
    let me = own_rows[0]["agent"]["id"].clone();
    assert!(own_rows.iter().all(|r| r["agent"]["id"] == me));
    assert!(own["totals"]["due"].as_i64().unwrap() < 5);
    let bad = t.get("/api/v1/renewals/rate?from=2027-01-31&to=2026-12-01", Auth::Session(&manager)).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
});

crate::http_test!(async fn the_demo_works_renewals_through_the_use_cases(t) {
    use forecourt_demo::DemoExt as _;
    t.app.demo().load_demo_with(10, &|_| {}).await.unwrap();
    assert!(t.count("insurance_policies").await > 10);
    let closed = t.count_where("renewals", "status <> 'open'").await;
    let open = t.count_where("renewals", "status = 'open'").await;
    assert!(closed > 0 && open > 0, "{closed} closed, {open} open");
    assert!(t.count_where("renewal_events", "kind = 'quote'").await > 0);
    // The agent's call list and the manager's rate table have something in them.
    let agent = t.login_with("hz-renewal", forecourt_demo::DEMO_PASSWORD).await;
    let mine = renewals(&t, &agent, "?status=open").await;
    assert!(!mine.is_empty());
    assert!(mine.iter().all(|r| r["customer"]["phone_whole"] == true));
    let manager = t.login_with("hz-service-manager", forecourt_demo::DEMO_PASSWORD).await;
    let rate = ok(
        t.get("/api/v1/renewals/rate?from=2026-06-01&to=2026-11-30", Auth::Session(&manager)).await,
        StatusCode::OK,
    )
    .await;
    assert!(rate["totals"]["renewed_here"].as_i64().unwrap() > 0, "{rate:?}");
    // Loading it again adds nothing.
    let policies = t.count("insurance_policies").await;
    t.app.demo().load_demo_with(10, &|_| {}).await.unwrap();
    assert_eq!(t.count("insurance_policies").await, policies);
});

crate::http_test!(async fn an_approved_cancellation_of_a_renewal_call_brings_the_next_call(t) {
    let f = fixture(&t).await;
    // 90 days from today (2 November 2026 in Shanghai).
    ok(add_policy(&t, &f.w, &f.vehicle_id, policy("commercial", "PDAA2026200", "2026-02-01", "2027-01-31")).await, StatusCode::CREATED).await;
    assert_eq!(t.app.aftersales().open_renewals().await.unwrap(), 1);
    let agent = login(&t, &f.w, RenewalAgent).await;
    let r = renewals(&t, &agent, "?status=open").await.remove(0);
    let task_id = r["task_id"].as_str().unwrap().to_owned();
    let task = ok(t.get(&format!("/api/v1/activities/{task_id}"), Auth::Session(&agent)).await, StatusCode::OK).await;
    // The agent asks to cancel it: it stays due until the manager approves.
    let asked = ok(post(&t, &agent, &format!("/api/v1/activities/{task_id}/cancel"),
        json!({"version": task["version"], "reason": "客户出国，下月回来"})).await, StatusCode::OK).await;
    assert_eq!(asked["status"], "planned");
    let approval = asked["pending_approval_id"].as_str().unwrap().to_owned();
    assert_eq!(t.app.aftersales().open_renewals().await.unwrap(), 0);
    let still = renewals(&t, &agent, "?status=open").await.remove(0);
    assert_eq!(still["task_id"], task_id.as_str(), "nothing changes while the request waits");
    let manager = login(&t, &f.w, ServiceManager).await;
    let request = ok(t.get(&format!("/api/v1/approvals/{approval}"), Auth::Session(&manager)).await, StatusCode::OK).await;
    ok(post(&t, &manager, &format!("/api/v1/approvals/{approval}/approve"), json!({"version": request["version"]})).await, StatusCode::OK).await;
    let gone = ok(t.get(&format!("/api/v1/activities/{task_id}"), Auth::Session(&agent)).await, StatusCode::OK).await;
    assert_eq!(gone["status"], "cancelled");

    // The next daily run gives the agent the next call, due that day; a second run adds none.
    t.clock.advance(Duration::days(1));
    t.app.aftersales().open_renewals().await.unwrap();
    t.app.aftersales().open_renewals().await.unwrap();
    let agent = login(&t, &f.w, RenewalAgent).await;
    let r = renewals(&t, &agent, "?status=open").await.remove(0);
    let next = r["task_id"].as_str().expect("a new call task").to_owned();
    assert_ne!(next, task_id);
    let task = ok(t.get(&format!("/api/v1/activities/{next}"), Auth::Session(&agent)).await, StatusCode::OK).await;
    assert_eq!((task["status"].as_str(), task["kind"].as_str()), (Some("planned"), Some("call")));
    assert_eq!(task["cancel_needs_approval"], true);
    assert_eq!(task["due_at"], "2026-11-03T15:59:59Z", "the end of the next day in Shanghai");
    assert_eq!(t.count_where("activities", "ref_type = 'renewal' AND status = 'planned'").await, 1);
    assert_eq!(t.count_where("audit_events", "action = 'renewal.call_rescheduled'").await, 1);
});
