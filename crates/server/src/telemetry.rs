//! Logging: human-readable text by default, JSON lines for log collectors.

use crate::config::LogSettings;
use tracing_subscriber::EnvFilter;

pub fn init(settings: &LogSettings) {
    let filter = match EnvFilter::try_from_default_env() {
        Ok(filter) => filter,
        // sqlx logs statements with their parameters, which carry personal data: off unless
        // RUST_LOG asks for it.
        Err(_) => EnvFilter::try_new(&settings.level)
            .unwrap_or_else(|_| EnvFilter::new("info"))
            .add_directive("sqlx=warn".parse().expect("valid directive"))
            .add_directive("sea_orm_migration=warn".parse().expect("valid directive")),
    };
    // Colours only for a person at a terminal: a log file or a pipe gets plain text.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(std::io::stderr);
    let _ = if settings.format == "json" {
        builder.json().flatten_event(true).try_init()
    } else {
        builder.try_init()
    };
}
