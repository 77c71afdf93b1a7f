//! The durable job queue: retries with backoff, dead jobs, recurring schedules in the dealer's
//! time zone, two runners never running one job at once.

use super::work_support::work;
use chrono::{Duration, TimeZone, Utc};
use forecourt_db::db_test;
use forecourt_kernel::jobs::{JobRegistry, JobRunner, NewJob, NewSchedule, RunnerOptions, enqueue};
use serde_json::json;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

fn options(owner: &str) -> RunnerOptions {
    RunnerOptions {
        owner: owner.into(),
        lease: Duration::seconds(30),
        batch: 5,
        poll: std::time::Duration::from_millis(10),
    }
}

db_test!(async fn failures_back_off_then_die_with_their_error(test_db) {
    let w = work(test_db, Default::default()).await;
    let runs = Arc::new(AtomicUsize::new(0));
    let mut registry = JobRegistry::new();
    let counter = runs.clone();
    registry.register("test.fail", move |_| {
        let counter = counter.clone();
        async move {
            counter.fetch_add(1, Ordering::SeqCst);
            anyhow::bail!("the provider is down")
        }
    });
    let runner = JobRunner::new(w.app.clone(), registry, options("a"));
    let tx = w.app.db().begin().await.unwrap();
    let id = enqueue(&*tx, NewJob::new(Some(w.dealer), "test.fail", json!({})).attempts(3).key("once"), w.app.now()).await.unwrap();
    // The same key again is the same job.
    let again = enqueue(&*tx, NewJob::new(Some(w.dealer), "test.fail", json!({})).key("once"), w.app.now()).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(id, again);

    let report = runner.run_due_once().await.unwrap();
    assert_eq!((report.failed, report.dead), (1, 0));
    let job = w.app.get_job(&w.system, id).await.unwrap();
    assert_eq!(job.status.as_str(), "failed");
    assert_eq!(job.run_at, w.app.now() + Duration::seconds(30));
    // Not before its backoff.
    assert_eq!(runner.run_due_once().await.unwrap().failed, 0);
    w.clock.advance(Duration::seconds(30));
    assert_eq!(runner.run_due_once().await.unwrap().failed, 1);
    let job = w.app.get_job(&w.system, id).await.unwrap();
    assert_eq!(job.run_at, w.app.now() + Duration::seconds(60), "the backoff doubles");
    w.clock.advance(Duration::seconds(60));
    assert_eq!(runner.run_due_once().await.unwrap().dead, 1);
    let job = w.app.get_job(&w.system, id).await.unwrap();
    assert_eq!(job.status.as_str(), "dead");
    assert_eq!(job.attempts, 3);
    assert_eq!(job.last_error.as_deref(), Some("the provider is down"));
    assert_eq!(runs.load(Ordering::SeqCst), 3);

    // The admin retries it; then it is queued with fresh attempts.
    let retried = w.app.retry_job(&w.system, id).await.unwrap();
    assert_eq!((retried.status.as_str(), retried.attempts), ("queued", 0));
    let cancelled = w.app.cancel_job(&w.system, id).await.unwrap();
    assert_eq!(cancelled.status.as_str(), "cancelled");
    assert_eq!(w.app.cancel_job(&w.system, id).await.unwrap_err().code().as_str(), "invalid_state");
});

db_test!(async fn schedules_run_in_the_dealers_time_zone(test_db) {
    let w = work(test_db, Default::default()).await;
    // 01:00 UTC on 2 March is 09:00 in Shanghai: the next 09:00 is tomorrow's.
    w.app
        .ensure_schedule(NewSchedule {
            dealer_id: Some(w.dealer),
            name: "morning report".into(),
            kind: "test.count".into(),
            cron: "0 9 * * *".into(),
            payload: json!({}),
        })
        .await
        .unwrap();
    let next = w.app.schedule_next_run(Some(w.dealer), "morning report").await.unwrap().unwrap();
    assert_eq!(next, Utc.with_ymd_and_hms(2026, 3, 3, 1, 0, 0).unwrap());

    let runs = Arc::new(AtomicUsize::new(0));
    let mut registry = JobRegistry::new();
    let counter = runs.clone();
    registry.register("test.count", move |_| {
        let counter = counter.clone();
        async move {
            counter.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }
    });
    let runner = JobRunner::new(w.app.clone(), registry, options("a"));
    runner.run_due_once().await.unwrap();
    assert_eq!(runs.load(Ordering::SeqCst), 0);
    w.clock.set(Utc.with_ymd_and_hms(2026, 3, 3, 1, 0, 5).unwrap());
    runner.run_due_once().await.unwrap();
    runner.run_due_once().await.unwrap();
    assert_eq!(runs.load(Ordering::SeqCst), 1, "one run per occurrence");
    let next = w.app.schedule_next_run(Some(w.dealer), "morning report").await.unwrap().unwrap();
    assert_eq!(next, Utc.with_ymd_and_hms(2026, 3, 4, 1, 0, 0).unwrap());
});

db_test!(async fn two_runners_never_run_one_job_at_once(test_db) {
    let w = work(test_db, Default::default()).await;
    let tx = w.app.db().begin().await.unwrap();
    for n in 0..30 {
        enqueue(&*tx, NewJob::new(Some(w.dealer), "test.track", json!({"n": n})), w.app.now()).await.unwrap();
    }
    tx.commit().await.unwrap();
    let seen: Arc<Mutex<HashMap<i64, usize>>> = Arc::default();
    let running = Arc::new(AtomicUsize::new(0));
    let runner = |owner: &str| {
        let mut registry = JobRegistry::new();
        let (seen, running) = (seen.clone(), running.clone());
        registry.register("test.track", move |ctx| {
            let (seen, running) = (seen.clone(), running.clone());
            async move {
                running.fetch_add(1, Ordering::SeqCst);
                *seen.lock().unwrap().entry(ctx.job.payload["n"].as_i64().unwrap()).or_default() += 1;
                tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                running.fetch_sub(1, Ordering::SeqCst);
                Ok(())
            }
        });
        JobRunner::new(w.app.clone(), registry, options(owner))
    };
    let (a, b) = (runner("node-a"), runner("node-b"));
    let (ra, rb) = tokio::join!(
        tokio::spawn(async move { a.run_due_once().await.unwrap() }),
        tokio::spawn(async move { b.run_due_once().await.unwrap() })
    );
    let (ra, rb) = (ra.unwrap(), rb.unwrap());
    assert_eq!(ra.done + rb.done, 30, "{ra:?} {rb:?}");
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 30);
    assert!(seen.values().all(|n| *n == 1), "a job ran twice: {seen:?}");
});
