//! The key for personal data: from the settings, or a key file (created, readable only by its
//! owner, the first time).

use super::Settings;
use forecourt_kernel::crypto::PiiKey;
use secrecy::ExposeSecret;

impl Settings {
    pub(super) fn pii_key(&self) -> anyhow::Result<PiiKey> {
        use anyhow::Context;
        if let Some(key) = &self.security.pii_key {
            return PiiKey::from_base64(key.expose_secret())
                .map_err(|e| anyhow::anyhow!("security.pii_key: {e}"));
        }
        let path = match &self.security.pii_key_file {
            Some(path) => path.clone(),
            None => self.default_key_file(),
        };
        if !path.exists() {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
            }
            write_private(&path, &PiiKey::generate_base64())?;
            tracing::warn!(path = %path.display(), "created a new key for personal data; back it up with the database");
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading the key file {}", path.display()))?;
        PiiKey::from_base64(&text)
            .map_err(|e| anyhow::anyhow!("the key file {}: {e}", path.display()))
    }

    /// `pii.key` in the directory of an embedded database, else `./data/pii.key`.
    pub(super) fn default_key_file(&self) -> std::path::PathBuf {
        let url = self.database.url.expose();
        let sqlite_path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"));
        match sqlite_path.map(|p| std::path::Path::new(p.split('?').next().unwrap_or(p))) {
            Some(db) => db
                .parent()
                .unwrap_or(std::path::Path::new("."))
                .join("pii.key"),
            None => std::path::PathBuf::from("./data/pii.key"),
        }
    }
}

/// Writes a file only its owner can read.
fn write_private(path: &std::path::Path, contents: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .map_err(|e| anyhow::anyhow!("creating {}: {e}", path.display()))?;
    file.write_all(contents.as_bytes())?;
    file.sync_all()?;
    Ok(())
}
