//! The password policy. Hashing (argon2id) happens in `core`; this is only the rule.

use crate::FieldError;

pub const MIN_PASSWORD_LENGTH: usize = 8;
pub const MAX_PASSWORD_LENGTH: usize = 128;

/// Checks a new password against the policy: at least [`MIN_PASSWORD_LENGTH`] characters, at most
/// [`MAX_PASSWORD_LENGTH`], not the username (in any letter case) and not one repeated character.
pub fn check_new_password(field: &str, password: &str, username: &str) -> Result<(), FieldError> {
    let length = password.chars().count();
    if length < MIN_PASSWORD_LENGTH {
        return Err(FieldError::new(
            field,
            "too_short",
            format!("must be at least {MIN_PASSWORD_LENGTH} characters"),
        )
        .with_param("min", MIN_PASSWORD_LENGTH));
    }
    if length > MAX_PASSWORD_LENGTH {
        return Err(FieldError::new(
            field,
            "too_long",
            format!("must be at most {MAX_PASSWORD_LENGTH} characters"),
        )
        .with_param("max", MAX_PASSWORD_LENGTH));
    }
    if password.to_lowercase() == username.to_lowercase() {
        return Err(FieldError::new(
            field,
            "same_as_username",
            "must not be the username",
        ));
    }
    let mut chars = password.chars();
    let first = chars.next();
    if chars.all(|c| Some(c) == first) {
        return Err(FieldError::new(
            field,
            "too_weak",
            "must not repeat one character",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy() {
        assert_eq!(
            check_new_password("password", "short", "u")
                .unwrap_err()
                .code,
            "too_short"
        );
        assert_eq!(
            check_new_password("password", "Zhangwei01", "zhangwei01")
                .unwrap_err()
                .code,
            "same_as_username"
        );
        assert_eq!(
            check_new_password("password", "aaaaaaaaaa", "u")
                .unwrap_err()
                .code,
            "too_weak"
        );
        assert!(check_new_password("password", "展厅接待2026!", "u").is_ok());
    }
}
