//! Mainland China phone numbers: mobiles, landlines with area code, and 400/800 service numbers.
//!
//! People type numbers every way there is (`+86 138-1234-5678`, `(0571)8765 4321 转 801`,
//! `0086 13812345678`); a [`Phone`] holds the one normalised form, so a customer is found by any
//! spelling of their number.

use crate::FieldError;
use serde::{Serialize, Serializer};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneKind {
    /// `1[3-9]` followed by nine digits, stored as the bare 11 digits.
    Mobile,
    /// Area code and subscriber number (and an optional extension): `0571-87654321-801`.
    Landline,
    /// Nationwide 400/800 business numbers: `400-123-4567`.
    Service,
}

/// A validated, normalised mainland phone number.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Phone {
    normalized: String,
    kind: PhoneKind,
}

impl Phone {
    pub fn parse(field: &str, input: &str) -> Result<Self, FieldError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(FieldError::required(field));
        }
        let invalid = || {
            FieldError::new(
                field,
                "invalid_phone",
                "is not a valid mainland mobile, landline (with area code) or 400/800 number",
            )
        };
        let (main, extension) = split_extension(input);
        let mut digits = String::with_capacity(main.len());
        for c in main.chars() {
            match c {
                '0'..='9' => digits.push(c),
                // Full-width digits from Chinese input methods.
                '０'..='９' => digits.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
                ' ' | '-' | '(' | ')' | '（' | '）' | '.' | '+' | '\u{3000}' => {}
                _ => return Err(invalid()),
            }
        }
        let extension = match extension {
            Some(ext) => {
                let ext: String = ext.chars().filter(|c| !c.is_whitespace()).collect();
                if ext.is_empty() || ext.len() > 6 || !ext.chars().all(|c| c.is_ascii_digit()) {
                    return Err(invalid());
                }
                Some(ext)
            }
            None => None,
        };
        let national = strip_country_code(&digits);

        if extension.is_none() && is_mobile(national) {
            return Ok(Self {
                normalized: national.to_owned(),
                kind: PhoneKind::Mobile,
            });
        }
        if extension.is_none()
            && national.len() == 10
            && (national.starts_with("400") || national.starts_with("800"))
        {
            let normalized = format!("{}-{}-{}", &national[..3], &national[3..6], &national[6..]);
            return Ok(Self {
                normalized,
                kind: PhoneKind::Service,
            });
        }
        // International landline form drops the trunk 0 ("+86 571 87654321").
        let with_trunk = if national.starts_with('0') {
            national.to_owned()
        } else {
            format!("0{national}")
        };
        if (digits.len() > national.len() || national.starts_with('0'))
            && let Some((area, subscriber)) = split_landline(&with_trunk)
        {
            let mut normalized = format!("{area}-{subscriber}");
            if let Some(ext) = extension {
                normalized.push('-');
                normalized.push_str(&ext);
            }
            return Ok(Self {
                normalized,
                kind: PhoneKind::Landline,
            });
        }
        if national.len() == 7 || national.len() == 8 {
            return Err(FieldError::new(
                field,
                "phone_needs_area_code",
                "needs its area code",
            ));
        }
        Err(invalid())
    }

    pub fn as_str(&self) -> &str {
        &self.normalized
    }

    pub fn kind(&self) -> PhoneKind {
        self.kind
    }

    /// The digits of the number without area-code punctuation or extension: what the last
    /// four digits searched for are taken from.
    pub fn subscriber_digits(&self) -> String {
        match self.kind {
            PhoneKind::Landline => self
                .normalized
                .splitn(3, '-')
                .take(2)
                .collect::<Vec<_>>()
                .concat(),
            _ => self.normalized.replace('-', ""),
        }
    }

    /// The last four digits of the number (not of an extension).
    pub fn last4(&self) -> String {
        let digits = self.subscriber_digits();
        digits[digits.len().saturating_sub(4)..].to_owned()
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.normalized)
    }
}

impl Serialize for Phone {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.normalized)
    }
}

