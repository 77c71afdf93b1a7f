//! Demo insurance: a commercial policy (and for most cars the compulsory one) for the cars of
//! each store's customers — most ending over the next year, a fifth within the renewal window,
//! some already past — recorded by the service advisor 150 days ago; then a clock walks to now,
//! the renewal job runs each morning and the store's renewal agent (`<prefix>-renewal`) works
//! what it opens: calls, insurers' quotes and results, so the call list and the rate table
//! have something in them. Skipped when the store already has policies.

use crate::fake::Faker;
use chrono::{DateTime, Duration, DurationRound, NaiveDate, Utc};
use forecourt_aftersales::AfterSalesExt as _;
use forecourt_aftersales::insurance::policies::PolicyQuery;
use forecourt_aftersales::insurance::read::RenewalQuery;
use forecourt_db::PageRequest;
use forecourt_db::repo::vehicles::{self, VehicleFilter};
use forecourt_db::repo::{Reach, users};
use forecourt_domain::aftersales::renewal::RenewalStatus;
use forecourt_domain::ids::RenewalId;
use forecourt_kernel::app::App;
use forecourt_kernel::auth::{Actor, user_actor};
use forecourt_kernel::clock::ManualClock;
use forecourt_kernel::error::CoreResult;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::Arc;

/// Days of renewal work before today.
const DAYS: i64 = 150;
/// Cars given policies per store.
const CARS: u64 = 120;
const INSURERS: [(&str, &str); 5] = [
    ("中国人保", "PICC"),
    ("平安产险", "PAIC"),
    ("太平洋保险", "CPIC"),
    ("中华联合", "CICP"),
    ("大地保险", "CCIC"),
];

fn input<T: DeserializeOwned>(value: Value) -> CoreResult<T> {
    serde_json::from_value(value).map_err(|e| {
        forecourt_kernel::error::CoreError::Internal(anyhow::anyhow!("demo renewals: {e}"))
    })
}

/// The actor of a demo user of the store.
async fn user(app: &App, username: &str) -> CoreResult<Option<Actor>> {
    match users::find_by_username_for_login(app.db().conn(), username).await? {
        Some(u) => Ok(Some(user_actor(app.db().conn(), &u).await?)),
        None => Ok(None),
    }
}

