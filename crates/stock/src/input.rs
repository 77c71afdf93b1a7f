//! Checking what people type about a unit: its VIN (check digit required), texts, dates, cost.

use crate::types::MAX_COST_FEN;
use chrono::NaiveDate;
use forecourt_domain::dates::check_year;
use forecourt_domain::stock::{COLOUR_MAX, LOCATION_MAX};
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::vin::Vin;
use forecourt_domain::{FieldError, FieldErrors};

/// A VIN whose check digit is valid, upper-cased; 422 on `field` otherwise.
pub fn vin(errors: &mut FieldErrors, field: &str, input: &str) -> Option<String> {
    match Vin::parse(field, input.trim()) {
        Ok(parsed) if parsed.check_digit_valid => Some(parsed.vin.as_str().to_owned()),
        Ok(_) => {
            errors.push(FieldError::new(
                field,
                "vin_check_digit",
                "has a check digit that does not match: stock needs the car's exact VIN",
            ));
            None
        }
        Err(e) => {
            errors.push(e);
            None
        }
    }
}

pub fn colour(errors: &mut FieldErrors, input: Option<&str>) -> Option<String> {
    errors
        .check(parse_optional_text("colour", input, COLOUR_MAX))
        .flatten()
}

pub fn location(errors: &mut FieldErrors, input: Option<&str>) -> Option<String> {
    errors
        .check(parse_optional_text("location", input, LOCATION_MAX))
        .flatten()
}

pub fn cost(errors: &mut FieldErrors, input: Option<i64>) -> Option<i64> {
    match input {
        Some(fen) if !(0..=MAX_COST_FEN).contains(&fen) => {
            errors.push(FieldError::new(
                "cost_fen",
                "out_of_range",
                "must be between 0 and 10000000000 fen",
            ));
            None
        }
        other => other,
    }
}

/// An arrival day: within the supported years and not after `today`.
pub fn arrival(
    errors: &mut FieldErrors,
    input: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let day = input?;
    let day = errors.check(check_year("arrived_on", day))?;
    if day > today {
        errors.push(FieldError::new(
            "arrived_on",
            "must_be_past",
            "cannot be in the future",
        ));
        return None;
    }
    Some(day)
}
