//! `forecourt serve`.

use crate::config::Settings;
use anyhow::Context;
use tokio::net::TcpListener;

pub async fn serve(settings: Settings) -> anyhow::Result<()> {
    let listener = TcpListener::bind(&settings.server.listen)
        .await
        .with_context(|| format!("cannot listen on {}", settings.server.listen))?;
    let bound = listener.local_addr()?;
    tracing::info!(database = %settings.database.url.redacted(), "starting");
    println!(
        "Forecourt is running at {}",
        settings.server.display_url(bound)
    );
    crate::launch(settings, listener, crate::shutdown_signal()).await
}
