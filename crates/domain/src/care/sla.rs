//! The SLA clock of a complaint, in working time: a dealer's working calendar (working days,
//! hours, holidays and worked weekend days 调休, in its time zone) and the time "waiting for
//! the customer", which does not count.
//!
//! A target of N working minutes from a start falls due at the instant when N minutes of
//! working time, outside every pause, have passed. Logged on a Saturday at 17:30 with a
//! 4-hour target, Monday to Saturday 08:30–18:00: 30 minutes on Saturday, 3 h 30 on Monday,
//! due Monday 12:00.

use crate::time_zone::DealerTimeZone;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use std::collections::BTreeSet;

/// How far ahead a due instant is searched (a calendar of holidays only never comes due).
const SEARCH_DAYS: i64 = 3 * 366;

/// A dealer's working calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkingCalendar {
    pub zone: DealerTimeZone,
    /// Working weekdays, Monday first.
    pub working_days: [bool; 7],
    /// The working day's start and end, minutes after local midnight (start < end ≤ 1440).
    pub day_starts_min: u32,
    pub day_ends_min: u32,
    /// Days off on a working weekday (public holidays).
    pub holidays: BTreeSet<NaiveDate>,
    /// Days worked on a day off (调休: a Saturday or Sunday made a working day).
    pub extra_working_days: BTreeSet<NaiveDate>,
}

/// A stretch of time the clock stood still (waiting for the customer); `end` is `None` while
/// it lasts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pause {
    pub start: DateTime<Utc>,
    pub end: Option<DateTime<Utc>>,
}

impl WorkingCalendar {
    /// Monday to Saturday, 08:30–18:00, in `zone`, without holidays.
    pub fn showroom(zone: DealerTimeZone) -> Self {
        Self {
            zone,
            working_days: [true, true, true, true, true, true, false],
            day_starts_min: 8 * 60 + 30,
            day_ends_min: 18 * 60,
            holidays: BTreeSet::new(),
            extra_working_days: BTreeSet::new(),
        }
    }

    /// Whether `day` (the dealer's calendar) is worked.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        if self.extra_working_days.contains(&day) {
            return true;
        }
        self.working_days[day.weekday().num_days_from_monday() as usize]
            && !self.holidays.contains(&day)
    }

    fn local_instant(&self, day: NaiveDate, minutes: u32) -> DateTime<Utc> {
        if minutes >= 24 * 60 {
            return self.zone.start_of_day(day + Duration::days(1));
        }
        let time = NaiveTime::from_num_seconds_from_midnight_opt(minutes * 60, 0)
            .unwrap_or(NaiveTime::MIN);
        let tz = self.zone.tz();
        match tz.from_local_datetime(&day.and_time(time)).earliest() {
            Some(at) => at.with_timezone(&Utc),
            // A DST gap: the hour after.
            None => tz
                .from_local_datetime(&(day.and_time(time) + Duration::hours(1)))
                .earliest()
                .map(|at| at.with_timezone(&Utc))
                .unwrap_or_else(|| self.zone.start_of_day(day)),
        }
    }

    /// The working hours of `day`, if it is worked.
    fn hours_of(&self, day: NaiveDate) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        (self.is_working_day(day) && self.day_starts_min < self.day_ends_min).then(|| {
            (
                self.local_instant(day, self.day_starts_min),
                self.local_instant(day, self.day_ends_min),
            )
        })
    }

    /// The working stretches from `from` on, in order, outside `pauses`, for `SEARCH_DAYS`.
    fn stretches<'a>(
        &'a self,
        from: DateTime<Utc>,
        pauses: &'a [Pause],
    ) -> impl Iterator<Item = (DateTime<Utc>, DateTime<Utc>)> + 'a {
        let first = self.zone.local_date(from);
        (0..SEARCH_DAYS)
            .map(move |n| first + Duration::days(n))
            .filter_map(move |day| self.hours_of(day))
            .filter_map(move |(start, end)| {
                let start = start.max(from);
                (start < end).then_some((start, end))
            })
            .flat_map(move |stretch| outside_pauses(stretch, pauses))
    }

    /// The working time between two instants outside `pauses` (zero when `to` is not after
    /// `from`).
    pub fn working_time_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        pauses: &[Pause],
    ) -> Duration {
        if to <= from {
            return Duration::zero();
        }
        self.stretches(from, pauses)
            .take_while(|(start, _)| *start < to)
            .map(|(start, end)| end.min(to) - start)
            .fold(Duration::zero(), |sum, d| sum + d)
    }

    /// The instant `target` of working time after `from`, outside `pauses`: `None` while a
    /// pause that has not ended stands in the way, or when the calendar has no working time
    /// in the next three years.
    pub fn due_at(
        &self,
        from: DateTime<Utc>,
        target: Duration,
        pauses: &[Pause],
    ) -> Option<DateTime<Utc>> {
        let mut left = target;
        if left <= Duration::zero() {
            return Some(from);
        }
        for (start, end) in self.stretches(from, pauses) {
            let length = end - start;
            if length >= left {
                return Some(start + left);
            }
            left -= length;
        }
        None
    }
}

