//! Vehicle identification numbers (ISO 3779, GB 16735).
//!
//! A VIN is 17 characters of digits and capital letters other than I, O and Q. Position 9 is a
//! check digit; many cars made for the Chinese market before GB 16735-2004 carry a wrong one, so
//! a failed check is a warning the user may override, not a refusal.

use crate::FieldError;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Vin(String);

/// A parsed VIN and whether its check digit is right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedVin {
    pub vin: Vin,
    pub check_digit_valid: bool,
}

const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

fn value(c: char) -> Option<u32> {
    Some(match c {
        '0'..='9' => c as u32 - '0' as u32,
        'A' | 'J' => 1,
        'B' | 'K' | 'S' => 2,
        'C' | 'L' | 'T' => 3,
        'D' | 'M' | 'U' => 4,
        'E' | 'N' | 'V' => 5,
        'F' | 'W' => 6,
        'G' | 'P' | 'X' => 7,
        'H' | 'Y' => 8,
        'R' | 'Z' => 9,
        _ => return None,
    })
}

/// The check digit the first 17 characters call for (position 9 is ignored).
pub fn expected_check_digit(vin: &str) -> Option<char> {
    let mut sum = 0;
    for (i, c) in vin.chars().enumerate() {
        sum += value(c)? * WEIGHTS.get(i)?;
    }
    let rest = sum % 11;
    Some(if rest == 10 {
        'X'
    } else {
        char::from_digit(rest, 10)?
    })
}

impl Vin {
    pub fn parse(field: &str, input: &str) -> Result<ParsedVin, FieldError> {
        let vin: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if vin.is_empty() {
            return Err(FieldError::required(field));
        }
        if vin.chars().count() != 17 {
            return Err(
                FieldError::new(field, "invalid_vin_length", "must be 17 characters")
                    .with_param("length", vin.chars().count()),
            );
        }
        if vin.chars().any(|c| matches!(c, 'I' | 'O' | 'Q')) {
            return Err(FieldError::new(
                field,
                "invalid_vin_letters",
                "may not contain the letters I, O or Q",
            ));
        }
        if vin.chars().any(|c| value(c).is_none()) {
            return Err(FieldError::new(
                field,
                "invalid_vin_characters",
                "may contain only digits and capital letters",
            ));
        }
        let check_digit_valid = expected_check_digit(&vin) == vin.chars().nth(8);
        Ok(ParsedVin {
            vin: Vin(vin),
            check_digit_valid,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The last six characters (the serial number), which people read off a car to find it.
    pub fn last6(&self) -> &str {
        &self.0[11..]
    }
}

impl fmt::Display for Vin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_vins() {
        // A textbook example with a valid check digit.
        let ok = Vin::parse("vin", "1M8GDM9AXKP042788").unwrap();
        assert!(ok.check_digit_valid);
        assert_eq!(ok.vin.last6(), "042788");
        // Lower case and spaces are normalised.
        assert_eq!(
            Vin::parse("vin", " 1m8gdm9a xkp042788 ")
                .unwrap()
                .vin
                .as_str(),
            "1M8GDM9AXKP042788"
        );
        // A wrong check digit parses, flagged.
        assert!(
            !Vin::parse("vin", "1M8GDM9A1KP042788")
                .unwrap()
                .check_digit_valid
        );
    }

    #[test]
    fn refusals() {
        assert_eq!(
            Vin::parse("vin", "LSVAU2180N21").unwrap_err().code,
            "invalid_vin_length"
        );
        assert_eq!(
            Vin::parse("vin", "LSVAU2180N2I83516").unwrap_err().code,
            "invalid_vin_letters"
        );
        assert_eq!(
            Vin::parse("vin", "LSVAU2180N2*83516").unwrap_err().code,
            "invalid_vin_characters"
        );
        assert_eq!(Vin::parse("vin", "").unwrap_err().code, "required");
    }

    proptest! {
        /// Any 17 VIN characters with the computed check digit in position 9 pass the check,
        /// and changing any other character (to one of a different value) breaks it.
        #[test]
        fn check_digits_round_trip(body in "[A-HJ-NPR-Z0-9]{17}", pos in 0usize..17, replacement in "[A-HJ-NPR-Z0-9]") {
            let mut chars: Vec<char> = body.chars().collect();
            chars[8] = expected_check_digit(&body).unwrap();
            let vin: String = chars.iter().collect();
            prop_assert!(Vin::parse("vin", &vin).unwrap().check_digit_valid);
            let new = replacement.chars().next().unwrap();
            if pos != 8 && WEIGHTS[pos] != 0 && value(new).unwrap() != value(chars[pos]).unwrap() {
                let mut changed = chars.clone();
                changed[pos] = new;
                let changed: String = changed.iter().collect();
                // Weights and values mod 11 make a single substitution detectable unless the
                // difference times the weight is a multiple of 11, which cannot happen for
                // weights below 11 and value differences below 11.
                prop_assert!(!Vin::parse("vin", &changed).unwrap().check_digit_valid);
            }
        }
    }
}
