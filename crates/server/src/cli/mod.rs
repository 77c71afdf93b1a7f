//! The command line: `forecourt serve | migrate | demo | dealer | group | user | openapi`.

mod org;
mod serve;
mod users;

use crate::config::{DatabaseUrl, Settings};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "forecourt",
    version,
    about = "Forecourt, the CRM for car dealerships"
)]
pub struct Cli {
    /// A TOML configuration file.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The database: sqlite://path or postgres://user@host/db (also FORECOURT_DATABASE_URL).
    #[arg(long, global = true, value_name = "URL")]
    pub database: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server (migrating the database first).
    Serve {
        /// Address to listen on (also FORECOURT_LISTEN).
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the demo dealer group, dealers and one user per role (safe to run again).
    Demo,
    /// Dealers (4S stores).
    #[command(subcommand)]
    Dealer(org::DealerCommand),
    /// Groups (an OEM or dealer group).
    #[command(subcommand)]
    Group(org::GroupCommand),
    /// Staff accounts.
    #[command(subcommand)]
    User(users::UserCommand),
    /// Print the API's OpenAPI document.
    Openapi,
}

/// Runs the command line; returns the process exit code.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let mut settings = Settings::load(cli.config.as_deref())?;
    if let Some(url) = cli.database {
        settings.database.url = DatabaseUrl::new(url);
    }
    crate::telemetry::init(&settings.log);
    match cli.command {
        Command::Serve { listen } => {
            if let Some(listen) = listen {
                settings.server.listen = listen;
            }
            serve::serve(settings).await
        }
        Command::Migrate => {
            let db = crate::open_database(&settings).await?;
            println!(
                "The database {} is up to date.",
                settings.database.url.redacted()
            );
            db.close().await?;
            Ok(())
        }
        Command::Demo => org::demo(settings).await,
        Command::Dealer(command) => org::dealer(settings, command).await,
        Command::Group(command) => org::group(settings, command).await,
        Command::User(command) => users::user(settings, command).await,
        Command::Openapi => {
            println!(
                "{}",
                forecourt_http::openapi_document(crate::modules::MODULES).to_pretty_json()?
            );
            Ok(())
        }
    }
}

/// Opens the database and the use cases for a one-shot command.
async fn open_app(settings: &Settings) -> anyhow::Result<forecourt_kernel::App> {
    let db = crate::open_database(settings).await?;
    Ok(crate::modules::app(db, settings.core_settings()?))
}

/// Prints a use case's error the way a person at a terminal wants it: each invalid field.
fn explain(error: forecourt_kernel::CoreError) -> anyhow::Error {
    let fields = error.field_errors();
    if fields.is_empty() {
        return anyhow::anyhow!("{error}");
    }
    let lines: Vec<String> = fields
        .iter()
        .map(|f| format!("  {}: {}", f.field, f.message))
        .collect();
    anyhow::anyhow!("{error}:\n{}", lines.join("\n"))
}
