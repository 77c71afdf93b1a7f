//! Resident identity card numbers (居民身份证号码, GB 11643): 6-digit region, 8-digit birth
//! date, 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character.

use crate::FieldError;
use chrono::NaiveDate;
use std::fmt;

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct IdNumber(String);

/// Never printed in full, even by `Debug`.
impl fmt::Debug for IdNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IdNumber({})", crate::masking::mask_id_number(&self.0))
    }
}

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
/// Province-level region codes (the first two digits).
pub const REGIONS: [u32; 34] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
];

/// The check character the first 17 digits call for.
pub fn check_character(first17: &str) -> Option<char> {
    let mut sum = 0;
    for (digit, weight) in first17.chars().zip(WEIGHTS) {
        sum += digit.to_digit(10)? * weight;
    }
    Some(CHECK[(sum % 11) as usize])
}

impl IdNumber {
    /// Parses an 18-character number, checking region, birth date (not after `today`) and the
    /// check character.
    pub fn parse(field: &str, input: &str, today: NaiveDate) -> Result<Self, FieldError> {
        let value: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if value.is_empty() {
            return Err(FieldError::required(field));
        }
        let invalid = |code: &str, message: &str| FieldError::new(field, code, message);
        let chars: Vec<char> = value.chars().collect();
        let shape_ok = chars.len() == 18
            && chars[..17].iter().all(char::is_ascii_digit)
            && (chars[17].is_ascii_digit() || chars[17] == 'X');
        if !shape_ok {
            return Err(invalid(
                "invalid_id_number",
                "must be 18 characters: 17 digits and a digit or X",
            ));
        }
        let region: u32 = value[..2].parse().unwrap_or(0);
        if !REGIONS.contains(&region) {
            return Err(invalid(
                "invalid_id_number",
                "does not start with a valid region code",
            ));
        }
        let birth = NaiveDate::parse_from_str(&value[6..14], "%Y%m%d")
            .ok()
            .filter(|d| *d <= today && d.format("%Y").to_string().as_str() >= "1900");
        if birth.is_none() {
            return Err(invalid(
                "invalid_id_number",
                "does not hold a valid birth date",
            ));
        }
        if check_character(&value[..17]) != Some(chars[17]) {
            return Err(invalid(
                "invalid_id_number_checksum",
                "has a wrong check character",
            ));
        }
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn birth_date(&self) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(&self.0[6..14], "%Y%m%d").ok()
    }

    /// Odd sequence numbers are men's, even are women's.
    pub fn is_male(&self) -> bool {
        self.0[16..17].parse::<u32>().is_ok_and(|d| d % 2 == 1)
    }

    pub fn last4(&self) -> &str {
        &self.0[14..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn known_numbers() {
        // The example from GB 11643.
        let id = IdNumber::parse("id", "11010519491231002x", today()).unwrap();
        assert_eq!(id.as_str(), "11010519491231002X");
        assert_eq!(id.birth_date(), NaiveDate::from_ymd_opt(1949, 12, 31));
        assert!(!id.is_male());
        assert_eq!(id.last4(), "002X");
        assert_eq!(format!("{id:?}"), "IdNumber(**************002X)");
    }

    #[test]
    fn refusals() {
        let code = |s: &str| IdNumber::parse("id", s, today()).unwrap_err().code;
        assert_eq!(code("110105194912310021"), "invalid_id_number_checksum");
        assert_eq!(code("11010519491331002X"), "invalid_id_number",);
        assert_eq!(code("99010519491231002X"), "invalid_id_number");
        assert_eq!(code("110105203012310027"), "invalid_id_number");
        assert_eq!(code("1101051949123100"), "invalid_id_number");
    }

    proptest! {
        #[test]
        fn generated_numbers_validate(region in prop::sample::select(REGIONS.to_vec()), rest in 0u32..10_000, days in 0i64..40_000, seq in 0u32..1000) {
            let birth = NaiveDate::from_ymd_opt(1920, 1, 1).unwrap() + chrono::Duration::days(days);
            prop_assume!(birth <= today());
            let first17 = format!("{region:02}{rest:04}{}{seq:03}", birth.format("%Y%m%d"));
            let number = format!("{first17}{}", check_character(&first17).unwrap());
            let parsed = IdNumber::parse("id", &number, today()).unwrap();
            prop_assert_eq!(parsed.birth_date(), Some(birth));
            prop_assert_eq!(parsed.is_male(), seq % 2 == 1);
        }
    }
}
