//! The workshop's demo: a parts price list and repair orders played through the after-sales
//! use cases — maintenance and repairs with labour and parts, some under warranty, picked up
//! over the last six weeks on a clock set back to each visit, and a few open today (just
//! opened, being worked on, ready for the customer).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use forecourt_aftersales::AfterSalesExt as _;
use forecourt_aftersales::parts::NewPartsPrice;
use forecourt_aftersales::repair_orders::{
    ClockInput, NewLabourLine, NewPartLine, NewRepairOrder, RepairMove, RepairOrderQuery,
    RepairOrderView, RepairPickup,
};
use forecourt_customers::CustomersExt as _;
use forecourt_customers::vehicles::{VehicleQuery, VehicleView};
use forecourt_db::repo::users;
use forecourt_domain::aftersales::repair::{Payer, RepairStatus};
use forecourt_domain::ids::UserId;
use forecourt_domain::orders::PaymentMethod;
use forecourt_kernel::App;
use forecourt_kernel::auth::{Actor, user_actor};
use forecourt_kernel::clock::ManualClock;
use forecourt_kernel::error::{CoreError, CoreResult};
use std::sync::Arc;

/// The price list: part number, name, price in fen.
const PARTS: &[(&str, &str, i64)] = &[
    ("06L115562B", "机油滤清器", 8_800),
    ("G052195M4", "全合成机油 5W-30 4L", 39_900),
    ("5QD129620", "空气滤清器", 12_800),
    ("5QD819644", "空调滤芯", 9_800),
    ("3QD698151", "前刹车片（套）", 68_000),
    ("101905601F", "火花塞", 6_500),
    ("G052162A2", "刹车油 1L", 8_500),
    ("5Q0955427", "雨刮片（对）", 15_800),
];

/// A job: operation code, description, hours × 100.
type Job = (&'static str, &'static str, i32);

const SERVICE: &[Job] = &[("BY10", "常规保养：更换机油机滤", 80)];
const SERVICE_BIG: &[Job] = &[
    ("BY10", "常规保养：更换机油机滤", 80),
    ("BY20", "更换空气滤芯、空调滤芯", 40),
];
const BRAKES: &[Job] = &[("ZD01", "更换前刹车片", 120)];
const NOISE: &[Job] = &[
    ("ZJ05", "底盘异响检查", 50),
    ("DQ02", "更换车窗升降器（保修）", 150),
];

/// One visit: days ago (0 today), the job list, the parts (number, quantity, payer), whether
/// it is a maintenance, the complaint, and how far it gets today.
struct Visit {
    days_ago: i64,
    jobs: &'static [Job],
    /// Labour paid under warranty, by position in `jobs`.
    warranty_jobs: &'static [usize],
    parts: &'static [(&'static str, i32, Payer)],
    maintenance: bool,
    complaint: &'static str,
    until: RepairStatus,
}

