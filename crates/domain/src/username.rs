//! Usernames and display names of staff accounts.

use crate::FieldError;
use serde::{Serialize, Serializer};
use std::fmt;

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
        if length < 3 {
            return Err(
                FieldError::new(field, "too_short", "must be at least 3 characters")
                    .with_param("min", 3),
            );
        }
        if length > 32 {
            return Err(
                FieldError::new(field, "too_long", "must be at most 32 characters")
                    .with_param("max", 32),
            );
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
