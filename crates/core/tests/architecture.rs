//! Rules of the code base that the compiler cannot enforce.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Only the auth layer issues dealer scopes; everything else receives them. (The db crate's
/// own tests and test fixtures may make them.)
#[test]
fn only_auth_issues_dealer_scopes() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut files = Vec::new();
    rust_files(crates, &mut files);
    let allowed = |path: &Path| {
        let p = path.to_string_lossy();
        p.contains("/core/src/auth/")
            || p.contains("/db/src/scope.rs")
            || p.contains("/db/tests/")
            || p.ends_with("/core/tests/architecture.rs")
    };
    let offenders: Vec<String> = files
        .iter()
        .filter(|f| !allowed(f))
        .filter(|f| {
            std::fs::read_to_string(f)
                .unwrap()
                .contains("issued_by_auth(")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "DealerScope issued outside auth: {offenders:?}"
    );
}

/// SQL lives in the db crate: no other crate names sea-orm's query builders.
#[test]
fn only_the_db_crate_speaks_sql() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    for krate in ["core", "http", "server", "domain"] {
        let mut files = Vec::new();
        rust_files(&crates.join(krate).join("src"), &mut files);
        for file in files {
            let source = std::fs::read_to_string(&file).unwrap();
            for needle in ["sea_orm::", "sqlx::", "sea_query"] {
                assert!(!source.contains(needle), "{} uses {needle}", file.display());
            }
        }
    }
}