/// Where a renewal stands in the agent's hands.
struct Plan {
    /// 0: first call, 1: quotes, 2: the result.
    step: u8,
    /// The next day the agent acts.
    next: NaiveDate,
    tries: u8,
    /// The quotes given, `(insurer, premium)`.
    quotes: Vec<(&'static str, i64)>,
}

/// Whether anything was created.
pub(super) async fn load(app: &App, system: &Actor, prefix: &str, seed: u64) -> CoreResult<bool> {
    let (Some(advisor), Some(agent)) = (
        user(app, &format!("{prefix}-advisor")).await?,
        user(app, &format!("{prefix}-renewal")).await?,
    ) else {
        return Ok(false);
    };
    let existing = app
        .aftersales()
        .list_policies(
            system,
            PolicyQuery {
                limit: Some(1),
                ..PolicyQuery::default()
            },
        )
        .await?;
    if !existing.items.is_empty() {
        return Ok(false);
    }
    let cars: Vec<_> = vehicles::list(
        app.db().conn(),
        system.scope(),
        Reach::Dealer,
        &VehicleFilter::default(),
        &PageRequest::first(CARS),
    )
    .await?
    .map_err(|_| forecourt_kernel::error::CoreError::not_found("vehicle"))?
    .items
    .into_iter()
    .filter(|v| v.owner_customer_id.is_some())
    .collect();
    let now = app.now();
    let tz = system.time_zone();
    let start = (now - Duration::days(DAYS))
        .duration_trunc(Duration::days(1))
        .unwrap_or(now - Duration::days(DAYS))
        + Duration::hours(1);
    let clock = Arc::new(ManualClock::new(start));
    let sim = app.with_other_clock(clock.clone());
    let mut f = Faker::new(seed);
    let today = tz.local_date(now);
    for (n, car) in cars.iter().enumerate() {
        let ends = if n % 5 == 0 {
            today + Duration::days(f.between(1, 89))
        } else {
            today + Duration::days(f.between(-140, 365))
        };
        let starts = ends - Duration::days(364);
        let (insurer, code) = INSURERS[f.index(INSURERS.len())];
        let sold_here = f.chance(0.6);
        let mut policies = vec![json!({
            "kind": "commercial", "insurer": insurer,
            "policy_no": format!("{code}{}{}{n:05}", prefix.to_uppercase(), starts.format("%Y")),
            "premium_fen": f.between(25, 90) * 10_000, "starts_on": starts, "ends_on": ends,
            "sold_here": sold_here,
        })];
        if f.chance(0.7) {
            policies.push(json!({
                "kind": "compulsory", "insurer": insurer,
                "policy_no": format!("JQ{code}{}{}{n:05}", prefix.to_uppercase(), starts.format("%Y")),
                "premium_fen": 95_000, "starts_on": starts, "ends_on": ends, "sold_here": sold_here,
            }));
        }
        for p in policies {
            sim.aftersales()
                .create_policy(&advisor, car.id.into(), input(p)?)
                .await?;
        }
    }
    let mut plans: HashMap<RenewalId, Plan> = HashMap::new();
    for day in 0..=DAYS {
        let morning = start + Duration::days(day);
        if morning > now {
            break;
        }
        clock.set(morning);
        sim.aftersales().open_dealer_renewals(system).await?;
        let local = tz.local_date(morning);
        let open = sim
            .aftersales()
            .list_renewals(
                &agent,
                RenewalQuery {
                    status: Some(RenewalStatus::Open),
                    limit: Some(200),
                    ..RenewalQuery::default()
                },
            )
            .await?
            .items;
        for (k, r) in open.iter().enumerate() {
            let plan = plans.entry(r.id).or_insert_with(|| Plan {
                step: 0,
                next: local + Duration::days(f.between(0, 3)),
                tries: 0,
                quotes: Vec::new(),
            });
            if plan.next > local {
                continue;
            }
            let at: DateTime<Utc> = morning + Duration::minutes(20 * k as i64 + 10);
            if at > now {
                break;
            }
            clock.set(at);
            work(&sim, &agent, &mut f, plan, r, local).await?;
        }
    }
    clock.set(now);
    app.aftersales().open_dealer_renewals(system).await?;
    Ok(true)
}

/// The agent's next step on a renewal.
async fn work(
    app: &App,
    agent: &Actor,
    f: &mut Faker,
    plan: &mut Plan,
    r: &forecourt_aftersales::insurance::views::RenewalView,
    today: NaiveDate,
) -> CoreResult<()> {
    let a = app.aftersales();
    match plan.step {
        0 => {
            if plan.tries < 2 && f.chance(0.3) {
                a.log_renewal_call(agent, r.id, input(json!({"outcome": "no_answer"}))?)
                    .await?;
                plan.tries += 1;
                plan.next = today + Duration::days(2);
            } else {
                let next = today + Duration::days(f.between(3, 10));
                a.log_renewal_call(
                    agent,
                    r.id,
                    input(
                        json!({"outcome": "interested", "notes": "客户愿意比较几家报价",
                        "next_call_on": next}),
                    )?,
                )
                .await?;
                plan.step = 1;
                plan.next = next;
            }
        }
        1 => {
            let base = r.policy.as_ref().map_or(350_000, |p| p.premium_fen);
            for _ in 0..f.between(1, 3) {
                let (insurer, _) = INSURERS[f.index(INSURERS.len())];
                if plan.quotes.iter().any(|(i, _)| *i == insurer) {
                    continue;
                }
                let premium = base * f.between(85, 105) / 100 / 100 * 100;
                a.add_renewal_quote(
                    agent,
                    r.id,
                    input(json!({"insurer": insurer, "premium_fen": premium,
                        "notes": "车损险 + 三者险 200 万 + 司乘险"}))?,
                )
                .await?;
                plan.quotes.push((insurer, premium));
            }
            a.log_renewal_call(agent, r.id, input(json!({"outcome": "quoted"}))?)
                .await?;
            plan.step = 2;
            plan.next = (today + Duration::days(f.between(5, 20))).min(r.due_on);
        }
        _ => {
            let Some(policy) = &r.policy else {
                return Ok(());
            };
            let roll = f.between(0, 99);
            let body = if roll < 55 {
                let (insurer, premium) = plan
                    .quotes
                    .first()
                    .copied()
                    .unwrap_or(("中国人保", policy.premium_fen));
                let starts = policy.ends_on + Duration::days(1);
                json!({"status": "renewed_here", "insurer": insurer, "version": r.version,
                    "new_policy": {"policy_no": format!("R{}{}", starts.format("%Y%m%d"), &r.id.to_string()[24..]),
                        "premium_fen": premium, "starts_on": starts, "ends_on": starts + Duration::days(364)}})
            } else if roll < 75 {
                json!({"status": "renewed_elsewhere", "insurer": "太平洋保险", "version": r.version})
            } else {
                a.log_renewal_call(
                    agent,
                    r.id,
                    input(json!({"outcome": "declined", "notes": "其他渠道更便宜"}))?,
                )
                .await?;
                let reasons = ["price", "price", "service", "moved", "sold_car", "other"];
                let current = a.get_renewal(agent, r.id).await?;
                json!({"status": "lost", "lost_reason": reasons[f.index(reasons.len())],
                    "version": current.renewal.version})
            };
            a.close_renewal(agent, r.id, input(body)?).await?;
            plan.step = 3;
            plan.next = NaiveDate::MAX;
        }
    }
    Ok(())
}
