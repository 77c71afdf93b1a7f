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
}
