//! A dealer's time zone: "today", reminders and report periods are computed in it.

use crate::FieldError;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use std::fmt;

/// An IANA time zone name that is known to the time zone database, e.g. `Asia/Shanghai`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DealerTimeZone(Tz);

impl DealerTimeZone {
    pub const DEFAULT_NAME: &'static str = "Asia/Shanghai";

    pub fn parse(field: &str, name: &str) -> Result<Self, FieldError> {
        name.trim().parse::<Tz>().map(Self).map_err(|_| {
            FieldError::new(field, "invalid_time_zone", "is not a known IANA time zone")
        })
    }

    pub fn tz(self) -> Tz {
        self.0
    }

    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// The local calendar date of an instant.
    pub fn local_date(self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.0).date_naive()
    }

    /// The instant local midnight of `date` begins (the earliest one, should a DST gap or
    /// overlap fall on midnight).
    pub fn start_of_day(self, date: NaiveDate) -> DateTime<Utc> {
        let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default();
        match self.0.from_local_datetime(&midnight).earliest() {
            Some(local) => local.with_timezone(&Utc),
            // A gap at midnight: the day starts at the first valid local instant an hour later.
            None => self
                .0
                .from_local_datetime(&(midnight + chrono::Duration::hours(1)))
                .earliest()
                .map(|l| l.with_timezone(&Utc))
                .unwrap_or_else(|| Utc.from_utc_datetime(&midnight)),
        }
    }
}

impl Default for DealerTimeZone {
    fn default() -> Self {
        Self(chrono_tz::Asia::Shanghai)
    }
}

impl fmt::Display for DealerTimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shanghai_day_starts_at_16_utc_the_day_before() {
        let tz = DealerTimeZone::default();
        let date = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(
            tz.start_of_day(date).to_rfc3339(),
            "2026-11-21T16:00:00+00:00"
        );
        let at = Utc.with_ymd_and_hms(2026, 11, 21, 16, 30, 0).unwrap();
        assert_eq!(tz.local_date(at), date);
    }

    #[test]
    fn unknown_zones_are_refused() {
        assert!(DealerTimeZone::parse("time_zone", "Mars/Olympus").is_err());
        assert!(DealerTimeZone::parse("time_zone", "Asia/Taipei").is_ok());
    }
}
