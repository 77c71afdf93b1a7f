//! The `forecourt` binary's library half: configuration, startup and shutdown, so tests can
//! start the real server on port 0 with [`launch`].

pub mod cli;
pub mod config;
pub mod modules;
pub mod telemetry;
mod test_jobs;

use anyhow::Context;
use config::Settings;
use forecourt_db::Db;
use forecourt_http::{AppState, HttpSettings};
use forecourt_kernel::App;
use forecourt_kernel::jobs::{JobRegistry, JobRunner, RunnerOptions};
use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::TcpListener;

/// Connects to the database named in the settings and applies pending migrations.
pub async fn open_database(settings: &Settings) -> anyhow::Result<Db> {
    let db = Db::connect(
        settings.database.url.expose(),
        &settings.database.connect_options(),
    )
    .await
    .with_context(|| {
        format!(
            "cannot open the database {}",
            settings.database.url.redacted()
        )
    })?;
    let applied = db.migrate().await.context("migrating the database")?;
    if applied > 0 {
        tracing::info!(applied, "database migrated");
    }
    Ok(db)
}

/// Serves Forecourt on `listener` until `shutdown` completes, then finishes the requests in
/// flight (up to a grace period) and closes the database.
pub async fn launch(
    settings: Settings,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let db = open_database(&settings).await?;
    let app = modules::app(db.clone(), settings.core_settings()?);
    app.ensure_dealer_defaults()
        .await
        .context("adding this version's dealer defaults")?;
    let http = HttpSettings {
        secure_cookies: settings.server.secure_cookies(),
        trust_forwarded_headers: settings.server.trust_forwarded_headers,
    };
    app.ensure_schedules()
        .await
        .context("adding the modules' schedules")?;
    let router = forecourt_http::app(AppState::new(app.clone(), http, modules::MODULES));

    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let workers = settings
        .jobs
        .workers
        .then(|| tokio::spawn(job_runner(&settings, app.clone()).run(stop_rx.clone())));
    let housekeeping = tokio::spawn(housekeeping(app, stop_rx.clone()));

    let server = axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown.await;
        tracing::info!("shutting down: finishing requests in flight");
        let _ = stop_tx.send(true);
    });
    let mut stopped = stop_rx;
    let served = tokio::select! {
        result = server => result.context("serving HTTP"),
        _ = async {
            let _ = stopped.wait_for(|stop| *stop).await;
            tokio::time::sleep(forecourt_http::routes::SHUTDOWN_GRACE).await;
        } => {
            tracing::warn!("requests still running after the grace period were cut off");
            Ok(())
        }
    };
    housekeeping.abort();
    if let Some(workers) = workers {
        // The job in hand finishes (up to the grace period); its lease covers a cut-off one.
        if tokio::time::timeout(forecourt_http::routes::SHUTDOWN_GRACE, workers)
            .await
            .is_err()
        {
            tracing::warn!("a job was still running at shutdown; another worker retakes it");
        }
    }
    db.close().await.context("closing the database")?;
    served
}

/// The job runner of this node: the core's job kinds, and the test kinds when
/// `FORECOURT_TEST_JOB_KINDS=1`.
pub fn job_runner(settings: &Settings, app: App) -> JobRunner {
    let mut registry = JobRegistry::builtin();
    if std::env::var("FORECOURT_TEST_JOB_KINDS").is_ok_and(|v| v == "1") {
        test_jobs::register(&mut registry);
    }
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "node".to_owned());
    JobRunner::new(
        app,
        registry,
        RunnerOptions {
            owner: format!("{host}:{}:{}", std::process::id(), uuid_suffix()),
            lease: chrono::Duration::seconds(settings.jobs.lease_seconds.max(1) as i64),
            batch: settings.jobs.batch.max(1),
            poll: Duration::from_millis(settings.jobs.poll_interval_ms.max(10)),
        },
    )
}

fn uuid_suffix() -> String {
    format!(
        "{:08x}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0)
    )
}

/// Periodic clean-up: expired sessions and old login attempts, finished jobs, expired
/// notifications and ended messages (see `forecourt_kernel::retention`).
async fn housekeeping(app: App, mut stop: tokio::sync::watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tokio::select! {
            _ = tick.tick() => {
                if let Err(error) = app.purge_expired_auth_records().await {
                    tracing::warn!(%error, "purging expired sessions failed");
                }
                if let Err(error) = app.purge_finished_jobs().await {
                    tracing::warn!(%error, "purging finished jobs failed");
                }
                if let Err(error) = app.purge_expired_messages().await {
                    tracing::warn!(%error, "purging expired notifications and messages failed");
                }
            }
            _ = stop.changed() => return,
        }
    }
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {},
        _ = terminate => {},
    }
}
