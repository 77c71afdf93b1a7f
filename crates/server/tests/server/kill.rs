//! A job killed mid-run with `kill -9` is taken again by the next process once its lease
//! expires, and completes once.

use forecourt_db::db_test;
use forecourt_kernel::CoreSettings;
use forecourt_kernel::jobs::{NewJob, enqueue};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn serve(url: &str, dir: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_forecourt"))
        .args(["--database", url, "serve", "--listen", "127.0.0.1:0"])
        .env_remove("FORECOURT_DATABASE_URL")
        .env("FORECOURT_TEST_JOB_KINDS", "1")
        .env("FORECOURT_JOBS__LEASE_SECONDS", "2")
        .env("FORECOURT_JOBS__POLL_INTERVAL_MS", "100")
        .env("FORECOURT_SECURITY__PII_KEY_FILE", dir.join("pii.key"))
        .env("FORECOURT_MAIL__TRANSPORT", "log")
        .env("FORECOURT_SMS__TRANSPORT", "log")
        .env("FORECOURT_WECHAT__TRANSPORT", "log")
        .env("FORECOURT_LOG__LEVEL", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start forecourt")
}

fn lines(log: &Path) -> Vec<String> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}

async fn wait_for(log: &Path, line: &str, within: Duration) {
    let start = Instant::now();
    while !lines(log).iter().any(|l| l == line) {
        assert!(
            start.elapsed() < within,
            "no {line:?} within {within:?}: {:?}",
            lines(log)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

db_test!(async fn a_job_killed_mid_run_completes_once_after_restart(test_db) {
    let dir = tempfile::tempdir().unwrap();
    let (log, hold) = (dir.path().join("job.log"), dir.path().join("hold"));
    std::fs::write(&hold, "").unwrap();
    let app = forecourt_server::modules::app(test_db.db.clone(), CoreSettings::default());
    let tx = app.db().begin().await.unwrap();
    let id = enqueue(
        &*tx,
        NewJob::new(None, "test.hold", serde_json::json!({"log": log, "hold": hold})),
        app.now(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let mut first = serve(&test_db.url, dir.path());
    wait_for(&log, "start 1", Duration::from_secs(60)).await;
    first.kill().unwrap(); // SIGKILL: no shutdown, the lease is left behind
    first.wait().unwrap();
    std::fs::remove_file(&hold).unwrap();

    let mut second = serve(&test_db.url, dir.path());
    wait_for(&log, "done", Duration::from_secs(60)).await;
    // Give a duplicate run the chance to show itself.
    tokio::time::sleep(Duration::from_secs(3)).await;
    second.kill().unwrap();
    second.wait().unwrap();

    assert_eq!(lines(&log), ["start 1", "start 2", "done"]);
    let job = forecourt_db::repo::jobs::find(test_db.db.conn(), id.uuid()).await.unwrap().unwrap();
    assert_eq!((job.status.as_str(), job.attempts), ("done", 2));
});
