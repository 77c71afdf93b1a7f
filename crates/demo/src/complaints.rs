//! Demo complaints (投诉): thirty over the last seven weeks, entered by the call centre
//! (`<prefix>-renewal`) from phone calls, walk-ins, the OEM's hotline and 12315, assigned by
//! the service or sales manager to the advisor or the consultant, and taken through the flow
//! on a clock that walks with them — most answered, handled and verified by call-back, some
//! answered late (their breach stays on record), one sent back by an unhappy customer, one
//! reopened, and the newest still open in every state, so the desk and the SLA board have
//! something in them. Skipped when the store already has complaints.

use crate::fake::Faker;
use chrono::{DateTime, Duration, Utc};
use forecourt_care::CareExt as _;
use forecourt_care::complaints::read::ComplaintQuery;
use forecourt_db::PageRequest;
use forecourt_db::repo::vehicles::{self, VehicleFilter};
use forecourt_db::repo::{Reach, users};
use forecourt_domain::ids::ComplaintId;
use forecourt_kernel::app::App;
use forecourt_kernel::auth::{Actor, user_actor};
use forecourt_kernel::clock::{Clock, ManualClock};
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::sync::Arc;

/// Complaints per store.
const COUNT: usize = 30;
/// Days back the first one was entered.
const DAYS: i64 = 49;

const CASES: [(&str, &str, &str, &str); 10] = [
    (
        "repair_quality",
        "service",
        "保养后发动机异响",
        "客户反映保养后第二天发动机有异响，怀疑机油加错。",
    ),
    (
        "waiting_time",
        "service",
        "保养等待时间过长",
        "预约九点到店，十二点才交车，客户很不满意。",
    ),
    (
        "price_billing",
        "service",
        "结算金额与报价不符",
        "结算单比接车时的报价多了三百元工时费。",
    ),
    (
        "parts",
        "service",
        "配件迟迟不到货",
        "前保险杠订货已三周仍未到货，车辆无法正常使用。",
    ),
    (
        "sales_process",
        "sales",
        "交车时间一再推迟",
        "合同约定的交车日期已过两周，销售顾问未主动说明原因。",
    ),
    (
        "staff_attitude",
        "sales",
        "销售顾问态度冷淡",
        "客户到店看车无人接待，询问价格时回答敷衍。",
    ),
    (
        "product_quality",
        "service",
        "新车异响",
        "新车行驶一千公里后底盘有异响。",
    ),
    (
        "sales_process",
        "sales",
        "赠品未兑现",
        "购车时承诺的脚垫和行车记录仪至今未安装。",
    ),
    (
        "repair_quality",
        "service",
        "空调维修后仍不制冷",
        "上周维修空调后仍然不制冷，客户要求返修。",
    ),
    (
        "other",
        "sales",
        "停车场车辆被刮",
        "客户来店时车辆在停车场被刮伤，要求门店处理。",
    ),
];

const SOURCES: [&str; 6] = [
    "phone",
    "phone",
    "walk_in",
    "oem_hotline",
    "consumer_12315",
    "online",
];

fn input<T: DeserializeOwned>(value: Value) -> CoreResult<T> {
    serde_json::from_value(value)
        .map_err(|e| CoreError::Internal(anyhow::anyhow!("demo complaints: {e}")))
}

async fn user(app: &App, username: &str) -> CoreResult<Option<Actor>> {
    match users::find_by_username_for_login(app.db().conn(), username).await? {
        Some(u) => Ok(Some(user_actor(app.db().conn(), &u).await?)),
        None => Ok(None),
    }
}

/// How far a demo complaint goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Goal {
    Entered,
    Assigned,
    Handling,
    Waiting,
    Resolved,
    Closed,
    Rejected,
    Reopened,
}

/// The states of the thirty, oldest first: the newest are still open.
fn state_of(n: usize) -> Goal {
    match n {
        _ if n + 1 == COUNT => Goal::Entered,
        _ if n + 2 == COUNT => Goal::Assigned,
        _ if n + 3 == COUNT || n + 5 == COUNT => Goal::Handling,
        _ if n + 4 == COUNT => Goal::Waiting,
        _ if n + 6 == COUNT || n + 7 == COUNT => Goal::Resolved,
        8 => Goal::Rejected,
        14 => Goal::Reopened,
        _ => Goal::Closed,
    }
}

/// A working moment `days` back at `hour` local time (the demo's stores are in Shanghai).
fn at(now: DateTime<Utc>, days: i64, hour: i64) -> DateTime<Utc> {
    let midnight_local = (now + Duration::hours(8))
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .map_or(now, |t| t.and_utc() - Duration::hours(8));
    midnight_local - Duration::days(days) + Duration::hours(hour)
}

