//! A workshop day's capacity: bays × working minutes, and each advisor's daily cap. A job fits
//! a day when its standard time fits what is left of both.

use chrono::{Datelike, NaiveDate};

/// The workshop's capacity rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workshop {
    pub bays: i32,
    /// Minutes after local midnight.
    pub day_starts_min: i32,
    pub day_ends_min: i32,
    /// Monday first.
    pub working_days: [bool; 7],
    /// Minutes of booked work one advisor takes per day.
    pub advisor_daily_minutes: i32,
}

/// What is already booked on a day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Booked {
    /// Minutes booked in the whole workshop.
    pub workshop: i32,
    /// Minutes booked with the advisor asked for.
    pub advisor: i32,
}

/// Why a job does not fit a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The workshop does not work that day.
    Closed,
    /// The workshop has `left` minutes left.
    WorkshopFull { left: i32 },
    /// The advisor has `left` minutes left.
    AdvisorFull { left: i32 },
}

impl Workshop {
    /// Parses the seven `0`/`1` flags of the settings (Monday first); anything else is a
    /// Monday-to-Saturday week.
    pub fn parse_days(flags: &str) -> [bool; 7] {
        let mut days = [true, true, true, true, true, true, false];
        if flags.len() == 7 && flags.bytes().all(|b| b == b'0' || b == b'1') {
            for (i, b) in flags.bytes().enumerate() {
                days[i] = b == b'1';
            }
        }
        days
    }

    /// The seven flags as stored.
    pub fn days_flags(days: &[bool; 7]) -> String {
        days.iter().map(|d| if *d { '1' } else { '0' }).collect()
    }

    pub fn works_on(&self, day: NaiveDate) -> bool {
        self.working_days[day.weekday().num_days_from_monday() as usize]
    }

    /// The day's total: bays × working minutes.
    pub fn day_minutes(&self) -> i32 {
        self.bays.max(0) * (self.day_ends_min - self.day_starts_min).max(0)
    }

    /// Whether a job of `job_minutes` fits `day` with `booked` already; `with_advisor` when an
    /// advisor was asked for.
    pub fn fits(
        &self,
        day: NaiveDate,
        booked: Booked,
        job_minutes: i32,
        with_advisor: bool,
    ) -> Result<(), Refusal> {
        if !self.works_on(day) {
            return Err(Refusal::Closed);
        }
        let left = self.day_minutes() - booked.workshop;
        if job_minutes > left {
            return Err(Refusal::WorkshopFull { left: left.max(0) });
        }
        let advisor_left = self.advisor_daily_minutes - booked.advisor;
        if with_advisor && job_minutes > advisor_left {
            return Err(Refusal::AdvisorFull {
                left: advisor_left.max(0),
            });
        }
        Ok(())
    }

    /// The first day from `days` (in order, each with what is booked) on which the job fits.
    pub fn first_fitting(
        &self,
        days: impl IntoIterator<Item = (NaiveDate, Booked)>,
        job_minutes: i32,
        with_advisor: bool,
    ) -> Option<NaiveDate> {
        days.into_iter()
            .find(|(day, booked)| self.fits(*day, *booked, job_minutes, with_advisor).is_ok())
            .map(|(day, _)| day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shop() -> Workshop {
        Workshop {
            bays: 2,
            day_starts_min: 8 * 60 + 30,
            day_ends_min: 18 * 60,
            working_days: Workshop::parse_days("1111110"),
            advisor_daily_minutes: 300,
        }
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_day_is_bays_times_hours() {
        assert_eq!(shop().day_minutes(), 2 * 570);
    }

    #[test]
    fn two_and_a_half_hours_do_not_fit_two_left() {
        let monday = day("2025-07-07");
        let booked = Booked {
            workshop: shop().day_minutes() - 120,
            advisor: 0,
        };
        assert_eq!(
            shop().fits(monday, booked, 150, false),
            Err(Refusal::WorkshopFull { left: 120 })
        );
        assert_eq!(shop().fits(monday, booked, 120, false), Ok(()));
        // The next day with room is offered; Sunday is closed.
        let days = [
            (monday, booked),
            (
                day("2025-07-12"),
                Booked {
                    workshop: 1_100,
                    advisor: 0,
                },
            ),
            (day("2025-07-13"), Booked::default()),
            (day("2025-07-14"), Booked::default()),
        ];
        assert_eq!(
            shop().first_fitting(days, 150, false),
            Some(day("2025-07-14"))
        );
        assert_eq!(
            shop().fits(day("2025-07-13"), Booked::default(), 30, false),
            Err(Refusal::Closed)
        );
    }

    #[test]
    fn an_advisor_has_a_daily_cap() {
        let booked = Booked {
            workshop: 0,
            advisor: 240,
        };
        assert_eq!(
            shop().fits(day("2025-07-07"), booked, 90, true),
            Err(Refusal::AdvisorFull { left: 60 })
        );
        assert_eq!(shop().fits(day("2025-07-07"), booked, 90, false), Ok(()));
    }

    #[test]
    fn flags_round_trip_and_nonsense_is_mon_to_sat() {
        let days = Workshop::parse_days("1010100");
        assert_eq!(Workshop::days_flags(&days), "1010100");
        assert_eq!(Workshop::days_flags(&Workshop::parse_days("x")), "1111110");
    }
}
