//! `forecourt demo`, `forecourt dealer ...`, `forecourt group ...`.

use super::{explain, open_app};
use crate::config::Settings;
use clap::{Subcommand, ValueEnum};
use forecourt_demo::DEMO_PASSWORD;
use forecourt_demo::DemoExt as _;
use forecourt_domain::locale::Locale;
use forecourt_kernel::org::{GroupKind, NewDealer, NewGroup};

#[derive(Debug, Subcommand)]
pub enum DealerCommand {
    /// Create a dealer.
    Create {
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        /// The code of the group it belongs to.
        #[arg(long)]
        group: Option<String>,
        /// IANA time zone (default Asia/Shanghai).
        #[arg(long)]
        time_zone: Option<String>,
        /// zh-CN (default), zh-TW or en.
        #[arg(long)]
        locale: Option<String>,
    },
    /// List the dealers.
    List,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum KindArg {
    Oem,
    DealerGroup,
}

#[derive(Debug, Subcommand)]
pub enum GroupCommand {
    /// Create a group.
    Create {
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        #[arg(long, value_enum, default_value = "dealer-group")]
        kind: KindArg,
    },
}

pub async fn dealer(settings: Settings, command: DealerCommand) -> anyhow::Result<()> {
    let app = open_app(&settings).await?;
    match command {
        DealerCommand::Create {
            code,
            name,
            group,
            time_zone,
            locale,
        } => {
            let locale =
                match locale {
                    Some(l) => Some(l.parse::<Locale>().map_err(|()| {
                        anyhow::anyhow!("unknown locale {l}; use zh-CN, zh-TW or en")
                    })?),
                    None => None,
                };
            let dealer = app
                .create_dealer(NewDealer {
                    code,
                    name,
                    group_code: group,
                    time_zone,
                    locale,
                })
                .await
                .map_err(explain)?;
            println!(
                "Created dealer {} {} ({})",
                dealer.code, dealer.name, dealer.id
            );
        }
        DealerCommand::List => {
            for dealer in app.all_dealers().await.map_err(explain)? {
                println!("{}\t{}\t{}", dealer.code, dealer.name, dealer.time_zone);
            }
        }
    }
    app.db().clone().close().await?;
    Ok(())
}

pub async fn group(settings: Settings, command: GroupCommand) -> anyhow::Result<()> {
    let app = open_app(&settings).await?;
    match command {
        GroupCommand::Create { code, name, kind } => {
            let kind = match kind {
                KindArg::Oem => GroupKind::Oem,
                KindArg::DealerGroup => GroupKind::DealerGroup,
            };
            let group = app
                .create_group(NewGroup { code, name, kind })
                .await
                .map_err(explain)?;
            println!("Created group {} {}", group.code, group.name);
        }
    }
    app.db().clone().close().await?;
    Ok(())
}

pub async fn demo(settings: Settings) -> anyhow::Result<()> {
    let app = open_app(&settings).await?;
    let started = std::time::Instant::now();
    let progress = |step: forecourt_demo::DemoStep| {
        eprintln!(
            "[{}/{}] {:>5.1}s  loading {}",
            step.number,
            step.of,
            started.elapsed().as_secs_f64(),
            step.what
        );
    };
    let summary = app.demo().load_demo(&progress).await.map_err(explain)?;
    if summary.created {
        println!("Demo data loaded.");
    } else {
        println!("Demo data was already loaded.");
    }
    println!("Demo logins (password for all: {DEMO_PASSWORD}):");
    for login in &summary.logins {
        println!(
            "  {:<22} {:<18} {} · {}",
            login.username, login.role, login.display_name, login.dealer_name
        );
    }
    app.db().clone().close().await?;
    Ok(())
}
