//! Measuring server-side latency: requests go through the real router in process (routing,
//! authentication, the use case, JSON), timed from request to complete body.

use crate::generate::{DEALER, Samples, backend_name, samples_path};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use forecourt_customers::CustomersExt as _;
use forecourt_kernel::App;
use forecourt_kernel::auth::LoginInput;
use http_body_util::BodyExt;
use std::fmt::Write as _;
use std::time::{Duration, Instant};
use tower::ServiceExt;

struct Scenario {
    name: &'static str,
    target_ms: f64,
    paths: Vec<String>,
    token: String,
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A browser session of the user: the cookie value.
async fn session_of(app: &App, username: &str) -> anyhow::Result<String> {
    let login = app
        .login(LoginInput {
            username: username.into(),
            password: "bench-password-1".into(),
            ip: "bench".into(),
            user_agent: None,
        })
        .await?;
    Ok(login.session_token)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)].as_secs_f64() * 1000.0
}

pub async fn run(app: &App, iterations: usize, label: &str) -> anyhow::Result<()> {
    let samples: Samples = serde_json::from_slice(&std::fs::read(samples_path())?)?;
    let dealer = app
        .find_dealer_by_code(DEALER)
        .await?
        .ok_or_else(|| anyhow::anyhow!("run `generate` first"))?;
    // Exact sizes for the heading (the API caps its counts at 1,000 on purpose).
    let size = app
        .customers()
        .customer_file_size(&app.system_actor(dealer.id).await?)
        .await?;
    let (customers, vehicles) = (size.customers, size.vehicles);
    let router = forecourt_http::app(forecourt_http::AppState::new(
        app.clone(),
        forecourt_http::HttpSettings::default(),
        forecourt_server::modules::MODULES,
    ));
    let admin = session_of(app, "bench-admin").await?;
    let consultant = session_of(app, "bench-consultant-07").await?;

    let names2: Vec<String> = samples
        .names
        .iter()
        .filter(|n| n.chars().count() <= 4)
        .map(|n| n.chars().take(2).collect())
        .collect();
    let scenarios = vec![
        Scenario {
            name: "search: two-character name (张伟)",
            target_ms: 30.0,
            token: admin.clone(),
            paths: names2
                .iter()
                .map(|n| format!("/api/v1/customers/search?q={}", encode(n)))
                .collect(),
        },
        Scenario {
            name: "search: phone, last four digits",
            target_ms: 30.0,
            token: admin.clone(),
            paths: samples
                .phones
                .iter()
                .map(|p| format!("/api/v1/customers/search?q={}", &p[p.len() - 4..]))
                .collect(),
        },
        Scenario {
            name: "search: whole phone",
            target_ms: 30.0,
            token: admin.clone(),
            paths: samples
                .phones
                .iter()
                .map(|p| format!("/api/v1/customers/search?q={p}"))
                .collect(),
        },
        Scenario {
            name: "search: plate",
            target_ms: 30.0,
            token: admin.clone(),
            paths: samples
                .plates
                .iter()
                .map(|p| format!("/api/v1/customers/search?q={}", encode(p)))
                .collect(),
        },
        Scenario {
            name: "search: VIN, last six",
            target_ms: 30.0,
            token: admin.clone(),
            paths: samples
                .vins
                .iter()
                .map(|v| format!("/api/v1/customers/search?q={}", &v[11..]))
                .collect(),
        },
        Scenario {
            name: "search: two-character name, as a consultant (own customers)",
            target_ms: 30.0,
            token: consultant.clone(),
            paths: names2
                .iter()
                .map(|n| format!("/api/v1/customers/search?q={}", encode(n)))
                .collect(),
        },
        Scenario {
            name: "list: source filter, newest first, with count",
            target_ms: 50.0,
            token: admin.clone(),
            paths: ["web", "walk_in", "phone", "referral"]
                .iter()
                .map(|s| format!("/api/v1/customers?source={s}&with_count=true&limit=50"))
                .collect(),
        },
        Scenario {
            name: "list: owned brand filter, by name",
            target_ms: 50.0,
            token: admin.clone(),
            paths: [
                "%E5%A4%A7%E4%BC%97",
                "%E4%B8%B0%E7%94%B0",
                "%E7%89%B9%E6%96%AF%E6%8B%89",
            ]
            .iter()
            .map(|b| format!("/api/v1/customers?brand={b}&sort=name&limit=50"))
            .collect(),
        },
        Scenario {
            name: "list: a consultant's own customers, with count",
            target_ms: 50.0,
            token: consultant.clone(),
            paths: vec!["/api/v1/customers?with_count=true&limit=50".into()],
        },
    ];

    let mut out = String::new();
    let backend = backend_name(app);
    writeln!(out, "# Customer search and list latency — {backend}\n")?;
    writeln!(
        out,
        "- Dealer: {customers} customers with {vehicles} vehicles, generated by `forecourt-bench generate` (import log: `import-log.txt`)"
    )?;
    writeln!(
        out,
        "- Measured: {} requests per scenario after 30 warm-up requests, through the real router in process (auth, use case, JSON), one at a time",
        iterations
    )?;
    writeln!(
        out,
        "- Machine: 2 cores; release build; run on {}\n",
        chrono::Utc::now().format("%Y-%m-%d")
    )?;
    writeln!(
        out,
        "| scenario | p50 ms | p95 ms | p99 ms | max ms | target p95 | result |"
    )?;
    writeln!(out, "|---|---:|---:|---:|---:|---:|---|")?;
    for scenario in &scenarios {
        if scenario.paths.is_empty() {
            continue;
        }
        let mut times = Vec::with_capacity(iterations);
        for i in 0..(iterations + 30) {
            let path = &scenario.paths[i % scenario.paths.len()];
            let request = Request::builder()
                .uri(path)
                .header(
                    header::COOKIE,
                    format!("forecourt_session={}", scenario.token),
                )
                .body(Body::empty())?;
            let started = Instant::now();
            let response = router.clone().oneshot(request).await?;
            let status = response.status();
            let _ = response.into_body().collect().await?;
            let elapsed = started.elapsed();
            anyhow::ensure!(status == StatusCode::OK, "{path}: {status}");
            if i >= 30 {
                times.push(elapsed);
            }
        }
        times.sort();
        let p95 = percentile(&times, 0.95);
        let verdict = if p95 <= scenario.target_ms {
            "meets target"
        } else {
            "**misses target**"
        };
        let row = format!(
            "| {} | {:.1} | {:.1} | {:.1} | {:.1} | {} | {} |",
            scenario.name,
            percentile(&times, 0.5),
            p95,
            percentile(&times, 0.99),
            times.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
            scenario.target_ms,
            verdict
        );
        println!("{row}");
        writeln!(out, "{row}")?;
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("results/customers-{label}.md"));
    std::fs::write(&path, out)?;
    println!("written to {}", path.display());
    Ok(())
}
