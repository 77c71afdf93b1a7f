//! `forecourt-bench generate` fills a database with a dealer of a million customers;
//! `forecourt-bench run` measures search and list latency against it and writes the figures to
//! `bench/results/`. See bench/README.md.

mod generate;
mod measure;

use clap::{Parser, Subcommand};

/// The server's allocator (crates/server/src/main.rs), so imports measure the same.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(name = "forecourt-bench")]
struct Cli {
    /// sqlite://path or postgres://... (the database is created if missing).
    #[arg(long)]
    database: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create the BENCH dealer and import generated customers into it.
    Generate {
        #[arg(long, default_value_t = 1_000_000)]
        customers: usize,
        /// Customers per imported file.
        #[arg(long, default_value_t = 100_000)]
        chunk: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Files an interrupted run already imported (see results/import-log.txt).
        #[arg(long, default_value_t = 0)]
        skip_files: usize,
    },
    /// Measure search and list latency; write results to bench/results/.
    Run {
        #[arg(long, default_value_t = 400)]
        iterations: usize,
        /// A label for the results file (e.g. sqlite, postgres).
        #[arg(long)]
        label: String,
    },
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter("forecourt_kernel=info")
        .with_writer(std::io::stderr)
        .init();
    let db =
        forecourt_db::Db::connect(&cli.database, &forecourt_db::ConnectOptions::default()).await?;
    db.migrate().await?;
    let settings = forecourt_kernel::CoreSettings {
        // A fixed key: the benchmark's data is synthetic.
        pii_key: forecourt_kernel::crypto::PiiKey::from_bytes([7; 32]),
        login_rate_limit: 1_000_000,
        ..forecourt_kernel::CoreSettings::default()
    };
    let app = forecourt_server::modules::app(db, settings);
    match cli.command {
        Command::Generate {
            customers,
            chunk,
            seed,
            skip_files,
        } => generate::generate(&app, customers, chunk, seed, skip_files).await,
        Command::Run { iterations, label } => measure::run(&app, iterations, &label).await,
    }
}
