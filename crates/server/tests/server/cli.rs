//! The `forecourt` command line, run as a process.

use super::http;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

fn forecourt(db: &str, args: &[&str], stdin: Option<&str>) -> (bool, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_forecourt"))
        .arg("--database")
        .arg(db)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("FORECOURT_DATABASE_URL")
        .spawn()
        .expect("run forecourt");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    let output = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

#[test]
fn dealers_users_and_demo_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!(
        "sqlite://{}",
        dir.path().join("nested/dir/forecourt.db").display()
    );

    let (ok, out) = forecourt(&db, &["migrate"], None);
    assert!(ok, "{out}");
    assert!(
        dir.path().join("nested/dir/forecourt.db").exists(),
        "the database and its directory are created"
    );

    let (ok, out) = forecourt(
        &db,
        &["group", "create", "--code", "hq", "--name", "总部集团"],
        None,
    );
    assert!(ok, "{out}");
    let (ok, out) = forecourt(
        &db,
        &[
            "dealer",
            "create",
            "--code",
            "sh01",
            "--name",
            "上海浦东4S店",
            "--group",
            "HQ",
        ],
        None,
    );
    assert!(ok, "{out}");
    assert!(out.contains("SH01"), "{out}");
    let (ok, out) = forecourt(
        &db,
        &[
            "dealer", "create", "--code", "sh02", "--name", "x", "--group", "NOPE",
        ],
        None,
    );
    assert!(!ok);
    assert!(out.contains("group"), "{out}");

    // The password comes from stdin when it is not a terminal.
    let (ok, out) = forecourt(
        &db,
        &[
            "user",
            "create",
            "--dealer",
            "SH01",
            "--username",
            "Li.Ming",
            "--role",
            "admin",
            "--display-name",
            "李明",
        ],
        Some("a-good-password\n"),
    );
    assert!(ok, "{out}");
    assert!(out.contains("li.ming"), "{out}");
    let (ok, out) = forecourt(
        &db,
        &[
            "user",
            "create",
            "--dealer",
            "SH01",
            "--username",
            "weak",
            "--role",
            "nope",
        ],
        Some("short\n"),
    );
    assert!(!ok);
    assert!(
        out.contains("password") && out.contains("role"),
        "every problem is listed: {out}"
    );

    let (ok, first) = forecourt(&db, &["demo"], None);
    assert!(ok, "{first}");
    assert!(
        first.contains("hz-admin") && first.contains("forecourt-demo"),
        "{first}"
    );
    let (ok, second) = forecourt(&db, &["demo"], None);
    assert!(ok, "{second}");
    assert!(
        second.contains("already loaded"),
        "running demo again changes nothing: {second}"
    );
    let (_, dealers) = forecourt(&db, &["dealer", "list"], None);
    assert_eq!(
        dealers.lines().filter(|l| !l.trim().is_empty()).count(),
        3,
        "{dealers}"
    );

    let (ok, doc) = forecourt(&db, &["openapi"], None);
    assert!(ok && doc.contains("/api/v1/users"));
}

#[tokio::test]
async fn serve_prints_its_url_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("forecourt.db").display());
    let mut child = Command::new(env!("CARGO_BIN_EXE_forecourt"))
        .args(["--database", &db, "serve", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("Forecourt is running at ")
        .expect("the URL is printed")
        .to_owned();
    let addr = url.strip_prefix("http://").unwrap().to_owned();
    assert_eq!(http(&addr, "GET", "/healthz", None).await.0, 200);

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    assert!(exit.success(), "a graceful stop exits 0: {exit:?}");
}