const VISITS: &[Visit] = &[
    Visit {
        days_ago: 41,
        jobs: SERVICE,
        warranty_jobs: &[],
        parts: &[
            ("06L115562B", 1, Payer::Customer),
            ("G052195M4", 1, Payer::Customer),
        ],
        maintenance: true,
        complaint: "1万公里保养",
        until: RepairStatus::PickedUp,
    },
    Visit {
        days_ago: 34,
        jobs: BRAKES,
        warranty_jobs: &[],
        parts: &[
            ("3QD698151", 1, Payer::Customer),
            ("G052162A2", 1, Payer::Customer),
        ],
        maintenance: false,
        complaint: "刹车时有尖锐异响",
        until: RepairStatus::PickedUp,
    },
    Visit {
        days_ago: 27,
        jobs: NOISE,
        warranty_jobs: &[1],
        parts: &[],
        maintenance: false,
        complaint: "过减速带底盘异响，左后车窗升降缓慢",
        until: RepairStatus::PickedUp,
    },
    Visit {
        days_ago: 20,
        jobs: SERVICE_BIG,
        warranty_jobs: &[],
        parts: &[
            ("06L115562B", 1, Payer::Customer),
            ("G052195M4", 1, Payer::Customer),
            ("5QD129620", 1, Payer::Customer),
            ("5QD819644", 1, Payer::Customer),
        ],
        maintenance: true,
        complaint: "2万公里保养",
        until: RepairStatus::PickedUp,
    },
    Visit {
        days_ago: 13,
        jobs: BRAKES,
        warranty_jobs: &[0],
        parts: &[("3QD698151", 1, Payer::Warranty)],
        maintenance: false,
        complaint: "刹车片异常磨损（质保期内）",
        until: RepairStatus::PickedUp,
    },
    Visit {
        days_ago: 6,
        jobs: SERVICE,
        warranty_jobs: &[],
        parts: &[
            ("06L115562B", 1, Payer::Customer),
            ("G052195M4", 1, Payer::Customer),
            ("5Q0955427", 1, Payer::Customer),
        ],
        maintenance: true,
        complaint: "保养，顺便换雨刮",
        until: RepairStatus::PickedUp,
    },
    Visit {
        days_ago: 0,
        jobs: SERVICE_BIG,
        warranty_jobs: &[],
        parts: &[
            ("06L115562B", 1, Payer::Customer),
            ("G052195M4", 1, Payer::Customer),
        ],
        maintenance: true,
        complaint: "3万公里保养",
        until: RepairStatus::Ready,
    },
    Visit {
        days_ago: 0,
        jobs: NOISE,
        warranty_jobs: &[1],
        parts: &[],
        maintenance: false,
        complaint: "车窗升降异响",
        until: RepairStatus::InProgress,
    },
    Visit {
        days_ago: 0,
        jobs: SERVICE,
        warranty_jobs: &[],
        parts: &[("06L115562B", 1, Payer::Customer)],
        maintenance: true,
        complaint: "首保",
        until: RepairStatus::Opened,
    },
];

async fn actor_of(app: &App, username: &str) -> CoreResult<Option<Actor>> {
    match users::find_by_username_for_login(app.db().conn(), username).await? {
        Some(user) => Ok(Some(user_actor(app.db().conn(), &user).await?)),
        None => Ok(None),
    }
}

/// The odometer of a car on a day: its last reading, plus 40 km a day after it, minus 40 km a
/// day before it.
fn km_on(car: &VehicleView, day: NaiveDate) -> i32 {
    let km = car.mileage_km.unwrap_or(15_000);
    let days = car.mileage_on.map(|on| (day - on).num_days()).unwrap_or(0);
    (i64::from(km) + days * 40).clamp(0, 1_999_000) as i32
}

