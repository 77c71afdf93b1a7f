//! Recurring schedules: a cron expression evaluated in the dealer's time zone ("09:00 every
//! day" is nine o'clock in Shanghai, not in UTC). Each due run becomes a job with an
//! idempotency key of the schedule and the run's time, so two nodes materialising the same
//! run queue it once.

use crate::app::App;
use crate::error::{CoreError, CoreResult};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use forecourt_db::entities::job_schedule;
use forecourt_db::repo::{jobs, org};
use forecourt_domain::FieldError;
use forecourt_domain::ids::DealerId;
use std::str::FromStr;
use uuid::Uuid;

/// A recurring job.
#[derive(Clone, Debug)]
pub struct NewSchedule {
    /// The dealer whose time zone the cron is read in, and whose job it is (None: UTC,
    /// installation-wide).
    pub dealer_id: Option<DealerId>,
    /// Unique per dealer: ensuring a schedule of the same name updates it.
    pub name: String,
    pub kind: String,
    /// Five fields (`min hour day month weekday`, e.g. `0 9 * * *`) or six with seconds first.
    pub cron: String,
    pub payload: serde_json::Value,
}

fn parse(cron: &str) -> Result<cron::Schedule, FieldError> {
    let fields = cron.split_whitespace().count();
    let full = if fields == 5 {
        format!("0 {cron}")
    } else {
        cron.to_owned()
    };
    cron::Schedule::from_str(&full).map_err(|e| {
        FieldError::new(
            "cron",
            "invalid_cron",
            format!("is not a cron expression: {e}"),
        )
    })
}

/// The first run of `cron` in `tz` strictly after `after`.
pub fn next_run(
    cron: &str,
    tz: Tz,
    after: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, FieldError> {
    let schedule = parse(cron)?;
    Ok(schedule
        .after(&after.with_timezone(&tz))
        .next()
        .map(|t| t.with_timezone(&Utc)))
}

pub fn schedule_key(dealer_id: Option<DealerId>, name: &str) -> String {
    let dealer = dealer_id
        .map(|d| d.to_string())
        .unwrap_or_else(|| "-".to_owned());
    format!("{dealer}|{name}")
}

impl App {
    /// Creates or updates every installed module's installation-wide schedules
    /// ([`Module::schedules`](crate::module::Module::schedules)); run at every start.
    pub async fn ensure_schedules(&self) -> CoreResult<()> {
        for module in crate::module::installed() {
            for spec in module.schedules() {
                self.ensure_schedule(NewSchedule {
                    dealer_id: None,
                    name: spec.kind.into(),
                    kind: spec.kind.into(),
                    cron: spec.cron.into(),
                    payload: serde_json::json!({}),
                })
                .await?;
            }
        }
        Ok(())
    }

    /// Creates or updates a recurring schedule (safe to call at every start).
    pub async fn ensure_schedule(&self, new: NewSchedule) -> CoreResult<()> {
        let conn = self.db.conn();
        let tz: Tz = match new.dealer_id {
            Some(dealer) => {
                let dealer = org::find_dealer(conn, dealer.uuid())
                    .await?
                    .ok_or(CoreError::not_found("dealer"))?;
                dealer
                    .time_zone
                    .parse()
                    .unwrap_or(chrono_tz::Asia::Shanghai)
            }
            None => chrono_tz::UTC,
        };
        let now = self.now();
        let next = next_run(&new.cron, tz, now)?.ok_or_else(|| {
            CoreError::invalid(FieldError::new("cron", "never_runs", "never runs"))
        })?;
        let tx = self.db.begin().await?;
        jobs::upsert_schedule(
            &*tx,
            job_schedule::Model {
                id: Uuid::now_v7(),
                dealer_id: new.dealer_id.map(DealerId::uuid),
                key: schedule_key(new.dealer_id, &new.name),
                kind: new.kind,
                cron: new.cron,
                time_zone: tz.name().to_owned(),
                payload: new.payload,
                next_run_at: next,
                last_run_at: None,
                active: true,
                created_at: now,
                updated_at: now,
                version: 1,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The next run of a schedule (for tests and the admin page).
    pub async fn schedule_next_run(
        &self,
        dealer_id: Option<DealerId>,
        name: &str,
    ) -> CoreResult<Option<DateTime<Utc>>> {
        Ok(
            jobs::find_schedule(self.db.conn(), &schedule_key(dealer_id, name))
                .await?
                .map(|s| s.next_run_at),
        )
    }
}

/// The run after `schedule`'s current one (skipping runs missed while nothing ran).
pub fn following(schedule: &job_schedule::Model, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let tz: Tz = schedule.time_zone.parse().unwrap_or(chrono_tz::UTC);
    next_run(&schedule.cron, tz, now.max(schedule.next_run_at))
        .ok()
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn nine_in_shanghai_is_one_utc() {
        let after = Utc.with_ymd_and_hms(2026, 3, 1, 2, 0, 0).unwrap();
        let next = next_run("0 9 * * *", chrono_tz::Asia::Shanghai, after)
            .unwrap()
            .unwrap();
        assert_eq!(next, Utc.with_ymd_and_hms(2026, 3, 2, 1, 0, 0).unwrap());
        assert!(next_run("not cron", chrono_tz::UTC, after).is_err());
    }
}
