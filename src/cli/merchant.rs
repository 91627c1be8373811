//! `offsite-gateway merchant …`: create and list merchants, rotate and revoke their secrets,
//! change their settings, and invite dashboard users (protocol.md section 9's CLI shapes).

use crate::config::Settings;
use crate::domain::hosts::{FrameOrigins, HostList};
use crate::domain::request::TEST_ONLY_NOTE;
use crate::startup;
use crate::store::merchants::{self, Actor};
use crate::store::{format_millis, users};
use anyhow::Context;
use clap::Subcommand;
use secrecy::ExposeSecret;

#[derive(Subcommand)]
pub enum MerchantCommand {
    /// Create a merchant and print its account id and secret (shown only this once).
    Create {
        #[arg(long)]
        name: String,
        /// Accept only test payments (x_test=true).
        #[arg(long)]
        test_only: bool,
        #[arg(long)]
        json: bool,
    },
    /// List merchants (never their secrets).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Give the merchant a new secret (shown only this once); the previous one keeps
    /// verifying for the overlap.
    RotateSecret {
        account: String,
        /// How long the previous secret keeps verifying: 1m to 7d.
        #[arg(long, default_value = "24h", value_parser = humantime::parse_duration)]
        overlap: std::time::Duration,
        #[arg(long)]
        json: bool,
    },
    /// End the previous secret's overlap now.
    RevokePrevious { account: String },
    /// Change the merchant's settings; an option left out keeps its value, an empty one
    /// clears it.
    Settings {
        account: String,
        /// Hosts x_url_complete, x_url_cancel and x_url_callback may use (comma-separated;
        /// exact names or *.example.com); empty allows any.
        #[arg(long)]
        return_hosts: Option<String>,
        /// Origins that may frame the hosted page (comma-separated, https://host[:port];
        /// http only for localhost and 127.0.0.1, for development).
        #[arg(long)]
        frame_origins: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Invite a dashboard user: prints a one-time setup link, valid 24 hours (for an existing
    /// user of the merchant, a new link: how a lost password is reset).
    Invite {
        account: String,
        #[arg(long)]
        email: String,
    },
}

/// What a merchant's account can take, said plainly.
fn mode_of(live: bool) -> &'static str {
    if live { "test+live" } else { "test only" }
}

pub async fn run(settings: Settings, command: MerchantCommand) -> anyhow::Result<()> {
    let (db, key, _) = startup::open(&settings).await?;
    let processor_live = startup::processor(&db).live();
    match command {
        MerchantCommand::Create {
            name,
            test_only,
            json,
        } => {
            let created = merchants::create(&db, &key, &name, test_only)
                .await
                .context("creating the merchant")?;
            let live = !test_only && processor_live;
            if json {
                println!(
                    "{}",
                    serde_json::json!({
                        "account_id": created.account_id,
                        "secret": created.secret.expose_secret(),
                        "live_mode": live,
                    })
                );
            } else {
                println!("account id: {}", created.account_id);
                println!("secret:     {}", created.secret.expose_secret());
                println!("The secret is shown only now. Enter both in the storefront's settings.");
                if !live {
                    println!("{TEST_ONLY_NOTE}");
                }
            }
        }
        MerchantCommand::List { json } => {
            let all = merchants::list(&db).await?;
            if json {
                let rows: Vec<_> = all
                    .iter()
                    .map(|m| {
                        serde_json::json!({
                            "account_id": m.account_id,
                            "name": m.name,
                            "test_only": m.test_only,
                            "live_mode": !m.test_only && processor_live,
                            "created_at": crate::domain::response::timestamp(
                                crate::store::from_millis(m.created_at)),
                        })
                    })
                    .collect();
                println!("{}", serde_json::Value::Array(rows));
            } else {
                println!("{:<22} {:<10} name", "account id", "mode");
                let mut any_test_only = false;
                for m in all {
                    let live = !m.test_only && processor_live;
                    any_test_only |= !live;
                    println!("{:<22} {:<10} {}", m.account_id, mode_of(live), m.name);
                }
                if any_test_only && !processor_live {
                    println!("{TEST_ONLY_NOTE}");
                }
            }
        }
        MerchantCommand::RotateSecret {
            account,
            overlap,
            json,
        } => {
            let rotated = merchants::rotate(&db, &key, &account, overlap, &Actor::cli())
                .await?
                .map_err(anyhow::Error::from)?;
            let expires = format_millis(rotated.previous_expires_at);
            if json {
                println!(
                    "{}",
                    serde_json::json!({
                        "account_id": rotated.account_id,
                        "secret": rotated.secret.expose_secret(),
                        "previous_expires_at": expires,
                    })
                );
            } else {
                println!("account id: {}", rotated.account_id);
                println!("secret:     {}", rotated.secret.expose_secret());
                println!(
                    "The new secret is shown only now. The previous one verifies until {expires}."
                );
            }
        }
        MerchantCommand::RevokePrevious { account } => {
            merchants::revoke_previous(&db, &account, &Actor::cli())
                .await?
                .map_err(anyhow::Error::from)?;
            println!("The previous secret of {account} no longer verifies.");
        }
        MerchantCommand::Settings {
            account,
            return_hosts,
            frame_origins,
            json,
        } => {
            let m = merchants::find(&db, &account)
                .await?
                .with_context(|| format!("no merchant has the account id {account}"))?;
            let hosts = match return_hosts {
                Some(text) => HostList::parse(&text).context("--return-hosts")?,
                None => m.return_hosts,
            };
            let origins = match frame_origins {
                Some(text) => FrameOrigins::parse(&text).context("--frame-origins")?,
                None => m.frame_origins,
            };
            merchants::set_settings(&db, &account, &hosts, &origins, &Actor::cli())
                .await?
                .map_err(anyhow::Error::from)?;
            if json {
                println!(
                    "{}",
                    serde_json::json!({
                        "account_id": account,
                        "return_hosts": hosts.entries(),
                        "frame_origins": origins.entries(),
                    })
                );
            } else {
                println!("return hosts:  {}", or_any(&hosts.entries().join(", ")));
                println!("frame origins: {}", or_none(&origins.entries().join(", ")));
            }
        }
        MerchantCommand::Invite { account, email } => {
            if merchants::find(&db, &account).await?.is_none() {
                anyhow::bail!("no merchant has the account id {account}");
            }
            let token = users::invite(&db, &account, &email)
                .await?
                .map_err(anyhow::Error::from)?;
            let base = settings.public_url.trim_end_matches('/');
            println!("{base}/dashboard/setup/{token}");
            println!("Send this link to {email}; it works once, for 24 hours.");
        }
    }
    Ok(())
}

fn or_any(s: &str) -> &str {
    if s.is_empty() { "(any host)" } else { s }
}

fn or_none(s: &str) -> &str {
    if s.is_empty() { "(none)" } else { s }
}
