//! The runner: materialises due schedules, leases due jobs, runs them with a lease heartbeat,
//! and records the outcome (done; failed with exponential backoff; dead after the last
//! attempt). `run_due_once` is one pass, which tests drive with a manual clock; `run` loops
//! until told to stop.

use super::registry::{JobContext, JobRegistry};
use super::{NewJob, enqueue, schedule};
use crate::app::App;
use crate::error::CoreResult;
use chrono::Duration;
use forecourt_db::entities::job;
use forecourt_db::repo::jobs;
use forecourt_domain::ids::DealerId;
use forecourt_domain::work::retry_backoff;
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct RunnerOptions {
    /// Names this worker in leases (host and process, unique per node).
    pub owner: String,
    /// How long a lease lasts; a worker that dies mid-job loses it after this long.
    pub lease: Duration,
    /// Jobs leased per pass.
    pub batch: u64,
    /// How long the loop waits between passes when nothing was due.
    pub poll: std::time::Duration,
}

impl Default for RunnerOptions {
    fn default() -> Self {
        Self {
            owner: format!("worker-{}", uuid::Uuid::now_v7().simple()),
            lease: Duration::seconds(60),
            batch: 10,
            poll: std::time::Duration::from_secs(1),
        }
    }
}

/// What one pass did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunReport {
    pub scheduled: usize,
    pub done: usize,
    pub failed: usize,
    pub dead: usize,
}

#[derive(Clone, Debug)]
pub struct JobRunner {
    app: App,
    registry: Arc<JobRegistry>,
    options: RunnerOptions,
}

impl JobRunner {
    pub fn new(app: App, registry: JobRegistry, options: RunnerOptions) -> Self {
        Self {
            app,
            registry: Arc::new(registry),
            options,
        }
    }

    pub fn options(&self) -> &RunnerOptions {
        &self.options
    }

    /// One pass: queue the runs of due schedules, then lease and run due jobs until none is
    /// left (at most a few batches).
    pub async fn run_due_once(&self) -> CoreResult<RunReport> {
        let mut report = RunReport {
            scheduled: self.materialise_schedules().await?,
            ..RunReport::default()
        };
        for _ in 0..10 {
            let leased = self.lease_due().await?;
            if leased.is_empty() {
                break;
            }
            for job in leased {
                match self.run_leased(job).await? {
                    Outcome::Done => report.done += 1,
                    Outcome::Failed => report.failed += 1,
                    Outcome::Dead => report.dead += 1,
                    Outcome::LeaseLost => {}
                }
            }
        }
        Ok(report)
    }

    /// Runs passes until `stop` turns true.
    pub async fn run(self, mut stop: tokio::sync::watch::Receiver<bool>) {
        tracing::info!(owner = %self.options.owner, kinds = ?self.registry.kinds(), "job runner started");
        loop {
            if *stop.borrow() {
                break;
            }
            let busy = match self.run_due_once().await {
                Ok(report) => report != RunReport::default(),
                Err(error) => {
                    tracing::warn!(%error, "job runner pass failed");
                    false
                }
            };
            if busy {
                continue;
            }
            tokio::select! {
                _ = tokio::time::sleep(self.options.poll) => {}
                _ = stop.changed() => {}
            }
        }
        tracing::info!(owner = %self.options.owner, "job runner stopped");
    }

    /// Leases a batch of due jobs of the registered kinds (committed before they run).
    pub async fn lease_due(&self) -> CoreResult<Vec<job::Model>> {
        let now = self.app.now();
        let tx = self.app.db.begin().await?;
        let leased = jobs::lease(
            &*tx,
            &self.options.owner,
            &self.registry.kinds(),
            now,
            self.options.lease,
            self.options.batch,
        )
        .await?;
        tx.commit().await?;
        Ok(leased)
    }

    /// Runs one leased job and records its outcome.
    pub async fn run_leased(&self, job: job::Model) -> CoreResult<Outcome> {
        let Some(handler) = self.registry.get(&job.kind) else {
            return self.record_failure(&job, "no handler for this kind").await;
        };
        let ctx = JobContext {
            app: self.app.clone(),
            job: job.clone(),
        };
        let mut task = tokio::spawn(handler(ctx));
        let beat = (self.options.lease / 3)
            .to_std()
            .unwrap_or(std::time::Duration::from_secs(20))
            .max(std::time::Duration::from_millis(50));
        let result = loop {
            tokio::select! {
                joined = &mut task => break joined,
                _ = tokio::time::sleep(beat) => {
                    let until = self.app.now() + self.options.lease;
                    match jobs::extend_lease(self.app.db.conn(), job.id, &self.options.owner, until).await {
                        Ok(true) => {}
                        Ok(false) => tracing::warn!(job = %job.id, "lease lost while running"),
                        Err(error) => tracing::warn!(%error, "extending a lease failed"),
                    }
                }
            }
        };
        match result {
            Ok(Ok(())) => {
                let now = self.app.now();
                if jobs::complete(self.app.db.conn(), job.id, &self.options.owner, now).await? {
                    Ok(Outcome::Done)
                } else {
                    tracing::warn!(job = %job.id, "finished after its lease was taken over");
                    Ok(Outcome::LeaseLost)
                }
            }
            Ok(Err(error)) => self.record_failure(&job, &format!("{error:#}")).await,
            Err(join) => {
                self.record_failure(&job, &format!("the job panicked: {join}"))
                    .await
            }
        }
    }

    async fn record_failure(&self, job: &job::Model, error: &str) -> CoreResult<Outcome> {
        let now = self.app.now();
        let error: String = error.chars().take(2000).collect();
        let retry_at = (job.attempts < job.max_attempts).then(|| now + retry_backoff(job.attempts));
        tracing::warn!(job = %job.id, kind = %job.kind, attempt = job.attempts, %error, "job failed");
        let recorded = jobs::fail(
            self.app.db.conn(),
            job.id,
            &self.options.owner,
            &error,
            retry_at,
            now,
        )
        .await?;
        Ok(match (recorded, retry_at) {
            (false, _) => Outcome::LeaseLost,
            (true, Some(_)) => Outcome::Failed,
            (true, None) => Outcome::Dead,
        })
    }

    /// Queues the due run of every due schedule and moves each to its next run.
    async fn materialise_schedules(&self) -> CoreResult<usize> {
        let now = self.app.now();
        let due = jobs::due_schedules(self.app.db.conn(), now).await?;
        let mut queued = 0;
        for schedule in due {
            if self.registry.get(&schedule.kind).is_none() {
                continue;
            }
            let tx = self.app.db.begin().await?;
            let next = schedule::following(&schedule, now).unwrap_or(now + Duration::days(365));
            if jobs::advance_schedule(&*tx, &schedule, next, now).await? {
                let dealer = schedule.dealer_id.map(DealerId::from_uuid);
                let key = format!(
                    "schedule:{}:{}",
                    schedule.id,
                    schedule.next_run_at.timestamp()
                );
                enqueue(
                    &*tx,
                    NewJob::new(dealer, &schedule.kind, schedule.payload.clone())
                        .at(schedule.next_run_at)
                        .key(key)
                        .attempts(3),
                    now,
                )
                .await?;
                queued += 1;
            }
            tx.commit().await?;
        }
        Ok(queued)
    }
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// Failed; queued again after a backoff.
    Failed,
    /// Failed on its last attempt.
    Dead,
    /// Another worker took the job over (this worker's lease had expired).
    LeaseLost,
}
