//! Odometer readings: which new reading is consistent with the ones kept, and each car's daily
//! driving rate estimated from its own readings.

use chrono::NaiveDate;

/// One odometer reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    pub on: NaiveDate,
    pub km: i32,
}

/// Why a new reading is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadingConflict {
    /// Lower than a reading taken on or before its day.
    BelowEarlier(Reading),
    /// Higher than a reading taken after its day.
    AboveLater(Reading),
}

/// Checks a new reading against those kept: it may not be lower than any reading of its day or
/// before, nor higher than any reading after it — so a back-dated reading between two valid
/// ones is accepted, and a lower reading than an earlier one is refused.
pub fn check_reading(kept: &[Reading], new: Reading) -> Result<(), ReadingConflict> {
    if let Some(r) = kept.iter().filter(|r| r.on <= new.on).max_by_key(|r| r.km)
        && new.km < r.km
    {
        return Err(ReadingConflict::BelowEarlier(*r));
    }
    if let Some(r) = kept.iter().filter(|r| r.on > new.on).min_by_key(|r| r.km)
        && new.km > r.km
    {
        return Err(ReadingConflict::AboveLater(*r));
    }
    Ok(())
}

/// A car's driving rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate {
    /// Metres driven per day.
    pub metres_per_day: i64,
    /// The dealer's fallback, because the car has fewer than two readings on different days
    /// (or its readings show no driving).
    pub estimated: bool,
}

impl Rate {
    /// The dealer's fallback rate (`km_per_year`, e.g. 20,000), flagged estimated.
    pub fn fallback(km_per_year: i32) -> Rate {
        Rate {
            metres_per_day: (i64::from(km_per_year.max(1)) * 1000 + 182) / 365,
            estimated: true,
        }
    }

    /// A rate of `km` per month of 365/12 days, as an advisor would say it.
    pub fn per_month(km: i32) -> Rate {
        Rate {
            metres_per_day: (i64::from(km) * 12 * 1000 + 182) / 365,
            estimated: false,
        }
    }
}

/// How many of a car's latest readings the rate reads.
pub const RATE_READINGS: usize = 24;

/// The car's daily rate from its own readings: the median of the rates between every pair of
/// readings on different days (the Theil–Sen estimate), so one mistyped reading moves it
/// little; the fallback when fewer than two days were read or the median is not positive.
pub fn daily_rate(readings: &[Reading], fallback_km_per_year: i32) -> Rate {
    let mut latest: Vec<Reading> = readings.to_vec();
    latest.sort_by_key(|r| (r.on, r.km));
    let latest = &latest[latest.len().saturating_sub(RATE_READINGS)..];
    let mut slopes: Vec<f64> = Vec::new();
    for (i, a) in latest.iter().enumerate() {
        for b in &latest[i + 1..] {
            let days = (b.on - a.on).num_days();
            if days > 0 {
                slopes.push(f64::from(b.km - a.km) * 1000.0 / days as f64);
            }
        }
    }
    if slopes.is_empty() {
        return Rate::fallback(fallback_km_per_year);
    }
    slopes.sort_by(f64::total_cmp);
    let mid = slopes.len() / 2;
    let median = if slopes.len() % 2 == 1 {
        slopes[mid]
    } else {
        (slopes[mid - 1] + slopes[mid]) / 2.0
    };
    if median < 1.0 {
        return Rate::fallback(fallback_km_per_year);
    }
    Rate {
        metres_per_day: median.round() as i64,
        estimated: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(on: &str, km: i32) -> Reading {
        Reading {
            on: on.parse().unwrap(),
            km,
        }
    }

    #[test]
    fn lower_than_earlier_is_refused_backdated_between_is_accepted() {
        let kept = [r("2025-01-01", 10_000), r("2025-07-01", 20_000)];
        assert_eq!(
            check_reading(&kept, r("2025-08-01", 19_000)),
            Err(ReadingConflict::BelowEarlier(kept[1]))
        );
        assert_eq!(check_reading(&kept, r("2025-04-01", 15_000)), Ok(()));
        assert_eq!(
            check_reading(&kept, r("2025-04-01", 25_000)),
            Err(ReadingConflict::AboveLater(kept[1]))
        );
        assert_eq!(
            check_reading(&kept, r("2025-04-01", 9_000)),
            Err(ReadingConflict::BelowEarlier(kept[0]))
        );
        // The same reading again on the same day, or a later day with the same km, is fine.
        assert_eq!(check_reading(&kept, r("2025-07-01", 20_000)), Ok(()));
        assert_eq!(check_reading(&[], r("2025-07-01", 1)), Ok(()));
    }

    #[test]
    fn fewer_than_two_days_fall_back_estimated() {
        let fallback = Rate::fallback(20_000);
        assert_eq!(fallback.metres_per_day, 54_795);
        assert!(fallback.estimated);
        assert_eq!(daily_rate(&[], 20_000), fallback);
        assert_eq!(daily_rate(&[r("2025-01-01", 5_000)], 20_000), fallback);
        assert_eq!(
            daily_rate(&[r("2025-01-01", 5_000), r("2025-01-01", 5_010)], 20_000),
            fallback
        );
        // No driving at all between two days is no rate either.
        assert_eq!(
            daily_rate(&[r("2025-01-01", 5_000), r("2025-03-01", 5_000)], 20_000),
            fallback
        );
    }

    #[test]
    fn rate_from_two_readings() {
        let rate = daily_rate(&[r("2025-01-01", 20_000), r("2025-01-11", 20_500)], 20_000);
        assert_eq!(
            rate,
            Rate {
                metres_per_day: 50_000,
                estimated: false
            }
        );
    }

    #[test]
    fn one_bad_reading_moves_the_rate_little() {
        // 50 km a day for a year, read monthly; one reading typed with an extra digit in the
        // middle of the run (still rising, so it was accepted).
        let start: NaiveDate = "2025-01-01".parse().unwrap();
        let mut readings: Vec<Reading> = (0..12)
            .map(|m| Reading {
                on: start + chrono::Days::new(30 * m),
                km: 10_000 + 1_500 * m as i32,
            })
            .collect();
        let clean = daily_rate(&readings, 20_000);
        assert_eq!(clean.metres_per_day, 50_000);
        readings[11].km = 99_999;
        let with_outlier = daily_rate(&readings, 20_000);
        let drift = (with_outlier.metres_per_day - 50_000).abs();
        assert!(drift <= 2_500, "moved by {drift} m/day");
        // A least-squares or first-to-last rate would have tripled.
        let naive = (99_999 - 10_000) * 1000 / (30 * 11);
        assert!(naive > 250_000);
    }

    #[test]
    fn per_month_rates() {
        assert_eq!(Rate::per_month(1_500).metres_per_day, 49_315);
        assert_eq!(Rate::per_month(300).metres_per_day, 9_863);
    }
}
