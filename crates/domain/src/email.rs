//! E-mail addresses.

use crate::FieldError;

/// The longest e-mail address (RFC 5321's path limit).
pub const MAX_EMAIL_LENGTH: usize = 254;

/// A plausible e-mail address, trimmed and with its domain lower-cased. Deliverability is
/// only proven by sending; this refuses what is certainly wrong.
pub fn parse_email(field: &str, input: &str) -> Result<String, FieldError> {
    let value = input.trim();
    if value.is_empty() {
        return Err(FieldError::required(field));
    }
    let invalid = || FieldError::new(field, "invalid_email", "is not a valid e-mail address");
    if value.chars().count() > MAX_EMAIL_LENGTH
        || value.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(invalid());
    }
    let (local, domain) = value.rsplit_once('@').ok_or_else(invalid)?;
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .split('.')
            .all(|label| !label.is_empty() && !label.starts_with('-'));
    if local.is_empty() || local.len() > 64 || local.contains('@') || !domain_ok {
        return Err(invalid());
    }
    Ok(format!("{local}@{}", domain.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(
            parse_email("e", " Wei.Zhang@Example.COM ").unwrap(),
            "Wei.Zhang@example.com"
        );
        assert_eq!(
            parse_email("e", "张伟@例子.中国").unwrap(),
            "张伟@例子.中国"
        );
        for bad in [
            "zhangwei", "a@b", "a@@b.cn", "a b@c.cn", "@b.cn", "a@.cn", "a@b..cn",
        ] {
            assert_eq!(
                parse_email("e", bad).unwrap_err().code,
                "invalid_email",
                "{bad}"
            );
        }
    }
}
