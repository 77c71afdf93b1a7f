//! The workshop's days: what each can take (bays × working minutes), what is booked, what is
//! left — overall and for one advisor — and the check a booking passes inside its write
//! transaction, under the day's lock.

use crate::AfterSales;
use crate::settings::{ensure_defaults, workshop};
use chrono::{Duration, NaiveDate};
use forecourt_db::ConnectionTrait;
use forecourt_db::repo::{locks, service};
use forecourt_domain::FieldError;
use forecourt_domain::aftersales::capacity::{Booked, Refusal, Workshop};
use forecourt_domain::ids::UserId;
use forecourt_domain::permission::Permission;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// How many days after a full one are searched for the next with room.
pub const NEXT_FREE_SEARCH_DAYS: i64 = 60;
/// The longest period the capacity table covers at once.
pub const MAX_CAPACITY_DAYS: i64 = 62;

/// The capacity table's period.
#[derive(Clone, Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CapacityQuery {
    /// The first day (default today).
    pub from: Option<NaiveDate>,
    /// The last day (default 13 days after `from`; at most 62 days in all).
    pub to: Option<NaiveDate>,
    /// Also show this advisor's booked and left minutes.
    pub advisor_id: Option<UserId>,
    /// Mark the days this long a job fits (15–1440 minutes).
    #[param(minimum = 15, maximum = 1440)]
    pub job_minutes: Option<i32>,
}

/// One workshop day.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CapacityDayView {
    pub on_date: NaiveDate,
    /// The workshop works that day.
    pub working: bool,
    /// Bays × working minutes (0 on a closed day).
    pub capacity_minutes: i32,
    /// Minutes of work booked (booked and arrived appointments).
    pub booked_minutes: i32,
    pub left_minutes: i32,
    /// With `advisor_id`: minutes booked with the advisor, and left of their daily cap.
    pub advisor_booked_minutes: Option<i32>,
    pub advisor_left_minutes: Option<i32>,
    /// With `job_minutes`: whether such a job fits.
    pub fits: Option<bool>,
}

/// What is booked on each day of `from..=to` (days without bookings are empty).
async fn booked_days<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    from: NaiveDate,
    to: NaiveDate,
    advisor: Option<Uuid>,
    except: Option<Uuid>,
) -> CoreResult<HashMap<NaiveDate, Booked>> {
    Ok(
        service::booked_minutes(conn, actor.scope(), from, to, advisor, except)
            .await?
            .into_iter()
            .map(|(day, workshop, with_advisor)| {
                (
                    day,
                    Booked {
                        workshop: i32::try_from(workshop).unwrap_or(i32::MAX),
                        advisor: i32::try_from(with_advisor).unwrap_or(i32::MAX),
                    },
                )
            })
            .collect(),
    )
}

/// Checks, inside the booking's write transaction, that a job of `job_minutes` fits `day`
/// (with `advisor`'s cap, leaving out `except`, the appointment being moved). Takes the day's
/// lock first, so a concurrent booking of the same day waits and then sees this one. A
/// closed day is 422 on `on_date`; a full one 409 `capacity_full` with the next day with room.
pub(crate) async fn check_fits<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    day: NaiveDate,
    job_minutes: i32,
    advisor: Option<Uuid>,
    except: Option<Uuid>,
    now: chrono::DateTime<chrono::Utc>,
) -> CoreResult<()> {
    let key = day.to_string();
    locks::lock_keys(conn, actor.scope(), &[("service_day", key.as_str())]).await?;
    let shop = workshop(&ensure_defaults(conn, actor, now).await?);
    let booked = booked_days(conn, actor, day, day, advisor, except).await?;
    let left = match shop.fits(
        day,
        booked.get(&day).copied().unwrap_or_default(),
        job_minutes,
        advisor.is_some(),
    ) {
        Ok(()) => return Ok(()),
        Err(Refusal::Closed) => {
            return Err(CoreError::invalid(FieldError::new(
                "on_date",
                "closed_day",
                "the workshop does not work that day",
            )));
        }
        Err(Refusal::WorkshopFull { left } | Refusal::AdvisorFull { left }) => left,
    };
    let first = day + Duration::days(1);
    let last = day + Duration::days(NEXT_FREE_SEARCH_DAYS);
    let later = booked_days(conn, actor, first, last, advisor, except).await?;
    let next_free = shop.first_fitting(
        first
            .iter_days()
            .take_while(|d| *d <= last)
            .map(|d| (d, later.get(&d).copied().unwrap_or_default())),
        job_minutes,
        advisor.is_some(),
    );
    Err(CoreError::CapacityFull {
        left_minutes: left,
        next_free,
    })
}

fn day_view(
    shop: &Workshop,
    day: NaiveDate,
    booked: Booked,
    advisor: bool,
    job: Option<i32>,
) -> CapacityDayView {
    let working = shop.works_on(day);
    let capacity = if working { shop.day_minutes() } else { 0 };
    CapacityDayView {
        on_date: day,
        working,
        capacity_minutes: capacity,
        booked_minutes: booked.workshop,
        left_minutes: (capacity - booked.workshop).max(0),
        advisor_booked_minutes: advisor.then_some(booked.advisor),
        advisor_left_minutes: advisor.then(|| (shop.advisor_daily_minutes - booked.advisor).max(0)),
        fits: job.map(|minutes| shop.fits(day, booked, minutes, advisor).is_ok()),
    }
}

impl AfterSales<'_> {
    /// The workshop's days in a period (default the next two weeks): capacity, booked and left
    /// minutes, an advisor's, and whether a job of a given length fits. Needs `service:read`.
    pub async fn service_capacity(
        &self,
        actor: &Actor,
        query: CapacityQuery,
    ) -> CoreResult<Vec<CapacityDayView>> {
        actor.require(Permission::ServiceRead)?;
        let from = query.from.unwrap_or_else(|| self.today(actor));
        let to = query.to.unwrap_or(from + Duration::days(13));
        if to < from || (to - from).num_days() >= MAX_CAPACITY_DAYS {
            return Err(CoreError::invalid(FieldError::new(
                "to",
                "out_of_range",
                "must be on or after from, at most 62 days in all",
            )));
        }
        if let Some(minutes) = query.job_minutes
            && !super::JOB_MINUTES.contains(&minutes)
        {
            return Err(CoreError::invalid(FieldError::new(
                "job_minutes",
                "out_of_range",
                "must be 15–1440 minutes",
            )));
        }
        let tx = self.db().begin().await?;
        let shop = workshop(&ensure_defaults(&*tx, actor, self.now()).await?);
        let advisor = query.advisor_id.map(UserId::uuid);
        let booked = booked_days(&*tx, actor, from, to, advisor, None).await?;
        tx.commit().await?;
        Ok(from
            .iter_days()
            .take_while(|d| *d <= to)
            .map(|d| {
                day_view(
                    &shop,
                    d,
                    booked.get(&d).copied().unwrap_or_default(),
                    advisor.is_some(),
                    query.job_minutes,
                )
            })
            .collect())
    }
}
