//! Consultants working their due follow-ups — grades warming and cooling, some leads lost — and
//! the manager deciding the losses.

use super::{SAID, Sim, input};
use crate::fake::MAKERS;
use chrono::Duration;
use forecourt_domain::sales::{Grade, LeadStatus};
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_sales::SalesExt as _;
use forecourt_sales::leads::{LeadQuery, LeadView};
use serde_json::json;

impl Sim<'_> {
    /// Each consultant works the follow-ups due today (most of them: some slip and show as
    /// overdue).
    pub(super) async fn follow_ups(&mut self, slip: f64) -> CoreResult<()> {
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

    pub(super) async fn follow_up(&mut self, i: usize, lead: &LeadView) -> CoreResult<()> {
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

    pub(super) async fn lose(&mut self, i: usize, lead: &LeadView) -> CoreResult<()> {
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
    pub(super) async fn decide_losses(&mut self) -> CoreResult<()> {
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
}

/// One step warmer (H stays H: O comes from a signed contract).
pub(super) fn warmer(grade: Grade) -> Grade {
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
