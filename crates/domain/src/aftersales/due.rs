//! When a car's next service falls due: whichever comes first of the plan's time interval and
//! the day its **predicted** mileage reaches the distance interval.

use super::mileage::{Rate, Reading};
use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A maintenance plan's intervals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Intervals {
    pub km: i32,
    pub months: u32,
}

/// A plan: the regular intervals and, optionally, the first service's (首保).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    pub every: Intervals,
    pub first: Option<Intervals>,
}

/// Which limit decides the due day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DueBy {
    /// The time interval comes first.
    Time,
    /// The predicted mileage reaches the distance interval first.
    Distance,
}

impl DueBy {
    pub fn as_str(self) -> &'static str {
        match self {
            DueBy::Time => "time",
            DueBy::Distance => "distance",
        }
    }
}

/// A car's next service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due {
    pub on: NaiveDate,
    /// The reading at which it is due by distance.
    pub km: i32,
    pub by: DueBy,
    /// The first service (首保).
    pub first: bool,
}

/// What the due day is computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct History {
    /// The last service done (day and reading), if any.
    pub last_service: Option<Reading>,
    /// The day the car was bought (the first service counts from it).
    pub purchased_on: Option<NaiveDate>,
    /// The latest odometer reading.
    pub latest: Option<Reading>,
    /// The dealer's today: a car never serviced here is scheduled from where it is now.
    pub today: NaiveDate,
}

/// The next service of a car with `history` under `plan`, driving at `rate`. Due on the earlier
/// of a time limit and the day the predicted mileage (from the latest reading, at `rate`,
/// rounded up to a whole day) reaches a distance limit:
///
/// - after a service on record, the regular intervals from it (however long ago: a car that
///   stopped coming is overdue);
/// - before any service on record, the first service (首保, its own intervals when the plan has
///   them, else the regular ones) from the purchase at 0 km — while the car is, today, short of
///   the second service's limits (one regular interval of time and of distance from purchase).
///   Past them, the first service was evidently done elsewhere, so the car is put on the
///   regular schedule from purchase: the next anniversary of one regular interval, or the next
///   multiple of the regular distance above its predicted reading today, whichever comes first;
/// - with neither service nor purchase day, the regular intervals from the latest reading.
///
/// None when nothing dates the car (no service, no purchase day, no reading).
pub fn next_due(plan: &Plan, history: &History, rate: Rate) -> Option<Due> {
    if let Some(service) = history.last_service {
        return due_from(service, plan.every, history.latest, rate, false);
    }
    let Some(bought) = history.purchased_on else {
        return due_from(history.latest?, plan.every, history.latest, rate, false);
    };
    let delivered = Reading { on: bought, km: 0 };
    let from = later_reading(history.latest, delivered);
    let km_today = predicted_km(from, rate, history.today);
    let second_by = bought.checked_add_months(Months::new(plan.every.months))?;
    if history.today < second_by && km_today < plan.every.km {
        let intervals = plan.first.unwrap_or(plan.every);
        return due_from(
            delivered,
            intervals,
            history.latest,
            rate,
            plan.first.is_some(),
        );
    }
    on_schedule(bought, plan.every, from, km_today, history.today, rate)
}

/// Due `intervals` after `base`, the distance predicted from `latest` when it is later.
fn due_from(
    base: Reading,
    intervals: Intervals,
    latest: Option<Reading>,
    rate: Rate,
    first: bool,
) -> Option<Due> {
    let due_km = base.km.saturating_add(intervals.km);
    let by_time = base.on.checked_add_months(Months::new(intervals.months))?;
    let by_distance = day_reaching(later_reading(latest, base), due_km, rate);
    Some(earlier(by_time, by_distance, due_km, first))
}

/// The regular schedule from purchase for a car with no service on record: the first
/// anniversary (in whole intervals) not before `today`, or the day it reaches the next
/// multiple of the interval's distance above `km_today`.
fn on_schedule(
    bought: NaiveDate,
    every: Intervals,
    from: Reading,
    km_today: i32,
    today: NaiveDate,
    rate: Rate,
) -> Option<Due> {
    if every.months == 0 || every.km <= 0 {
        return None;
    }
    let mut cycles: u32 = 1;
    let by_time = loop {
        let day = bought.checked_add_months(Months::new(every.months.checked_mul(cycles)?))?;
        if day >= today {
            break day;
        }
        cycles += 1;
    };
    let due_km = (km_today / every.km)
        .saturating_add(1)
        .saturating_mul(every.km);
    let by_distance = day_reaching(from, due_km, rate).map(|day| day.max(today));
    Some(earlier(by_time, by_distance, due_km, false))
}

