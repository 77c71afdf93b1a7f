//! Fingerprints the migration sources so test databases cloned from a migrated PostgreSQL
//! template are rebuilt whenever a migration's text changes, not only when one is added.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

fn main() {
    let dir = Path::new("src/migrations");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("read src/migrations")
        .map(|e| e.expect("migration entry").path())
        .collect();
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in files {
        file.file_name().hash(&mut hasher);
        std::fs::read(&file)
            .expect("read migration")
            .hash(&mut hasher);
    }
    println!(
        "cargo::rustc-env=FORECOURT_SCHEMA_FINGERPRINT={:016x}",
        hasher.finish()
    );
}
