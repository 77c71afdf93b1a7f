//! Money in integer fen (分): ¥1 = 100 fen. Never floating point.

use crate::FieldError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount of renminbi in fen.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Fen(pub i64);

impl Fen {
    /// Parses yuan as people write them: `189800`, `189,800.00`, `¥189800.5`, `18.98万`.
    pub fn parse_yuan(field: &str, input: &str) -> Result<Self, FieldError> {
        let invalid = || FieldError::new(field, "invalid_amount", "is not an amount of yuan");
        let trimmed = input.trim();
        let (sign, unsigned) = match trimmed.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", trimmed),
        };
        let mut text: String = sign.to_owned();
        text += unsigned.trim_start_matches(['¥', '￥']);
        let mut text: String = text
            .chars()
            .filter(|c| *c != ',' && *c != '，' && !c.is_whitespace())
            .collect();
        if text.is_empty() {
            return Err(FieldError::required(field));
        }
        let mut multiplier: i128 = 100;
        if let Some(stripped) = text.strip_suffix('万') {
            text = stripped.to_owned();
            multiplier = 1_000_000;
        } else if let Some(stripped) = text.strip_suffix('元') {
            text = stripped.to_owned();
        }
        let negative = text.starts_with('-');
        let digits = text.trim_start_matches('-');
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        if whole.is_empty() && fraction.is_empty()
            || !whole.chars().all(|c| c.is_ascii_digit())
            || !fraction.chars().all(|c| c.is_ascii_digit())
        {
            return Err(invalid());
        }
        // The fraction in units of the multiplier's precision.
        let scale_digits = if multiplier == 100 { 2 } else { 6 };
        if fraction.len() > scale_digits {
            return Err(FieldError::new(
                field,
                "too_precise",
                "has more decimals than fen allow",
            ));
        }
        let whole: i128 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| invalid())?
        };
        let padded = format!("{fraction:0<width$}", width = scale_digits);
        let fraction: i128 = padded.parse().unwrap_or(0);
        let fen = whole * multiplier + fraction;
        let fen = if negative { -fen } else { fen };
        i64::try_from(fen).map(Fen).map_err(|_| invalid())
    }

    pub fn yuan_string(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl utoipa::PartialSchema for Fen {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::Integer)
            .format(Some(utoipa::openapi::schema::SchemaFormat::KnownFormat(
                utoipa::openapi::schema::KnownFormat::Int64,
            )))
            .description(Some("An amount of renminbi in fen (1 yuan = 100 fen)."))
            .into()
    }
}
impl utoipa::ToSchema for Fen {}

impl fmt::Display for Fen {
    /// `¥189,800.00`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plain = self.yuan_string();
        let (sign, rest) = plain
            .strip_prefix('-')
            .map_or(("", plain.as_str()), |r| ("-", r));
        let (whole, fraction) = rest.split_once('.').unwrap_or((rest, "00"));
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        write!(f, "{sign}¥{grouped}.{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_what_people_write() {
        let fen = |s: &str| Fen::parse_yuan("price", s).map(|f| f.0).map_err(|e| e.code);
        assert_eq!(fen("189800"), Ok(18_980_000));
        assert_eq!(fen("189,800.00"), Ok(18_980_000));
        assert_eq!(fen("¥189800.5"), Ok(18_980_050));
        assert_eq!(fen("18.98万"), Ok(18_980_000));
        assert_eq!(fen("0.01"), Ok(1));
        assert_eq!(fen("1.001"), Err("too_precise".into()));
        assert_eq!(fen("abc"), Err("invalid_amount".into()));
        assert_eq!(fen(""), Err("required".into()));
        assert_eq!(Fen(18_980_050).to_string(), "¥189,800.50");
        assert_eq!(Fen(-5).to_string(), "-¥0.05");
    }

    proptest! {
        #[test]
        fn display_and_parse_round_trip(fen in -10_000_000_000i64..10_000_000_000) {
            prop_assert_eq!(Fen::parse_yuan("x", &Fen(fen).yuan_string()).unwrap(), Fen(fen));
            prop_assert_eq!(Fen::parse_yuan("x", &Fen(fen).to_string()).unwrap(), Fen(fen));
        }
    }
}