/// Whether anything was created.
pub(super) async fn load(app: &App, system: &Actor, prefix: &str, seed: u64) -> CoreResult<bool> {
    let names = [
        "renewal",
        "service-manager",
        "sales-manager",
        "advisor",
        "consultant",
    ];
    let mut people = Vec::new();
    for name in names {
        match user(app, &format!("{prefix}-{name}")).await? {
            Some(a) => people.push(a),
            None => return Ok(false),
        }
    }
    let [desk, service_manager, sales_manager, advisor, consultant]: [Actor; 5] = people
        .try_into()
        .map_err(|_| CoreError::not_found("user"))?;
    let existing = app
        .care()
        .list_complaints(
            system,
            ComplaintQuery {
                limit: Some(1),
                ..ComplaintQuery::default()
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
        &PageRequest::first(COUNT as u64 * 2),
    )
    .await?
    .map_err(|_| CoreError::not_found("vehicle"))?
    .items
    .into_iter()
    .filter(|v| v.owner_customer_id.is_some())
    .collect();
    if cars.is_empty() {
        return Ok(false);
    }
    let now = app.now();
    let clock = Arc::new(ManualClock::new(at(now, DAYS, 10)));
    let sim = app.with_other_clock(clock.clone());
    let care = sim.care();
    let mut f = Faker::new(seed);
    for n in 0..COUNT {
        let state = state_of(n);
        let open = !matches!(state, Goal::Closed | Goal::Rejected | Goal::Reopened);
        // Spread over the weeks; the open ones are the last few working days'.
        let days_back = if open {
            (COUNT - n) as i64 / 2
        } else {
            DAYS - n as i64 * DAYS / COUNT as i64
        };
        let entered = at(now, days_back, 9 + f.between(0, 7)) + Duration::minutes(f.between(0, 59));
        if entered >= now {
            continue;
        }
        clock.set(entered);
        let car = &cars[n % cars.len()];
        let (category, area, summary, details) = CASES[n % CASES.len()];
        let source = SOURCES[f.index(SOURCES.len())];
        let severity = ["low", "medium", "medium", "high"][f.index(4)];
        let mut body = json!({
            "source": source, "category": category, "severity": severity,
            "customer_id": car.owner_customer_id, "vehicle_id": car.id,
            "summary": summary, "details": details,
        });
        if source == "oem_hotline" {
            body["oem_deadline_at"] = json!(entered + Duration::days(3));
        }
        let c = care.enter_complaint(&desk, input(body)?).await?;
        let id: ComplaintId = c.complaint.id;
        let mut version = c.complaint.version;
        if state == Goal::Entered {
            continue;
        }
        let (manager, handler) = if area == "service" {
            (&service_manager, &advisor)
        } else {
            (&sales_manager, &consultant)
        };
        clock.set(entered + Duration::minutes(f.between(10, 50)));
        version = care
            .assign_complaint(
                manager,
                id,
                input(json!({"version": version, "handler_id": handler.user_id()}))?,
            )
            .await?
            .complaint
            .version;
        if state == Goal::Assigned {
            continue;
        }
        // One in four is answered late: its breach stays on record.
        let late = f.chance(0.25);
        let answer_after = if late {
            Duration::hours(f.between(26, 50))
        } else {
            Duration::minutes(f.between(20, 100))
        };
        clock.set((entered + answer_after).min(now - Duration::minutes(5)));
        version = care
            .respond_to_complaint(
                handler,
                id,
                input(json!({"version": version, "notes": "已致电客户，了解情况并致歉，约定处理方案。"}))?,
            )
            .await?
            .complaint
            .version;
        let step =
            |after: i64| (clock.now() + Duration::hours(after)).min(now - Duration::minutes(2));
        clock.set(step(2));
        version = care
            .log_complaint_action(
                handler,
                id,
                input(json!({"version": version, "notes": "安排技术经理复检车辆。"}))?,
            )
            .await?
            .complaint
            .version;
        if state == Goal::Handling {
            continue;
        }
        if state == Goal::Waiting {
            clock.set(step(1));
            care.wait_for_customer(
                handler,
                id,
                input(json!({"version": version, "notes": "客户出差，下周回来再到店。"}))?,
            )
            .await?;
            continue;
        }
        clock.set(step(20));
        version = care
            .resolve_complaint(
                handler,
                id,
                input(json!({"version": version, "agreement": "免费返修并赠送一次常规保养，客户同意。"}))?,
            )
            .await?
            .complaint
            .version;
        if state == Goal::Resolved {
            continue;
        }
        clock.set(step(24));
        let satisfied = state != Goal::Rejected;
        version = care
            .verify_complaint(
                &desk,
                id,
                input(json!({"version": version, "satisfied": satisfied,
                    "notes": if satisfied { "回访客户，对处理结果满意。" } else { "回访客户，问题仍未解决。" }}))?,
            )
            .await?
            .complaint
            .version;
        if state == Goal::Reopened {
            clock.set(step(72));
            care.reopen_complaint(
                &desk,
                id,
                input(json!({"version": version, "notes": "客户再次来电，异响又出现了。"}))?,
            )
            .await?;
        }
    }
    // The escalations due by now, as the job would have fired them.
    app.care().escalate_complaints().await?;
    Ok(true)
}
