//! Usernames and display names of staff accounts.

use crate::FieldError;
use serde::{Serialize, Serializer};
use std::fmt;

/// The shortest login name.
pub const USERNAME_MIN_LENGTH: usize = 3;
/// The longest login name.
pub const USERNAME_MAX_LENGTH: usize = 32;

/// The longest short label: a tag, a colour, a bulk row's name.
pub const SHORT_NAME_MAX: usize = 32;
/// The longest name of a person, team, role, list entry or other record.
pub const NAME_MAX: usize = 64;
/// The longest name of a customer, dealer, car model or other long-named record.
pub const LONG_NAME_MAX: usize = 100;
/// The longest title, subject, or reason given for an action (revealing an ID number, say).
pub const REASON_MAX: usize = 200;
/// The longest remark: a booking's notes, a role's description, a loss note.
pub const REMARK_MAX: usize = 500;
/// The longest comment on a decision or cancellation.
pub const COMMENT_MAX: usize = 1000;
/// The longest free text of a record: notes, summaries.
pub const NOTE_MAX: usize = 2000;
/// The longest text of an activity's notes or outcome, or a message template's body.
pub const LONG_NOTE_MAX: usize = 4000;

/// A login name, unique in the whole installation. Stored lower-case, so `ZhangWei` and
/// `zhangwei` are the same account. 3–32 characters: ASCII letters, digits, `.`, `_` and `-`,
/// starting with a letter or digit.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Username(String);

impl Username {
    pub fn parse(field: &str, input: &str) -> Result<Self, FieldError> {
        let value = input.trim().to_ascii_lowercase();
        let length = value.chars().count();
        if length == 0 {
            return Err(FieldError::required(field));
        }
        let valid_chars = value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
        let valid_start = value.starts_with(|c: char| c.is_ascii_alphanumeric());
        if !valid_chars || !valid_start {
            return Err(FieldError::new(
                field,
                "invalid_format",
                "may contain only letters, digits, '.', '_' and '-', starting with a letter or digit",
            ));
        }
        if length < USERNAME_MIN_LENGTH {
            return Err(FieldError::new(
                field,
                "too_short",
                format!("must be at least {USERNAME_MIN_LENGTH} characters"),
            )
            .with_param("min", USERNAME_MIN_LENGTH));
        }
        if length > USERNAME_MAX_LENGTH {
            return Err(FieldError::new(
                field,
                "too_long",
                format!("must be at most {USERNAME_MAX_LENGTH} characters"),
            )
            .with_param("max", USERNAME_MAX_LENGTH));
        }
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Username {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Checks a person's or record's name: trimmed, 1 to `max` characters, no control characters.
/// Chinese names (张伟, 欧阳娜娜) are the norm, so length is counted in characters, not bytes.
pub fn parse_name(field: &str, input: &str, max: usize) -> Result<String, FieldError> {
    let value = input.trim();
    if value.is_empty() {
        return Err(FieldError::required(field));
    }
    if value.chars().count() > max {
        return Err(FieldError::new(
            field,
            "too_long",
            format!("must be at most {max} characters"),
        )
        .with_param("max", max));
    }
    if value.chars().any(char::is_control) {
        return Err(FieldError::new(
            field,
            "invalid_format",
            "must not contain control characters",
        ));
    }
    Ok(value.to_owned())
}

/// Like [`parse_name`] for an optional field: blank becomes `None`.
pub fn parse_optional_text(
    field: &str,
    input: Option<&str>,
    max: usize,
) -> Result<Option<String>, FieldError> {
    match input.map(str::trim) {
        None | Some("") => Ok(None),
        Some(value) => parse_name(field, value, max).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_normalised_and_checked() {
        assert_eq!(
            Username::parse("u", " ZhangWei ").unwrap().as_str(),
            "zhangwei"
        );
        assert_eq!(Username::parse("u", "zw").unwrap_err().code, "too_short");
        assert_eq!(
            Username::parse("u", "张伟").unwrap_err().code,
            "invalid_format"
        );
        assert_eq!(
            Username::parse("u", "_x1").unwrap_err().code,
            "invalid_format"
        );
        assert_eq!(Username::parse("u", "").unwrap_err().code, "required");
    }

    #[test]
    fn chinese_names_count_characters() {
        assert_eq!(parse_name("n", " 欧阳娜娜 ", 4).unwrap(), "欧阳娜娜");
        assert_eq!(
            parse_name("n", "欧阳娜娜娜", 4).unwrap_err().code,
            "too_long"
        );
        assert_eq!(
            parse_name("n", "a\u{0}b", 10).unwrap_err().code,
            "invalid_format"
        );
    }
}
