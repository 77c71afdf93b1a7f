//! Customers arriving: walk-ins (and second visits) in the showroom, and leads from the phone,
//! the web, portals and the OEM.

use super::{SOURCES, Sim, SimLead, input};
use chrono::Duration;
use forecourt_domain::sales::Grade;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_sales::SalesExt as _;
use forecourt_sales::receptions::SAME_VISIT_MINUTES;
use serde_json::json;

impl Sim<'_> {
    pub(super) async fn walk_in(&mut self) -> CoreResult<()> {
        // One visit in five is a customer coming back, once their last visit is over.
        let now = self.app.now();
        let same_visit = Duration::minutes(SAME_VISIT_MINUTES);
        let open: Vec<usize> = (0..self.leads.len())
            .filter(|i| {
                let lead = &self.leads[*i];
                !lead.closed && lead.last_visit.is_none_or(|at| now - at > same_visit)
            })
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
                deal: Default::default(),
                last_visit: Some(now),
            });
        } else if let Some(i) = returning {
            self.leads[i].due = lead.next_follow_up_at;
            self.leads[i].last_visit = Some(now);
        }
        if test_drive {
            let i = returning.unwrap_or(self.leads.len() - 1);
            self.book_drive(i, now).await?;
        }
        Ok(())
    }

    pub(super) async fn remote_lead(&mut self) -> CoreResult<()> {
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
            deal: Default::default(),
            last_visit: None,
        });
        Ok(())
    }
}
