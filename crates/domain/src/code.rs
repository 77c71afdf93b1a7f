//! Short codes that identify groups and dealers in commands and integrations (`HZ01`).

use crate::FieldError;

/// 2–32 characters of `A-Z`, `0-9`, `-` and `_`, stored upper-case.
pub fn parse_code(field: &str, input: &str) -> Result<String, FieldError> {
    let code = input.trim().to_ascii_uppercase();
    if code.is_empty() {
        return Err(FieldError::required(field));
    }
    let valid = (2..=32).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if !valid {
        return Err(FieldError::new(
            field,
            "invalid_format",
            "must be 2-32 characters of A-Z, 0-9, - and _",
        ));
    }
    Ok(code)
}

/// The shortest key of a dealer's list entry, pipeline stage or custom role.
pub const KEY_MIN_LENGTH: usize = 2;
/// The longest such key.
pub const KEY_MAX_LENGTH: usize = 32;

/// The key of a dealer's list entry (`walk_in`), pipeline stage or custom role:
/// [`KEY_MIN_LENGTH`]–[`KEY_MAX_LENGTH`] characters of `a-z`, `0-9` and `_`, starting with a
/// letter; surrounding spaces are dropped.
pub fn parse_key(field: &str, input: &str) -> Result<String, FieldError> {
    let key = input.trim();
    if key.is_empty() {
        return Err(FieldError::required(field));
    }
    let valid = (KEY_MIN_LENGTH..=KEY_MAX_LENGTH).contains(&key.len())
        && key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !valid {
        return Err(FieldError::new(
            field,
            "invalid_format",
            format!(
                "must be {KEY_MIN_LENGTH}-{KEY_MAX_LENGTH} characters of a-z, 0-9 and _, \
                 starting with a letter"
            ),
        ));
    }
    Ok(key.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert_eq!(parse_code("code", " hz01 ").unwrap(), "HZ01");
        assert_eq!(
            parse_code("code", "杭州").unwrap_err().code,
            "invalid_format"
        );
        assert_eq!(parse_code("code", "H").unwrap_err().code, "invalid_format");
    }

    #[test]
    fn keys() {
        assert_eq!(parse_key("key", " walk_in ").unwrap(), "walk_in");
        for bad in [
            "a",
            "1ab",
            "Walk",
            "walk-in",
            &"k".repeat(KEY_MAX_LENGTH + 1),
        ] {
            assert_eq!(
                parse_key("key", bad).unwrap_err().code,
                "invalid_format",
                "{bad}"
            );
        }
    }
}
