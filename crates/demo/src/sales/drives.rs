//! Test drives: booking them, and feedback on the drives that are over.

use super::follow_ups::warmer;
use super::{Booking, Sim, input};
use chrono::{DateTime, Duration, Utc};
use forecourt_domain::sales::{Grade, LeadStatus};
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_sales::SalesExt as _;
use serde_json::json;

impl Sim<'_> {
    pub(super) async fn book_drive(&mut self, lead: usize, now: DateTime<Utc>) -> CoreResult<()> {
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
    pub(super) async fn drives_done(&mut self) -> CoreResult<()> {
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

    pub(super) async fn book_drive_at(&mut self, lead: usize, at: DateTime<Utc>) -> CoreResult<()> {
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
}
