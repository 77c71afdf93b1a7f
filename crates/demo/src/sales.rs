//! Demo sales history: three months of a showroom's life, played through the real use cases on
//! a clock that walks from 90 days ago to now — walk-ins and second visits, leads from the
//! phone, the web, portals and the OEM, follow-ups that raise and lower grades, test drives with
//! feedback, opportunities moving through the pipeline to contract and delivery, and losses the
//! manager approves or sends back. Every chart and report then has something true to show.

use super::DEMO_PASSWORD;
use super::fake::{Faker, MAKERS};
use chrono::{DateTime, Duration, DurationRound, Utc};
use forecourt_admin::AdminExt as _;
use forecourt_admin::users::NewUser;
use forecourt_catalog::CatalogExt as _;
use forecourt_domain::ids::{
    CatalogSeriesId, CustomerId, LeadId, OpportunityId, PipelineStageId, TestDriveBookingId,
    TestDriveCarId,
};
use forecourt_domain::sales::{Grade, LeadStatus};
use forecourt_kernel::app::App;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::clock::ManualClock;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_sales::SalesExt as _;
use forecourt_sales::leads::{LeadQuery, LeadView};
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
    cars: Vec<TestDriveCarId>,
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
    let stages = app
        .sales()
        .pipeline_stages(system)
        .await?
        .into_iter()
        .filter(|s| s.active)
        .map(|s| s.id)
        .collect();
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
    let mut sim = Sim {
        app: app.with_other_clock(clock.clone()),
        clock,
        faker: Faker::new(seed),
        consultants,
        manager: &manager,
        series,
        stages,
        cars,
        leads: Vec::new(),
        bookings: Vec::new(),
    };
    for day in 0..=days {
        // 09:00 in Shanghai; the last day stops at the real now.
        let morning = start + Duration::days(day) + Duration::hours(1);
        if morning > now {
            break;
        }
        sim.day(morning, now).await?;
    }
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

    async fn walk_in(&mut self) -> CoreResult<()> {
        // One visit in five is a customer coming back.
        let open: Vec<usize> = (0..self.leads.len())
            .filter(|i| !self.leads[*i].closed)
            .collect();
        let (name, phone, owner, series, returning) = if !open.is_empty() && self.faker.chance(0.2)
        {
            let i = open[self.faker.index(open.len())];
            let l = &self.leads[i];
            (String::new(), l.phone.clone(), l.owner, l.series, Some(i))
        } else {
            let (name, _) = self.faker.person();
            let owner = self.faker.index(self.consultants.len());
            (
                name,
                self.faker.mobile(),
                owner,
                self.faker.index(self.series.len()),
                None,
            )
        };
        let grade = self.pick_grade([
            (Grade::H, 2),
            (Grade::A, 5),
            (Grade::B, 6),
            (Grade::C, 5),
            (Grade::N, 2),
        ]);
        let test_drive = self.faker.chance(0.3);
        let now = self.app.now();
        let customer = match returning {
            Some(i) => json!({"customer_id": self.leads[i].customer_id}),
            None => json!({"customer": {"name": name, "phones": [{"number": phone}]}}),
        };
        let companions = match self.faker.between(0, 3) {
            0 => json!([]),
            1 => json!([{"relation": "spouse"}]),
            2 => json!([{"relation": "spouse"}, {"relation": "child"}]),
            _ => json!([{"relation": "parent"}]),
        };
        let mut body = json!({
            "consultant_id": self.consultants[owner].user_id(),
            "arrived_at": now,
            "left_at": now + Duration::minutes(self.faker.between(25, 120)),
            "party_size": 1 + companions.as_array().map_or(0, Vec::len),
            "companions": companions,
            "models": [{"series_id": self.series[series].0}],
            "test_drive": test_drive,
            "grade": grade,
        });
        if let (Some(target), Some(extra)) = (body.as_object_mut(), customer.as_object()) {
            target.extend(extra.clone());
        }
        let outcome = self
            .app
            .sales()
            .register_reception(&self.consultants[owner], input(body)?)
            .await?;
        // The consultant registers their own customers, so the lead is theirs to see.
        let Some(lead) = outcome.lead else {
            return Ok(());
        };
        if returning.is_none() {
            self.leads.push(SimLead {
                id: lead.id,
                customer_id: outcome.reception.customer.id,
                owner,
                phone,
                series,
                opportunity: None,
                drove: false,
                closed: false,
                due: lead.next_follow_up_at,
                opportunity_closed: false,
            });
        } else if let Some(i) = returning {
            self.leads[i].due = lead.next_follow_up_at;
        }
        if test_drive {
            let i = returning.unwrap_or(self.leads.len() - 1);
            self.book_drive(i, now).await?;
        }
        Ok(())
    }

    async fn remote_lead(&mut self) -> CoreResult<()> {
        let total: u32 = SOURCES.iter().map(|s| s.1).sum();
        let mut roll = self.faker.between(0, i64::from(total) - 1);
        let mut source = SOURCES[0].0;
        for (key, weight) in SOURCES {
            if roll < i64::from(weight) {
                source = key;
                break;
            }
            roll -= i64::from(weight);
        }
        let (name, _) = self.faker.person();
        let phone = self.faker.mobile();
        let owner = self.faker.index(self.consultants.len());
        let series = self.faker.index(self.series.len());
        let timeframe = [
            "within_week",
            "within_two_weeks",
            "within_month",
            "within_three_months",
            "undecided",
        ][self.faker.index(5)];
        let payment = ["cash", "loan", "lease"][self.faker.index(3)];
        let price = self.series[series].1;
        let lead = self
            .app
            .sales()
            .create_lead(
                self.manager,
                input(json!({
                    "customer": {"name": name, "phones": [{"number": phone}]},
                    "source": source,
                    "series_id": self.series[series].0,
                    "timeframe": timeframe,
                    "payment": payment,
                    "budget_min_fen": price / 100 * 90,
                    "budget_max_fen": price / 100 * 110,
                    "owner_id": self.consultants[owner].user_id(),
                }))?,
            )
            .await;
        let lead = match lead {
            Ok(lead) => lead,
            // A phone that happens to match a customer with an open lead: skip it.
            Err(CoreError::AlreadyExists(_) | CoreError::Validation(_)) => return Ok(()),
            Err(other) => return Err(other),
        };
        self.leads.push(SimLead {
            id: lead.id,
            customer_id: lead.customer.id,
            owner,
            phone,
            series,
            opportunity: None,
            drove: false,
            closed: false,
            due: lead.next_follow_up_at,
            opportunity_closed: false,
        });
        Ok(())
    }

    async fn book_drive(&mut self, lead: usize, now: DateTime<Utc>) -> CoreResult<()> {
        let car = self.cars[self.faker.index(self.cars.len())];
        let starts = now + Duration::minutes(5);
        let l = &self.leads[lead];
        let reply = self
            .app
            .sales()
            .book_test_drive(
                &self.consultants[l.owner],
                input(json!({
                    "car_id": car,
                    "customer_id": l.customer_id,
                    "lead_id": l.id,
                    "starts_at": starts,
                    "ends_at": starts + Duration::minutes(40),
                }))?,
            )
            .await;
        match reply {
            Ok(booking) => {
                self.bookings.push(Booking {
                    id: booking.id,
                    owner: l.owner,
                    lead,
                    ends_at: starts + Duration::minutes(40),
                });
                Ok(())
            }
            // The car is out: they drive another day.
            Err(CoreError::ScheduleConflict { .. } | CoreError::Validation(_)) => Ok(()),
            Err(other) => Err(other),
        }
    }

    /// Feedback on the drives that are over; one customer in ten did not come.
    async fn drives_done(&mut self) -> CoreResult<()> {
        let now = self.app.now();
        let (done, waiting): (Vec<Booking>, Vec<Booking>) = std::mem::take(&mut self.bookings)
            .into_iter()
            .partition(|b| b.ends_at <= now);
        self.bookings = waiting;
        for b in done {
            let actor = &self.consultants[b.owner];
            let lead = self
                .app
                .sales()
                .get_lead(actor, self.leads[b.lead].id)
                .await?;
            let Some(booking) = lead.test_drives.iter().find(|d| d.id == b.id) else {
                continue;
            };
            if self.faker.chance(0.1) {
                self.app
                    .sales()
                    .cancel_test_drive(
                        actor,
                        b.id,
                        input(json!({"version": booking.version, "no_show": true}))?,
                    )
                    .await?;
                continue;
            }
            let grade = if lead.lead.status == LeadStatus::Open
                && Grade::JUDGED.contains(&lead.lead.grade)
            {
                Some(if self.faker.chance(0.6) {
                    warmer(lead.lead.grade)
                } else {
                    lead.lead.grade
                })
            } else {
                None
            };
            let licence = self.faker.id_number(
                chrono::NaiveDate::from_ymd_opt(1985, 5, 17).unwrap_or_default(),
                true,
            );
            let result = self
                .app
                .sales().test_drive_feedback(
                    actor,
                    b.id,
                    input(json!({
                        "version": booking.version,
                        "rating": self.faker.between(3, 5),
                        "liked": (["动力充沛", "空间大", "内饰做工好", "驾驶平顺"])[self.faker.index(4)],
                        "concerns": (["油耗", "后排空间", "价格", "车机反应"])[self.faker.index(4)],
                        "grade": grade,
                        "licence_number": licence,
                    }))?,
                )
                .await;
            match result {
                Ok(_) => {
                    let lead = &mut self.leads[b.lead];
                    lead.drove = true;
                    // A new grade moves the next follow-up: look again tomorrow.
                    lead.due = lead.due.map(|due| due.min(now));
                }
                Err(CoreError::Validation(_) | CoreError::InvalidState { .. }) => {}
                Err(other) => return Err(other),
            }
        }
        Ok(())
    }

    /// Each consultant works the follow-ups due today (most of them: some slip and show as
    /// overdue).
    async fn follow_ups(&mut self, slip: f64) -> CoreResult<()> {
        let now = self.app.now();
        for i in 0..self.leads.len() {
            if self.leads[i].closed
                || self.leads[i]
                    .due
                    .is_none_or(|due| due > now + Duration::hours(9))
            {
                continue;
            }
            let actor = &self.consultants[self.leads[i].owner];
            let lead = match self.app.sales().get_lead(actor, self.leads[i].id).await {
                Ok(detail) => detail.lead,
                Err(CoreError::NotFound { .. }) => {
                    self.leads[i].closed = true;
                    continue;
                }
                Err(other) => return Err(other),
            };
            if lead.status != LeadStatus::Open {
                self.leads[i].closed =
                    lead.status == LeadStatus::Lost || lead.status == LeadStatus::Won;
                continue;
            }
            self.leads[i].due = lead.next_follow_up_at;
            if lead
                .next_follow_up_at
                .is_none_or(|due| due > now + Duration::hours(9))
                || self.faker.chance(slip)
            {
                continue;
            }
            if lead.grade != Grade::O && self.faker.chance(lost_chance(lead.grade)) {
                self.lose(i, &lead).await?;
                continue;
            }
            self.follow_up(i, &lead).await?;
        }
        Ok(())
    }

    async fn follow_up(&mut self, i: usize, lead: &LeadView) -> CoreResult<()> {
        let grade = match lead.grade {
            Grade::N => self.pick_grade([
                (Grade::H, 1),
                (Grade::A, 3),
                (Grade::B, 5),
                (Grade::C, 6),
                (Grade::N, 0),
            ]),
            g if self.faker.chance(0.25) => warmer(g),
            g if self.faker.chance(0.1) => colder(g),
            g => g,
        };
        let channel = ["phone", "wechat", "phone", "visit", "sms"][self.faker.index(5)];
        let owner = self.leads[i].owner;
        let logged = self
            .app
            .sales()
            .log_follow_up(
                &self.consultants[owner],
                lead.id,
                input(json!({
                    "version": lead.version,
                    "channel": channel,
                    "summary": SAID[self.faker.index(SAID.len())],
                    "grade": grade,
                    "next_step": if grade == Grade::H { Some("约到店试驾、出方案") } else { None },
                }))?,
            )
            .await?;
        self.leads[i].due = logged.next_follow_up_at;
        // Warm leads come in for a drive and get an opportunity.
        if matches!(grade, Grade::H | Grade::A) && !self.leads[i].drove && self.faker.chance(0.5) {
            let at = self.app.now() + Duration::hours(20);
            let reply = self.book_drive_at(i, at).await;
            reply?;
        }
        if grade == Grade::H && self.leads[i].opportunity.is_none() {
            let price = self.series[self.leads[i].series].1;
            let discount = self.faker.between(5, 20) * 100_000;
            let opportunity = self
                .app
                .sales().open_opportunity(
                    &self.consultants[owner],
                    lead.id,
                    input(json!({
                        "amount_fen": price - discount,
                        "expected_on": (self.app.now() + Duration::days(self.faker.between(7, 30))).date_naive(),
                        "competitors": [format!("{}", MAKERS[self.faker.index(MAKERS.len())].1)],
                    }))?,
                )
                .await?;
            self.leads[i].opportunity = Some(opportunity.id);
        }
        Ok(())
    }

    async fn book_drive_at(&mut self, lead: usize, at: DateTime<Utc>) -> CoreResult<()> {
        let car = self.cars[self.faker.index(self.cars.len())];
        let l = &self.leads[lead];
        let reply = self
            .app
            .sales()
            .book_test_drive(
                &self.consultants[l.owner],
                input(json!({
                    "car_id": car, "customer_id": l.customer_id, "lead_id": l.id,
                    "starts_at": at, "ends_at": at + Duration::minutes(45),
                }))?,
            )
            .await;
        match reply {
            Ok(booking) => {
                self.bookings.push(Booking {
                    id: booking.id,
                    owner: l.owner,
                    lead,
                    ends_at: at + Duration::minutes(45),
                });
                Ok(())
            }
            Err(CoreError::ScheduleConflict { .. } | CoreError::Validation(_)) => Ok(()),
            Err(other) => Err(other),
        }
    }

    async fn lose(&mut self, i: usize, lead: &LeadView) -> CoreResult<()> {
        let (reason, brand) = match self.faker.between(0, 5) {
            0 | 1 => (
                "bought_competitor",
                Some(MAKERS[self.faker.index(MAKERS.len())].1),
            ),
            2 => ("price", Some(MAKERS[self.faker.index(MAKERS.len())].1)),
            3 => ("postponed", None),
            4 => ("financing_refused", None),
            _ => (
                "delivery_time",
                Some(MAKERS[self.faker.index(MAKERS.len())].1),
            ),
        };
        let actor = &self.consultants[self.leads[i].owner];
        let lost = self
            .app
            .sales()
            .mark_lead_lost(
                actor,
                lead.id,
                input(
                    json!({"version": lead.version, "reason": reason, "competitor_brand": brand}),
                )?,
            )
            .await?;
        self.leads[i].closed = true;
        self.leads[i].due = lost.next_follow_up_at;
        Ok(())
    }

    /// The manager approves most losses and sends a few back to be worked.
    async fn decide_losses(&mut self) -> CoreResult<()> {
        let pending = self
            .app
            .sales()
            .list_leads(
                self.manager,
                LeadQuery {
                    status: Some("lost_pending".into()),
                    limit: Some(100),
                    ..LeadQuery::default()
                },
            )
            .await?;
        for lead in pending.items {
            let approve = self.faker.chance(0.8);
            let decided = self
                .app
                .sales()
                .decide_lead_lost(self.manager, lead.id, lead.version, approve)
                .await?;
            if let Some(sim) = self.leads.iter_mut().find(|l| l.id == decided.id) {
                sim.closed = decided.status != LeadStatus::Open;
                sim.due = decided.next_follow_up_at;
            }
        }
        Ok(())
    }

    /// Opportunities move on: a stage every few days; some sign, signed cars are delivered.
    async fn pipeline(&mut self) -> CoreResult<()> {
        for i in 0..self.leads.len() {
            let Some(id) = self.leads[i].opportunity else {
                continue;
            };
            if self.leads[i].opportunity_closed || !self.faker.chance(0.3) {
                continue;
            }
            let actor = &self.consultants[self.leads[i].owner];
            let opportunity = self.app.sales().get_opportunity(actor, id).await?;
            if opportunity.status != "open" {
                self.leads[i].opportunity_closed = true;
                continue;
            }
            // Some customers walk away before signing.
            let signed = self
                .stages
                .iter()
                .position(|s| *s == opportunity.stage.id)
                .is_some_and(|at| at >= 4);
            if !signed && self.faker.chance(0.12) {
                let lead = self
                    .app
                    .sales()
                    .get_lead(actor, self.leads[i].id)
                    .await?
                    .lead;
                if lead.status == LeadStatus::Open {
                    self.lose(i, &lead).await?;
                }
                continue;
            }
            let Some(at) = self.stages.iter().position(|s| *s == opportunity.stage.id) else {
                continue;
            };
            let Some(next) = self.stages.get(at + 1) else {
                continue;
            };
            match self
                .app
                .sales()
                .move_opportunity(
                    actor,
                    id,
                    input(json!({"version": opportunity.version, "stage_id": next}))?,
                )
                .await
            {
                Ok(moved) if moved.status != "open" => self.leads[i].opportunity_closed = true,
                Ok(_) => {}
                Err(CoreError::InvalidState { .. } | CoreError::VersionConflict { .. }) => {}
                Err(other) => return Err(other),
            }
        }
        Ok(())
    }
}

/// One step warmer (H stays H: O comes from a signed contract).
fn warmer(grade: Grade) -> Grade {
    match grade {
        Grade::C => Grade::B,
        Grade::B => Grade::A,
        Grade::A | Grade::H => Grade::H,
        other => other,
    }
}

fn colder(grade: Grade) -> Grade {
    match grade {
        Grade::H => Grade::A,
        Grade::A => Grade::B,
        Grade::B | Grade::C => Grade::C,
        other => other,
    }
}

/// The daily chance that a lead due a follow-up is lost instead.
fn lost_chance(grade: Grade) -> f64 {
    match grade {
        Grade::C => 0.12,
        Grade::B => 0.06,
        Grade::N => 0.08,
        _ => 0.02,
    }
}
