//! Job kinds for the process tests (enabled by `FORECOURT_TEST_JOB_KINDS=1`, never in
//! production): `test.hold` appends `start` to its payload's `log` file, waits while its `hold`
//! file exists, then appends `done` — a job that can be killed mid-run.

use forecourt_kernel::jobs::{JobContext, JobRegistry};
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

pub fn register(registry: &mut JobRegistry) {
    registry.register("test.hold", hold);
}

fn append(path: &PathBuf, line: &str) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    writeln!(file, "{line}")?;
    file.sync_all()
}

async fn hold(ctx: JobContext) -> anyhow::Result<()> {
    let path = |key: &str| {
        ctx.job
            .payload
            .get(key)
            .and_then(|v| v.as_str())
            .map(PathBuf::from)
            .ok_or_else(|| anyhow::anyhow!("no {key} in the payload"))
    };
    let (log, hold) = (path("log")?, path("hold")?);
    append(&log, &format!("start {}", ctx.job.attempts))?;
    while hold.exists() {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    append(&log, "done")?;
    Ok(())
}
