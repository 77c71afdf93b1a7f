//! Durable background jobs: enqueue (in the caller's transaction), a registry of handlers by
//! kind, recurring schedules (cron, in the dealer's time zone), and the runner that leases and
//! runs due jobs with retries and backoff. The admin sees a dealer's jobs, retries failed ones
//! and cancels queued ones.
//!
//! Adding a kind: write an async handler `fn(JobContext) -> JobFuture`, register it in
//! [`registry::JobRegistry::builtin`] (or on the registry the server builds), and enqueue
//! with [`enqueue`] inside the transaction of the change that causes it.

mod admin;
pub mod registry;
pub mod runner;
pub mod schedule;

pub use admin::{JobQuery, JobView};
pub use registry::{JobContext, JobFuture, JobHandler, JobRegistry};
pub use runner::{JobRunner, Outcome, RunReport, RunnerOptions};
pub use schedule::{NewSchedule, next_run};

use crate::error::CoreResult;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::job;
use forecourt_db::repo::jobs;
use forecourt_domain::ids::{DealerId, JobId};
use uuid::Uuid;

/// A job about to be queued.
#[derive(Clone, Debug)]
pub struct NewJob {
    /// The dealer the job works for (None: installation-wide).
    pub dealer_id: Option<DealerId>,
    pub kind: String,
    pub payload: serde_json::Value,
    /// Not before this instant (default: now).
    pub run_at: Option<DateTime<Utc>>,
    /// Higher runs first among due jobs.
    pub priority: i32,
    /// At most one job per (dealer, kind, key), ever: enqueueing again returns the first.
    pub idempotency_key: Option<String>,
    pub max_attempts: i32,
}

impl NewJob {
    pub fn new(dealer_id: Option<DealerId>, kind: &str, payload: serde_json::Value) -> Self {
        Self {
            dealer_id,
            kind: kind.to_owned(),
            payload,
            run_at: None,
            priority: 0,
            idempotency_key: None,
            max_attempts: 5,
        }
    }

    pub fn at(mut self, run_at: DateTime<Utc>) -> Self {
        self.run_at = Some(run_at);
        self
    }

    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.idempotency_key = Some(key.into());
        self
    }

    pub fn attempts(mut self, max: i32) -> Self {
        self.max_attempts = max.max(1);
        self
    }
}

/// The stored dedupe key of an idempotency key.
pub fn dedupe_key(dealer_id: Option<DealerId>, kind: &str, key: &str) -> String {
    let dealer = dealer_id
        .map(|d| d.to_string())
        .unwrap_or_else(|| "-".to_owned());
    format!("{dealer}|{kind}|{key}")
}

/// Queues a job in the caller's transaction (so it exists exactly when the change that causes
/// it commits). Returns the job id (the existing job's, for a repeated idempotency key).
pub async fn enqueue<C: ConnectionTrait>(
    conn: &C,
    new: NewJob,
    now: DateTime<Utc>,
) -> CoreResult<JobId> {
    let dedupe = new
        .idempotency_key
        .as_deref()
        .map(|key| dedupe_key(new.dealer_id, &new.kind, key));
    let model = job::Model {
        id: Uuid::now_v7(),
        dealer_id: new.dealer_id.map(DealerId::uuid),
        kind: new.kind,
        payload: new.payload,
        run_at: new.run_at.unwrap_or(now),
        priority: new.priority,
        dedupe_key: dedupe,
        status: jobs::QUEUED.to_owned(),
        attempts: 0,
        max_attempts: new.max_attempts,
        last_error: None,
        lease_owner: None,
        lease_until: None,
        finished_at: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    let (job, _) = jobs::enqueue(conn, model).await?;
    Ok(JobId::from_uuid(job.id))
}

/// Cancels the not-yet-started job of an idempotency key and frees the key (a reminder moved
/// to another time).
pub async fn cancel_keyed<C: ConnectionTrait>(
    conn: &C,
    dealer_id: Option<DealerId>,
    kind: &str,
    key: &str,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let dedupe = dedupe_key(dealer_id, kind, key);
    jobs::cancel_by_dedupe_key(conn, &dedupe, now).await?;
    jobs::release_dedupe_key(conn, &dedupe).await?;
    Ok(())
}