/// Whether anything was created.
pub(super) async fn load(app: &App, system: &Actor, prefix: &str) -> CoreResult<bool> {
    let (Some(advisor), Some(manager)) = (
        actor_of(app, &format!("{prefix}-advisor")).await?,
        actor_of(app, &format!("{prefix}-service-manager")).await?,
    ) else {
        return Ok(false);
    };
    let service = app.aftersales();
    let existing = service
        .list_repair_orders(
            system,
            RepairOrderQuery {
                limit: Some(1),
                ..RepairOrderQuery::default()
            },
        )
        .await?;
    if !existing.items.is_empty() {
        return Ok(false);
    }
    for (part_no, name, price_fen) in PARTS {
        let new = NewPartsPrice {
            part_no: (*part_no).to_owned(),
            name: (*name).to_owned(),
            price_fen: *price_fen,
        };
        match service.create_part(&manager, new).await {
            Ok(_) | Err(CoreError::AlreadyExists(_)) => {}
            Err(e) => return Err(e),
        }
    }
    let cars: Vec<VehicleView> = app
        .customers()
        .list_vehicles(
            system,
            VehicleQuery {
                limit: Some(40),
                ..VehicleQuery::default()
            },
        )
        .await?
        .items
        .into_iter()
        .filter(|v| v.owner_customer_id.is_some())
        .collect();
    let technicians = [advisor.user_id(), manager.user_id()];
    let now = app.now();
    let tz = system.time_zone();
    let today = tz.local_date(now);
    let mut created = false;
    let mut cars = cars.iter();
    for (n, visit) in VISITS.iter().enumerate() {
        let Some(car) = cars.next() else { break };
        let day = today - Duration::days(visit.days_ago);
        // Visits of the past run on a clock set to that day; today's at the real now.
        let opened_at = if visit.days_ago == 0 {
            now - Duration::hours(3) + Duration::minutes(20 * n as i64)
        } else {
            tz.start_of_day(day) + Duration::hours(9)
        };
        let played = play(
            app,
            &advisor,
            car,
            visit,
            day,
            opened_at.min(now),
            now,
            technicians[n % 2],
        )
        .await;
        match played {
            Ok(_) => created = true,
            // A car whose readings do not fit the story is left out.
            Err(CoreError::Validation(_)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(created)
}

#[allow(clippy::too_many_arguments)]
async fn play(
    app: &App,
    advisor: &Actor,
    car: &VehicleView,
    visit: &Visit,
    day: NaiveDate,
    opened_at: DateTime<Utc>,
    now: DateTime<Utc>,
    technician: UserId,
) -> CoreResult<RepairOrderView> {
    let clock = Arc::new(ManualClock::new(opened_at));
    let sim = app.with_other_clock(clock.clone());
    let service = sim.aftersales();
    let Some(customer_id) = car.owner_customer_id else {
        return Err(CoreError::not_found("customer"));
    };
    let km = km_on(car, day);
    let mut order = service
        .open_repair_order(
            advisor,
            NewRepairOrder {
                appointment_id: None,
                customer_id: Some(customer_id),
                vehicle_id: Some(car.id),
                advisor_id: None,
                odometer_in_km: km,
                complaint: visit.complaint.to_owned(),
                maintenance: visit.maintenance,
                promised_at: Some(opened_at + Duration::hours(6)),
            },
        )
        .await?;
    for (i, (code, description, hours)) in visit.jobs.iter().enumerate() {
        let payer = if visit.warranty_jobs.contains(&i) {
            Payer::Warranty
        } else {
            Payer::Customer
        };
        order = service
            .add_labour_line(
                advisor,
                order.id,
                NewLabourLine {
                    operation_code: (*code).to_owned(),
                    description: (*description).to_owned(),
                    hours_centi: *hours,
                    rate_fen: None,
                    payer: Some(payer),
                    version: order.version,
                },
            )
            .await?;
    }
    for (part_no, quantity, payer) in visit.parts {
        order = service
            .add_part_line(
                advisor,
                order.id,
                NewPartLine {
                    part_no: (*part_no).to_owned(),
                    name: None,
                    quantity: *quantity,
                    unit_price_fen: None,
                    payer: Some(*payer),
                    version: order.version,
                },
            )
            .await?;
    }
    if visit.until == RepairStatus::Opened {
        return Ok(order);
    }
    let clocked = ClockInput {
        technician_id: technician,
    };
    let lines: Vec<_> = order.labour.iter().map(|l| l.id).collect();
    for (i, line) in lines.iter().enumerate() {
        clock.set((opened_at + Duration::minutes(30 + 60 * i as i64)).min(now));
        order = service
            .clock_on(advisor, order.id, *line, clocked.clone())
            .await?;
        if visit.until == RepairStatus::InProgress {
            return Ok(order);
        }
        clock.set((opened_at + Duration::minutes(80 + 60 * i as i64)).min(now));
        service
            .clock_off(advisor, order.id, *line, clocked.clone())
            .await?;
        order = service.mark_labour_done(advisor, order.id, *line).await?;
    }
    for to in [RepairStatus::QualityCheck, RepairStatus::Ready] {
        clock.set((opened_at + Duration::hours(4)).min(now));
        order = service
            .move_repair_order(
                advisor,
                order.id,
                RepairMove {
                    to,
                    version: order.version,
                },
            )
            .await?;
    }
    if visit.until == RepairStatus::Ready {
        return Ok(order);
    }
    clock.set((opened_at + Duration::hours(7)).min(now));
    let method = if order.bill.total_fen % 2 == 0 {
        PaymentMethod::Wechat
    } else {
        PaymentMethod::Alipay
    };
    service
        .pick_up_repair_order(
            advisor,
            order.id,
            RepairPickup {
                odometer_out_km: km + 3,
                paid_fen: order.bill.total_fen,
                payment_method: method,
                version: order.version,
            },
        )
        .await
}
