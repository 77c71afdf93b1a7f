//! The calendar the API works in: dates and times from [`MIN_YEAR`] to [`MAX_YEAR`].
//! Outside it, a period computed from a date (the week of 0000-01-01) can leave the range an
//! RFC 3339 timestamp can spell.

use crate::FieldError;
use chrono::{Datelike, NaiveDate};

/// The earliest year the API reads or reports.
pub const MIN_YEAR: i32 = 1900;
/// The latest year the API reads or reports.
pub const MAX_YEAR: i32 = 2999;

/// Refuses a date outside [`MIN_YEAR`]..=[`MAX_YEAR`].
pub fn check_year(field: &str, date: NaiveDate) -> Result<NaiveDate, FieldError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
        Ok(date)
    } else {
        Err(FieldError::new(
            field,
            "out_of_range",
            format!("must be in the years {MIN_YEAR} to {MAX_YEAR}"),
        )
        .with_param("min", MIN_YEAR)
        .with_param("max", MAX_YEAR))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_outside_the_calendar_are_refused() {
        let date = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
        assert!(check_year("d", date(MIN_YEAR)).is_ok());
        assert!(check_year("d", date(MAX_YEAR)).is_ok());
        assert_eq!(check_year("d", date(0)).unwrap_err().code, "out_of_range");
        assert_eq!(
            check_year("d", date(MAX_YEAR + 1)).unwrap_err().code,
            "out_of_range"
        );
    }
}
