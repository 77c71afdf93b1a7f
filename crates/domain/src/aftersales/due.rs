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
}

/// The next service of a car with `history` under `plan`, driving at `rate`: from the last
/// service with the regular intervals; before any service, from the purchase (with the first
/// service's intervals when the plan has them, at 0 km). Due on the earlier of the time limit
/// and the day the predicted mileage (from the latest reading, at `rate`) reaches the distance
/// limit, rounded up to a whole day. None when nothing dates the car (no service, no purchase
/// day, no reading).
pub fn next_due(plan: &Plan, history: &History, rate: Rate) -> Option<Due> {
    let (base, intervals, first) = match (history.last_service, history.purchased_on) {
        (Some(service), _) => (service, plan.every, false),
        (None, Some(bought)) => (
            Reading { on: bought, km: 0 },
            plan.first.unwrap_or(plan.every),
            plan.first.is_some(),
        ),
        (None, None) => (history.latest?, plan.every, false),
    };
    let due_km = base.km.saturating_add(intervals.km);
    let by_time = base.on.checked_add_months(Months::new(intervals.months))?;
    let from = match history.latest {
        Some(latest) if latest.on >= base.on && latest.km >= base.km => latest,
        _ => base,
    };
    let by_distance = day_reaching(from, due_km, rate);
    let (on, by) = match by_distance {
        Some(day) if day < by_time => (day, DueBy::Distance),
        _ => (by_time, DueBy::Time),
    };
    Some(Due {
        on,
        km: due_km,
        by,
        first,
    })
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
        };
        assert_eq!(next_due(&PLAN, &history, Rate::fallback(20_000)), None);
    }
}
