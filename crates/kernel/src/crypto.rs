//! Encryption of personal data at rest (ID numbers): AES-256-GCM, with a keyed hash (HMAC-SHA256)
//! so a number can still be found by exact match without decrypting anything.
//!
//! Both keys are derived from one master key (`security.pii_key` in the configuration, or the
//! key file next to an embedded database). Losing the master key loses the ID numbers; it is
//! backed up with the database.

use crate::error::CoreError;
use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The master key. Never printed.
#[derive(Clone)]
pub struct PiiKey([u8; 32]);

impl PiiKey {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// A key from 32 bytes of base64 (what the configuration holds).
    pub fn from_base64(text: &str) -> Result<Self, String> {
        let bytes = STANDARD
            .decode(text.trim())
            .map_err(|e| format!("not base64: {e}"))?;
        let bytes: [u8; 32] = bytes
            .try_into()
            .map_err(|_| "the key must be 32 bytes (44 base64 characters)".to_owned())?;
        Ok(Self(bytes))
    }

    /// A new random key, base64-encoded.
    pub fn generate_base64() -> String {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).expect("the operating system's random source");
        STANDARD.encode(bytes)
    }

    /// A random key for tests and throw-away databases.
    pub fn random() -> Self {
        Self::from_base64(&Self::generate_base64()).expect("a generated key is valid")
    }
}

impl std::fmt::Debug for PiiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PiiKey(..)")
    }
}

type HmacSha256 = Hmac<Sha256>;

fn derive(master: &[u8; 32], label: &str) -> [u8; 32] {
    let mut mac = <HmacSha256 as Mac>::new_from_slice(master).expect("HMAC takes any key length");
    mac.update(label.as_bytes());
    mac.finalize().into_bytes().into()
}

/// Encrypts, decrypts and hashes personal data with keys derived from the master key.
pub struct PiiCipher {
    cipher: Aes256Gcm,
    hash_key: [u8; 32],
}

impl std::fmt::Debug for PiiCipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PiiCipher(..)")
    }
}

const VERSION: &str = "v1:";

impl PiiCipher {
    pub fn new(key: &PiiKey) -> Self {
        let encryption_key = derive(&key.0, "forecourt/pii/encrypt/v1");
        Self {
            cipher: Aes256Gcm::new(&encryption_key.into()),
            hash_key: derive(&key.0, "forecourt/pii/hash/v1"),
        }
    }

    /// `v1:` + base64(nonce ‖ ciphertext ‖ tag), with a fresh random nonce each time.
    pub fn encrypt(&self, plaintext: &str) -> String {
        let mut nonce = [0u8; 12];
        getrandom::fill(&mut nonce).expect("the operating system's random source");
        let sealed = self
            .cipher
            .encrypt(Nonce::from_slice(&nonce), plaintext.as_bytes())
            .expect("AES-GCM encryption of a short value cannot fail");
        let mut out = nonce.to_vec();
        out.extend(sealed);
        format!("{VERSION}{}", STANDARD.encode(out))
    }

    pub fn decrypt(&self, stored: &str) -> Result<String, CoreError> {
        let failed = || {
            CoreError::Internal(anyhow::anyhow!(
                "a stored value cannot be decrypted with this key"
            ))
        };
        let encoded = stored.strip_prefix(VERSION).ok_or_else(failed)?;
        let bytes = STANDARD.decode(encoded).map_err(|_| failed())?;
        if bytes.len() < 12 {
            return Err(failed());
        }
        let (nonce, sealed) = bytes.split_at(12);
        let plain = self
            .cipher
            .decrypt(Nonce::from_slice(nonce), sealed)
            .map_err(|_| failed())?;
        String::from_utf8(plain).map_err(|_| failed())
    }

    /// A keyed hash (hex): equal values hash equal, and without the key the hash reveals
    /// nothing (an ID number's small space could otherwise be enumerated).
    pub fn keyed_hash(&self, value: &str) -> String {
        let mut mac = <HmacSha256 as Mac>::new_from_slice(&self.hash_key).expect("any key length");
        mac.update(value.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_with_fresh_nonces_and_refuses_other_keys() {
        let cipher = PiiCipher::new(&PiiKey::random());
        let a = cipher.encrypt("11010519491231002X");
        let b = cipher.encrypt("11010519491231002X");
        assert_ne!(a, b, "a fresh nonce each time");
        assert!(!a.contains("11010519491231002X"));
        assert_eq!(cipher.decrypt(&a).unwrap(), "11010519491231002X");
        assert_eq!(cipher.keyed_hash("x"), cipher.keyed_hash("x"));
        let other = PiiCipher::new(&PiiKey::random());
        assert!(other.decrypt(&a).is_err());
        assert_ne!(other.keyed_hash("x"), cipher.keyed_hash("x"));
        assert!(cipher.decrypt("v1:garbage").is_err());
    }

    #[test]
    fn keys_from_configuration() {
        let key = PiiKey::generate_base64();
        assert!(PiiKey::from_base64(&key).is_ok());
        assert!(PiiKey::from_base64("c2hvcnQ=").is_err());
        assert_eq!(format!("{:?}", PiiKey::random()), "PiiKey(..)");
    }
}
