//! Demo sales history: three months of a showroom's life, played through the real use cases on
//! a clock that walks from 90 days ago to now — walk-ins and second visits, leads from the
//! phone, the web, portals and the OEM, follow-ups that raise and lower grades, test drives with
//! feedback, opportunities moving through the pipeline to contract and delivery, and losses the
//! manager approves or sends back. Every chart and report then has something true to show.

mod arrivals;
mod deal_setup;
mod deals;
mod drives;
mod follow_ups;
mod pipeline;

use super::DEMO_PASSWORD;
use super::fake::Faker;
use chrono::{DateTime, Duration, DurationRound, Utc};
use forecourt_admin::AdminExt as _;
use forecourt_admin::users::NewUser;
use forecourt_catalog::CatalogExt as _;
use forecourt_domain::ids::{
    CatalogSeriesId, ConfigItemId, CustomerId, LeadId, OpportunityId, PipelineStageId,
    TestDriveBookingId, TestDriveCarId,
};
use forecourt_domain::sales::{Grade, StageKind};
use forecourt_kernel::app::App;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::clock::ManualClock;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_sales::SalesExt as _;
use forecourt_sales::leads::LeadQuery;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::sync::Arc;

/// How far back the history starts.
pub(super) const DAYS: i64 = 90;

/// Extra consultants (username suffix, names for the two dealers, team), so the morning report
/// compares people.
const CONSULTANTS: [(&str, [&str; 2], &str); 4] = [
    ("consultant2", ["刘洋", "陈静"], "销售一组"),
    ("consultant3", ["杨帆", "黄鑫"], "销售二组"),
    ("consultant4", ["赵磊", "周婷"], "销售二组"),
    ("consultant5", ["孙浩", "吴倩"], "销售二组"),
];

const SOURCES: [(&str, u32); 6] = [
    ("phone", 3),
    ("web", 3),
    ("auto_portal", 4),
    ("oem", 2),
    ("campaign", 1),
    ("referral", 1),
];

const SAID: [&str; 8] = [
    "客户在比较配置，约了周末再来看车",
    "询问贷款方案，已发金融政策",
    "对价格有顾虑，答应向经理申请优惠",
    "家人还在商量，下周再联系",
    "想等新款上市，保持联系",
    "已发送车型资料和试驾邀请",
    "客户对颜色有要求，查询库存中",
    "置换旧车，约评估师看车",
];

fn input<T: DeserializeOwned>(value: Value) -> CoreResult<T> {
    serde_json::from_value(value).map_err(|e| CoreError::Internal(anyhow::Error::new(e)))
}

/// What the simulation remembers of a lead between days.
struct SimLead {
    id: LeadId,
    customer_id: CustomerId,
    owner: usize,
    phone: String,
    series: usize,
    opportunity: Option<OpportunityId>,
    drove: bool,
    /// Lost, won or waiting for a loss to be decided: no follow-ups.
    closed: bool,
    /// When the next follow-up is due, as the last answer about the lead said.
    due: Option<DateTime<Utc>>,
    /// The opportunity was delivered or lost.
    opportunity_closed: bool,
    /// Its quote and contract, once there are.
    deal: deals::SimDeal,
    /// When the customer last walked into the showroom; a visit within the same-visit window
    /// is the one already registered, so they cannot come back before it has passed.
    last_visit: Option<DateTime<Utc>>,
}

struct Booking {
    id: TestDriveBookingId,
    owner: usize,
    lead: usize,
    ends_at: DateTime<Utc>,
}

struct Sim<'a> {
    app: App,
    clock: Arc<ManualClock>,
    faker: Faker,
    consultants: Vec<Actor>,
    manager: &'a Actor,
    series: Vec<(CatalogSeriesId, i64)>,
    stages: Vec<PipelineStageId>,
    /// What reaching each stage means (in the order of `stages`).
    kinds: Vec<StageKind>,
    cars: Vec<TestDriveCarId>,
    /// The configured trims, by the index of `series`, and the dealer's accessories.
    trims: Vec<deal_setup::DemoTrim>,
    accessories: Vec<ConfigItemId>,
    finance: Actor,
    prefix: String,
    /// Receipts and invoices written so far (their numbers).
    receipts: u32,
    invoices: u32,
    leads: Vec<SimLead>,
    bookings: Vec<Booking>,
}