fn is_mobile(digits: &str) -> bool {
    let bytes = digits.as_bytes();
    bytes.len() == 11 && bytes[0] == b'1' && (b'3'..=b'9').contains(&bytes[1])
}

/// `8613812345678` / `008613812345678` → `13812345678`; only a leading 86 that leaves a
/// plausible national number is taken as the country code.
fn strip_country_code(digits: &str) -> &str {
    if let Some(rest) = digits.strip_prefix("0086") {
        return rest;
    }
    if let Some(rest) = digits.strip_prefix("86")
        && (is_mobile(rest) || (rest.len() >= 9 && rest.len() <= 11 && !rest.starts_with('0')))
    {
        return rest;
    }
    digits
}

/// Area codes: 010 and 02x are three digits; all others (0311, 0571, 0991...) are four.
/// Subscriber numbers are 7 or 8 digits and never start with 0 or 1.
fn split_landline(digits: &str) -> Option<(&str, &str)> {
    let bytes = digits.as_bytes();
    if bytes.len() < 10 || bytes[0] != b'0' || bytes[1] == b'0' {
        return None;
    }
    let area_len = if matches!(bytes[1], b'1' | b'2') {
        3
    } else {
        4
    };
    let (area, subscriber) = digits.split_at(area_len);
    if area_len == 3 && bytes[1] == b'1' && area != "010" {
        return None;
    }
    let valid_subscriber = matches!(subscriber.len(), 7 | 8)
        && !subscriber.starts_with('0')
        && !subscriber.starts_with('1');
    valid_subscriber.then_some((area, subscriber))
}

/// Splits off an extension written as `转801`, `ext 801`, `x801` or `#801`.
fn split_extension(input: &str) -> (&str, Option<&str>) {
    for marker in ["转", "分机", "ext.", "ext", "EXT", "Ext", "x", "X", "#"] {
        if let Some(index) = input.find(marker) {
            return (&input[..index], Some(&input[index + marker.len()..]));
        }
    }
    (input, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(input: &str) -> String {
        Phone::parse("phone", input)
            .map(|p| p.to_string())
            .unwrap_or_else(|e| e.code)
    }

    #[test]
    fn mobiles_in_every_spelling() {
        let spellings = [
            "13812345678",
            "138 1234 5678",
            "138-1234-5678",
            "+86 138 1234 5678",
            "0086 13812345678",
            "8613812345678",
            "１３８１２３４５６７８",
        ];
        for input in spellings {
            assert_eq!(norm(input), "13812345678", "{input}");
        }
        assert_eq!(norm("12812345678"), "invalid_phone");
        assert_eq!(norm("1381234567"), "invalid_phone");
    }

    #[test]
    fn landlines_with_area_codes() {
        // Subscriber numbers never start with 0 or 1.
        assert_eq!(norm("010-12345678"), "invalid_phone");
        assert_eq!(norm("010-62345678"), "010-62345678");
        assert_eq!(norm("(0571)8765 4321"), "0571-87654321");
        assert_eq!(norm("+86 571 87654321"), "0571-87654321");
        assert_eq!(norm("02087654321"), "020-87654321");
        assert_eq!(norm("0571-87654321转801"), "0571-87654321-801");
        assert_eq!(norm("0571 8765432 ext 12"), "0571-8765432-12");
        assert_eq!(norm("87654321"), "phone_needs_area_code");
        assert_eq!(norm("011-62345678"), "invalid_phone");
    }

    #[test]
    fn service_numbers() {
        assert_eq!(norm("400-820-8820"), "400-820-8820");
        assert_eq!(norm("4008208820"), "400-820-8820");
    }

    #[test]
    fn last_four_digits() {
        assert_eq!(Phone::parse("p", "13812345678").unwrap().last4(), "5678");
        assert_eq!(
            Phone::parse("p", "0571-87654321转801").unwrap().last4(),
            "4321"
        );
    }

    #[test]
    fn junk_is_refused() {
        assert_eq!(norm("abc"), "invalid_phone");
        assert_eq!(norm(""), "required");
        assert_eq!(norm("138123456789999"), "invalid_phone");
    }
}
