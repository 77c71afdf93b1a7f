//! `forecourt user create`.

use super::{explain, open_app};
use crate::config::Settings;
use anyhow::Context;
use clap::Subcommand;
use forecourt_admin::AdminExt as _;
use forecourt_admin::users::NewUser;
use std::io::{BufRead, IsTerminal};

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a user. The password is asked for at a terminal, or read from the first line of
    /// standard input when it is not a terminal.
    Create {
        /// The dealer's code.
        #[arg(long)]
        dealer: String,
        #[arg(long)]
        username: String,
        /// A built-in role (admin, sales_manager, sales_consultant, ...) or a custom role key.
        #[arg(long)]
        role: String,
        /// Defaults to the username.
        #[arg(long)]
        display_name: Option<String>,
    },
}

pub async fn user(settings: Settings, command: UserCommand) -> anyhow::Result<()> {
    match command {
        UserCommand::Create {
            dealer,
            username,
            role,
            display_name,
        } => {
            let password = read_password()?;
            let app = open_app(&settings).await?;
            let dealer_id = app.dealer_id_by_code(&dealer).await.map_err(explain)?;
            let system = app.system_actor(dealer_id).await.map_err(explain)?;
            let user = app
                .admin()
                .create_user(
                    &system,
                    NewUser {
                        display_name: display_name.unwrap_or_else(|| username.clone()),
                        username,
                        password,
                        role,
                        team_id: None,
                        email: None,
                        phone: None,
                        locale: None,
                    },
                )
                .await
                .map_err(explain)?;
            println!(
                "Created user {} ({}) in {}",
                user.username,
                user.role,
                dealer.to_uppercase()
            );
            app.db().clone().close().await?;
            Ok(())
        }
    }
}

fn read_password() -> anyhow::Result<String> {
    if std::io::stdin().is_terminal() {
        let password = rpassword::prompt_password("Password: ").context("reading the password")?;
        let again = rpassword::prompt_password("Again: ").context("reading the password")?;
        anyhow::ensure!(password == again, "the passwords differ");
        Ok(password)
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("reading the password from stdin")?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}