/// Plays the history into one dealer (when it has no leads yet).
pub(super) async fn sales(
    app: &App,
    system: &Actor,
    prefix: &str,
    dealer_index: usize,
    days: i64,
    seed: u64,
) -> CoreResult<bool> {
    let any = app
        .sales()
        .list_leads(
            system,
            LeadQuery {
                limit: Some(1),
                ..LeadQuery::default()
            },
        )
        .await?;
    if !any.items.is_empty() {
        return Ok(false);
    }
    let conn = app.db().conn();
    for (suffix, names, team) in CONSULTANTS {
        let username = format!("{prefix}-{suffix}");
        if forecourt_db::repo::users::find_by_username_for_login(conn, &username)
            .await?
            .is_none()
        {
            let team_id = app
                .admin()
                .list_teams(system)
                .await?
                .into_iter()
                .find(|t| t.name == team)
                .map(|t| t.id);
            app.admin()
                .create_user(
                    system,
                    NewUser {
                        username,
                        display_name: names[dealer_index].into(),
                        password: DEMO_PASSWORD.into(),
                        role: "sales_consultant".into(),
                        team_id,
                        email: None,
                        phone: None,
                        locale: None,
                    },
                )
                .await?;
        }
    }
    let mut consultants = Vec::new();
    for suffix in ["consultant"].into_iter().chain(CONSULTANTS.map(|c| c.0)) {
        consultants
            .push(forecourt_kernel::auth::acting_as(conn, &format!("{prefix}-{suffix}")).await?);
    }
    let manager =
        forecourt_kernel::auth::acting_as(conn, &format!("{prefix}-sales-manager")).await?;

    let series: Vec<(CatalogSeriesId, i64)> = app
        .catalog()
        .get_catalog(system)
        .await?
        .into_iter()
        .flat_map(|b| b.series)
        .filter_map(|s| s.models.first().map(|m| (s.id, m.guide_price_fen.0)))
        .collect();
    let active: Vec<_> = app
        .sales()
        .pipeline_stages(system)
        .await?
        .into_iter()
        .filter(|s| s.active)
        .collect();
    let stages = active.iter().map(|s| s.id).collect();
    let kinds = active.iter().map(|s| s.kind).collect();
    let finance = forecourt_kernel::auth::acting_as(conn, &format!("{prefix}-finance")).await?;
    let mut cars = Vec::new();
    for (i, (series_id, _)) in series.iter().take(3).enumerate() {
        let car = app
            .sales().create_test_drive_car(
                system,
                input(json!({
                    "name": format!("{}号试驾车", i + 1),
                    "series_id": series_id,
                    "plate": format!("浙{}D{:04}", if dealer_index == 0 { 'A' } else { 'B' }, 1000 + i),
                    "colour": (["珍珠白", "曜石黑", "星空蓝"])[i],
                }))?,
            )
            .await?;
        cars.push(car.id);
    }

    let now = app.now();
    let start = (now - Duration::days(days))
        .duration_trunc(Duration::days(1))
        .unwrap_or(now - Duration::days(days));
    let clock = Arc::new(ManualClock::new(start));
    let sim_app = app.with_other_clock(clock.clone());
    let mut faker = Faker::new(seed);
    let first_day = deal_setup::local_day(start);
    let (trims, accessories) =
        deal_setup::configure(&sim_app, &manager, first_day - Duration::days(30)).await?;
    deal_setup::stock_up(&sim_app, &manager, &mut faker, &trims, first_day, 2, false).await?;
    let mut sim = Sim {
        app: sim_app,
        clock,
        faker,
        consultants,
        manager: &manager,
        series,
        stages,
        kinds,
        cars,
        trims,
        accessories,
        finance,
        prefix: prefix.to_owned(),
        receipts: 0,
        invoices: 0,
        leads: Vec::new(),
        bookings: Vec::new(),
    };
    for day in 0..=days {
        // 09:00 in Shanghai; the last day stops at the real now.
        let morning = start + Duration::days(day) + Duration::hours(1);
        if morning > now {
            break;
        }
        if day % 7 == 6 && sim.at(morning, now) {
            // The weekly delivery from the factory.
            let today = deal_setup::local_day(morning);
            deal_setup::stock_up(
                &sim.app,
                sim.manager,
                &mut sim.faker,
                &sim.trims,
                today,
                1,
                false,
            )
            .await?;
        }
        sim.day(morning, now).await?;
    }
    // What is on its way and on order today.
    let today = deal_setup::local_day(now);
    deal_setup::stock_up(
        &sim.app,
        sim.manager,
        &mut sim.faker,
        &sim.trims,
        today,
        0,
        true,
    )
    .await?;
    Ok(true)
}

impl Sim<'_> {
    /// Moves the clock to `at` (never past the real now, never backwards).
    fn at(&self, at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        if at > now {
            return false;
        }
        self.clock.set(at);
        true
    }

    async fn day(&mut self, morning: DateTime<Utc>, now: DateTime<Utc>) -> CoreResult<()> {
        let weekend = matches!(morning.format("%u").to_string().as_str(), "6" | "7");
        let walk_ins = if weekend {
            self.faker.between(4, 7)
        } else {
            self.faker.between(1, 4)
        };
        for _ in 0..walk_ins {
            let minute = self.faker.between(0, 10 * 60);
            if !self.at(morning + Duration::minutes(minute), now) {
                return Ok(());
            }
            self.walk_in().await?;
        }
        for _ in 0..self.faker.between(1, 3) {
            let minute = self.faker.between(0, 11 * 60);
            if self.at(morning + Duration::minutes(minute), now) {
                self.remote_lead().await?;
            }
        }
        if !self.at(morning + Duration::hours(9), now) {
            return Ok(());
        }
        self.drives_done().await?;
        // In the last days more follow-ups slip, as they do: the morning report shows them.
        let slip = if now - morning < Duration::days(3) {
            0.35
        } else {
            0.12
        };
        self.follow_ups(slip).await?;
        self.pipeline().await?;
        if self.at(morning + Duration::hours(10), now) {
            self.decide_losses().await?;
        }
        Ok(())
    }

    fn pick_grade(&mut self, weights: [(Grade, i64); 5]) -> Grade {
        let total: i64 = weights.iter().map(|w| w.1).sum();
        let mut roll = self.faker.between(0, total - 1);
        for (grade, weight) in weights {
            if roll < weight {
                return grade;
            }
            roll -= weight;
        }
        Grade::C
    }
}