/// Cuts the pauses out of one working stretch (pauses may overlap or be unordered).
fn outside_pauses(
    (start, end): (DateTime<Utc>, DateTime<Utc>),
    pauses: &[Pause],
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut cuts: Vec<(DateTime<Utc>, DateTime<Utc>)> = pauses
        .iter()
        .map(|p| (p.start, p.end.unwrap_or(DateTime::<Utc>::MAX_UTC)))
        .filter(|(s, e)| s < e && *s < end && *e > start)
        .collect();
    cuts.sort();
    let mut out = Vec::new();
    let mut at = start;
    for (s, e) in cuts {
        if s > at {
            out.push((at, s.min(end)));
        }
        at = at.max(e);
        if at >= end {
            return out;
        }
    }
    if at < end {
        out.push((at, end));
    }
    out
}

/// The instant a share of the target is used up (an escalation step at 80 %: `percent` 80).
pub fn share_of_target_at(
    calendar: &WorkingCalendar,
    from: DateTime<Utc>,
    target: Duration,
    percent: u32,
    pauses: &[Pause],
) -> Option<DateTime<Utc>> {
    let share = Duration::seconds(target.num_seconds() * i64::from(percent) / 100);
    calendar.due_at(from, share, pauses)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;

    fn shanghai(day: &str, time: &str) -> DateTime<Utc> {
        let local =
            chrono::NaiveDateTime::parse_from_str(&format!("{day} {time}"), "%Y-%m-%d %H:%M")
                .unwrap();
        chrono_tz::Asia::Shanghai
            .from_local_datetime(&local)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn calendar() -> WorkingCalendar {
        WorkingCalendar::showroom(DealerTimeZone::default())
    }

    #[test]
    fn saturday_evening_plus_four_working_hours_is_monday_noon() {
        // 2026-12-05 is a Saturday.
        let due = calendar().due_at(shanghai("2026-12-05", "17:30"), Duration::hours(4), &[]);
        assert_eq!(due, Some(shanghai("2026-12-07", "12:00")));
    }

    #[test]
    fn a_holiday_monday_moves_it_to_tuesday_and_a_worked_sunday_brings_it_back() {
        let mut cal = calendar();
        cal.holidays.insert(day("2026-12-07"));
        let logged = shanghai("2026-12-05", "17:30");
        assert_eq!(
            cal.due_at(logged, Duration::hours(4), &[]),
            Some(shanghai("2026-12-08", "12:00"))
        );
        cal.extra_working_days.insert(day("2026-12-06"));
        assert_eq!(
            cal.due_at(logged, Duration::hours(4), &[]),
            Some(shanghai("2026-12-06", "12:00"))
        );
    }

    #[test]
    fn waiting_for_the_customer_does_not_count() {
        let cal = calendar();
        let logged = shanghai("2026-12-07", "09:00");
        let waited = Pause {
            start: shanghai("2026-12-07", "10:00"),
            end: Some(shanghai("2026-12-07", "11:30")),
        };
        assert_eq!(
            cal.due_at(logged, Duration::hours(4), &[waited]),
            Some(shanghai("2026-12-07", "14:30"))
        );
        // A pause over the evening and night only takes the working part.
        let overnight = Pause {
            start: shanghai("2026-12-07", "17:00"),
            end: Some(shanghai("2026-12-08", "09:00")),
        };
        assert_eq!(
            cal.working_time_between(logged, shanghai("2026-12-08", "10:00"), &[overnight]),
            Duration::hours(8) + Duration::minutes(60)
        );
        // While the customer is still awaited, the clock has no due time.
        let open = Pause {
            start: shanghai("2026-12-07", "10:00"),
            end: None,
        };
        assert_eq!(cal.due_at(logged, Duration::hours(4), &[open]), None);
        assert_eq!(
            cal.working_time_between(logged, shanghai("2026-12-09", "10:00"), &[open]),
            Duration::hours(1)
        );
    }

    #[test]
    fn time_outside_working_hours_does_not_count() {
        let cal = calendar();
        // Logged on Sunday night: the clock starts on Monday at 08:30.
        let logged = shanghai("2026-12-06", "22:00");
        assert_eq!(
            cal.due_at(logged, Duration::hours(1), &[]),
            Some(shanghai("2026-12-07", "09:30"))
        );
        // A whole working day is 9 h 30: two working days from Monday 08:30 end Tuesday 18:00.
        assert_eq!(
            cal.due_at(logged, Duration::minutes(2 * 570), &[]),
            Some(shanghai("2026-12-08", "18:00"))
        );
        assert_eq!(
            cal.working_time_between(logged, shanghai("2026-12-07", "09:00"), &[]),
            Duration::minutes(30)
        );
    }

    #[test]
    fn escalation_steps_fall_at_their_share_of_the_target() {
        let cal = calendar();
        let logged = shanghai("2026-12-05", "17:30");
        // 80 % of 4 h is 3 h 12: 30 minutes on Saturday, 2 h 42 on Monday.
        assert_eq!(
            share_of_target_at(&cal, logged, Duration::hours(4), 80, &[]),
            Some(shanghai("2026-12-07", "11:12"))
        );
    }

    proptest::proptest! {
        /// Whatever the start, target and pause, the working time from the start to the due
        /// instant is the target, and the due instant is inside working hours.
        #[test]
        fn the_due_instant_uses_up_exactly_the_target(
            start_min in 0i64..(60 * 24 * 21),
            target_min in 1i64..(60 * 80),
            pause_from in 0i64..(60 * 24 * 21),
            pause_len in 0i64..(60 * 48),
        ) {
            let mut cal = calendar();
            cal.holidays.insert(day("2026-12-09"));
            let base = shanghai("2026-12-01", "00:00");
            let from = base + Duration::minutes(start_min);
            let pause = Pause {
                start: base + Duration::minutes(pause_from),
                end: Some(base + Duration::minutes(pause_from + pause_len)),
            };
            let target = Duration::minutes(target_min);
            let due = cal.due_at(from, target, &[pause]).unwrap();
            proptest::prop_assert_eq!(cal.working_time_between(from, due, &[pause]), target);
            let local = due.with_timezone(&chrono_tz::Asia::Shanghai);
            let minutes = local.time().num_seconds_from_midnight() / 60;
            proptest::prop_assert!((8 * 60 + 30..=18 * 60).contains(&minutes), "{}", local);
            proptest::prop_assert!(cal.is_working_day(local.date_naive()));
        }
    }

    #[test]
    fn a_calendar_without_working_time_never_comes_due() {
        let mut cal = calendar();
        cal.working_days = [false; 7];
        assert_eq!(
            cal.due_at(shanghai("2026-12-07", "09:00"), Duration::hours(1), &[]),
            None
        );
    }

    #[test]
    fn the_target_is_counted_in_the_dealers_own_time_zone() {
        let mut cal = calendar();
        cal.zone = DealerTimeZone::parse("tz", "Europe/Berlin").unwrap();
        // Friday 2026-12-04 17:00 in Berlin is 16:00 UTC; one hour left that day, then
        // Saturday 08:30–09:30 Berlin (07:30–08:30 UTC).
        let logged = Utc.with_ymd_and_hms(2026, 12, 4, 16, 0, 0).unwrap();
        assert_eq!(
            cal.due_at(logged, Duration::hours(2), &[]),
            Some(Utc.with_ymd_and_hms(2026, 12, 5, 8, 30, 0).unwrap())
        );
    }
}
