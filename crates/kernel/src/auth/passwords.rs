//! Password hashing with argon2id (OWASP's recommended parameters: 19 MiB, 2 passes).
//! Hashing is deliberately slow, so it runs on the blocking thread pool.

use crate::error::CoreError;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::OnceLock;

fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password into a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$...`).
pub async fn hash_password(password: &str) -> Result<String, CoreError> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|e| anyhow::anyhow!("random salt: {e}"))?;
        let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
        let hash = hasher()
            .hash_password(password.as_bytes(), &salt)
            .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))?;
        Ok(hash.to_string())
    })
    .await
    .map_err(|e| CoreError::Internal(e.into()))?
}

/// Whether `password` matches the stored hash. A malformed hash never matches.
pub async fn verify_password(password: &str, stored_hash: &str) -> Result<bool, CoreError> {
    let password = password.to_owned();
    let stored_hash = stored_hash.to_owned();
    tokio::task::spawn_blocking(move || match PasswordHash::new(&stored_hash) {
        Ok(parsed) => hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    })
    .await
    .map_err(|e| CoreError::Internal(e.into()))
}

/// Spends the time of one verification against a hash no password matches, so a login for a
/// username that does not exist takes as long as one that does.
pub async fn verify_against_dummy(password: &str) -> Result<(), CoreError> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let dummy = match DUMMY.get() {
        Some(hash) => hash.clone(),
        None => {
            let hash = hash_password(&super::secrets::random_token(24)).await?;
            DUMMY.get_or_init(|| hash).clone()
        }
    };
    verify_password(password, &dummy).await.map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_are_salted() {
        let a = hash_password("展厅接待2026!").await.unwrap();
        let b = hash_password("展厅接待2026!").await.unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify_password("展厅接待2026!", &a).await.unwrap());
        assert!(!verify_password("wrong password", &a).await.unwrap());
        assert!(!verify_password("x", "not a hash").await.unwrap());
    }
}