/// The due day: distance when it comes strictly before time.
fn earlier(by_time: NaiveDate, by_distance: Option<NaiveDate>, km: i32, first: bool) -> Due {
    let (on, by) = match by_distance {
        Some(day) if day < by_time => (day, DueBy::Distance),
        _ => (by_time, DueBy::Time),
    };
    Due { on, km, by, first }
}

/// `latest` when it is on or after `base` (and not below it), else `base`.
fn later_reading(latest: Option<Reading>, base: Reading) -> Reading {
    match latest {
        Some(latest) if latest.on >= base.on && latest.km >= base.km => latest,
        _ => base,
    }
}

/// The reading predicted on `day` for a car read at `from`, driving `rate`.
fn predicted_km(from: Reading, rate: Rate, day: NaiveDate) -> i32 {
    let days = (day - from.on).num_days().max(0);
    let metres = rate.metres_per_day.max(0).saturating_mul(days);
    from.km
        .saturating_add(i32::try_from(metres / 1000).unwrap_or(i32::MAX))
}

/// The day a car at `from`, driving `rate`, reaches `km` — the day it crossed, if it already
/// has (never before the reading's own day when it was read past it).
fn day_reaching(from: Reading, km: i32, rate: Rate) -> Option<NaiveDate> {
    if rate.metres_per_day <= 0 {
        return None;
    }
    let remaining_m = i64::from(km - from.km) * 1000;
    if remaining_m <= 0 {
        return Some(from.on);
    }
    let days = (remaining_m + rate.metres_per_day - 1) / rate.metres_per_day;
    from.on
        .checked_add_days(Days::new(u64::try_from(days).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const PLAN: Plan = Plan {
        every: Intervals {
            km: 10_000,
            months: 12,
        },
        first: Some(Intervals {
            km: 5_000,
            months: 6,
        }),
    };

    fn serviced(on: &str, km: i32) -> History {
        History {
            last_service: Some(Reading { on: day(on), km }),
            purchased_on: Some(day("2023-05-01")),
            latest: Some(Reading { on: day(on), km }),
            today: day(on),
        }
    }

    #[test]
    fn fifteen_hundred_a_month_is_due_by_distance_on_23_july() {
        let due = next_due(
            &PLAN,
            &serviced("2025-01-01", 20_000),
            Rate::per_month(1_500),
        )
        .unwrap();
        assert_eq!(
            due,
            Due {
                on: day("2025-07-23"),
                km: 30_000,
                by: DueBy::Distance,
                first: false
            }
        );
    }

    #[test]
    fn three_hundred_a_month_is_due_by_time_on_1_january() {
        let due = next_due(&PLAN, &serviced("2025-01-01", 20_000), Rate::per_month(300)).unwrap();
        assert_eq!(due.on, day("2026-01-01"));
        assert_eq!(due.by, DueBy::Time);
    }

    #[test]
    fn a_later_reading_moves_the_prediction() {
        // Serviced at 20,000; read at 28,000 on 1 April: 2,000 km left at 1,500 a month.
        let history = History {
            latest: Some(Reading {
                on: day("2025-04-01"),
                km: 28_000,
            }),
            ..serviced("2025-01-01", 20_000)
        };
        let due = next_due(&PLAN, &history, Rate::per_month(1_500)).unwrap();
        assert_eq!(due.on, day("2025-05-12"));
        // Already past the distance: due the day of the reading.
        let past = History {
            latest: Some(Reading {
                on: day("2025-04-01"),
                km: 31_000,
            }),
            ..serviced("2025-01-01", 20_000)
        };
        assert_eq!(
            next_due(&PLAN, &past, Rate::per_month(1_500)).unwrap().on,
            day("2025-04-01")
        );
    }

    #[test]
    fn first_service_counts_from_purchase() {
        let history = History {
            last_service: None,
            purchased_on: Some(day("2025-03-31")),
            latest: None,
            today: day("2025-04-01"),
        };
        let due = next_due(&PLAN, &history, Rate::fallback(20_000)).unwrap();
        // 5,000 km at 54.795 km a day is 92 days (1 July); six months is 30 September.
        assert_eq!(
            due,
            Due {
                on: day("2025-07-01"),
                km: 5_000,
                by: DueBy::Distance,
                first: true
            }
        );
        // A month-end purchase keeps to the month's end.
        let slow = next_due(&PLAN, &history, Rate::per_month(100)).unwrap();
        assert_eq!(slow.on, day("2025-09-30"));
        // Without a first-service interval the regular one applies.
        let plain = Plan {
            first: None,
            ..PLAN
        };
        let due = next_due(&plain, &history, Rate::per_month(100)).unwrap();
        assert_eq!(
            (due.on, due.km, due.first),
            (day("2026-03-31"), 10_000, false)
        );
    }

    #[test]
    fn nothing_to_date_the_car_is_no_due_day() {
        let history = History {
            last_service: None,
            purchased_on: None,
            latest: None,
            today: day("2026-12-08"),
        };
        assert_eq!(next_due(&PLAN, &history, Rate::fallback(20_000)), None);
    }

    fn never_serviced(bought: &str, latest: Option<(&str, i32)>) -> History {
        History {
            last_service: None,
            purchased_on: Some(day(bought)),
            latest: latest.map(|(on, km)| Reading { on: day(on), km }),
            today: day("2026-12-08"),
        }
    }

    #[test]
    fn an_old_car_never_serviced_here_is_on_the_regular_schedule_not_years_overdue() {
        // Bought 10 June 2015, read at 150,000 km on 1 November 2026, 1,000 km a month: about
        // 151,216 km today, so 160,000 km falls on 2 September 2027 — after the anniversary.
        let history = never_serviced("2015-06-10", Some(("2026-11-01", 150_000)));
        let due = next_due(&PLAN, &history, Rate::per_month(1_000)).unwrap();
        assert_eq!(
            due,
            Due {
                on: day("2027-06-10"),
                km: 160_000,
                by: DueBy::Time,
                first: false
            }
        );
        // A fast driver reaches the next ten thousand first: 1,500 km from 1 December at
        // 3,000 a month is 16 days.
        let history = never_serviced("2020-03-15", Some(("2026-12-01", 118_500)));
        let due = next_due(&PLAN, &history, Rate::per_month(3_000)).unwrap();
        assert_eq!(
            (due.on, due.km, due.by, due.first),
            (day("2026-12-17"), 120_000, DueBy::Distance, false)
        );
        // No reading at all: predicted from 0 km at purchase at the dealer's fallback — 4,199
        // days at 54.795 km is 230,084 km, and 240,000 km comes three days before the
        // anniversary.
        let history = never_serviced("2015-06-10", None);
        let due = next_due(&PLAN, &history, Rate::fallback(20_000)).unwrap();
        assert_eq!(
            (due.on, due.km, due.by),
            (day("2027-06-07"), 240_000, DueBy::Distance)
        );
    }

    #[test]
    fn a_missed_first_service_stays_due_until_the_second_one_would_be() {
        // Bought 1 March 2026, 4,000 km on 1 December at 450 km a month: the first service's
        // six months ran out on 1 September, and the car is short of 12 months and 10,000 km.
        let history = never_serviced("2026-03-01", Some(("2026-12-01", 4_000)));
        let due = next_due(&PLAN, &history, Rate::per_month(450)).unwrap();
        assert_eq!(
            (due.on, due.km, due.by, due.first),
            (day("2026-09-01"), 5_000, DueBy::Time, true)
        );
        // Read past 10,000 km, it joins the regular schedule: 20,000 km or 1 March 2027.
        let history = never_serviced("2026-03-01", Some(("2026-12-01", 10_400)));
        let due = next_due(&PLAN, &history, Rate::per_month(1_200)).unwrap();
        assert_eq!(
            (due.on, due.km, due.by, due.first),
            (day("2027-03-01"), 20_000, DueBy::Time, false)
        );
    }

    #[test]
    fn a_car_that_stopped_coming_is_overdue_from_its_last_service() {
        let history = History {
            today: day("2026-12-08"),
            ..serviced("2019-05-01", 40_000)
        };
        let due = next_due(&PLAN, &history, Rate::per_month(300)).unwrap();
        assert_eq!((due.on, due.by), (day("2020-05-01"), DueBy::Time));
    }
}
