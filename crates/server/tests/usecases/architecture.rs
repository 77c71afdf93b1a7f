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
        p.contains("/kernel/src/auth/")
            || p.contains("/db/src/scope.rs")
            || p.contains("/db/tests/")
            || p.ends_with("/server/tests/usecases/architecture.rs")
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
    let mut crates_above_db = vec!["kernel", "demo", "http", "server", "domain"];
    crates_above_db.extend(MODULES);
    for krate in crates_above_db {
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

/// The business modules, lowest first: a module may use the kernel, `db`, `domain` and the
/// modules before it here — never one after it (`docs/ARCHITECTURE.md` draws the graph).
const MODULES: [&str; 10] = [
    "customers",
    "catalog",
    "work",
    "sales",
    "stock",
    "deal",
    "orders",
    "aftersales",
    "care",
    "admin",
];

/// Every crate of the workspace named `forecourt-*` that a crate's Cargo.toml depends on (its
/// `[dependencies]`, not its tests').
fn forecourt_dependencies(krate: &str) -> Vec<String> {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let manifest = std::fs::read_to_string(crates.join(krate).join("Cargo.toml")).unwrap();
    let mut in_dependencies = false;
    let mut out = Vec::new();
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_dependencies = line == "[dependencies]";
        } else if in_dependencies && let Some(name) = line.strip_prefix("forecourt-") {
            let name: String = name
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            out.push(name);
        }
    }
    out
}

/// Every `forecourt_<crate>` a crate's sources name.
fn forecourt_uses(krate: &str) -> Vec<String> {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut files = Vec::new();
    rust_files(&crates.join(krate).join("src"), &mut files);
    let mut out = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for (i, _) in source.match_indices("forecourt_") {
            let name: String = source[i + "forecourt_".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.push(format!("{name} (in {})", file.display()));
        }
    }
    out
}

/// The kernel depends on no module: neither in its manifest nor in its sources.
#[test]
fn the_kernel_names_no_module() {
    let allowed = ["db", "domain"];
    for dependency in forecourt_dependencies("kernel") {
        assert!(
            allowed.contains(&dependency.as_str()),
            "the kernel depends on forecourt-{dependency}"
        );
    }
    for used in forecourt_uses("kernel") {
        assert!(
            ["db ", "domain ", "kernel "]
                .iter()
                .any(|a| used.starts_with(a)),
            "the kernel names forecourt_{used}"
        );
    }
}

/// A module depends only on the kernel, `db`, `domain` and the modules below it.
#[test]
fn modules_depend_only_on_what_is_below_them() {
    for (position, module) in MODULES.iter().enumerate() {
        let mut allowed: Vec<String> = ["kernel", "db", "domain"].map(String::from).to_vec();
        allowed.extend(MODULES[..position].iter().map(|m| m.to_string()));
        for dependency in forecourt_dependencies(module) {
            assert!(
                allowed.contains(&dependency),
                "the {module} module depends on forecourt-{dependency}, which is not below it"
            );
        }
        for used in forecourt_uses(module) {
            let name = used.split(' ').next().unwrap_or_default();
            assert!(
                allowed.iter().any(|a| a == name) || name == *module,
                "the {module} module names forecourt_{used}"
            );
        }
    }
}

/// The check above reads real manifests: the kernel's names db and domain, sales' names the
/// modules it builds on.
#[test]
fn the_dependency_reader_sees_the_manifests() {
    let kernel = forecourt_dependencies("kernel");
    assert!(kernel.contains(&"db".to_owned()) && kernel.contains(&"domain".to_owned()));
    let sales = forecourt_dependencies("sales");
    for below in ["kernel", "customers", "work"] {
        assert!(sales.contains(&below.to_owned()), "sales: {sales:?}");
    }
}
