//! The `offsite-gateway` command line: `serve` (the default) and the administration commands
//! (`merchant`, `api-key`, `callbacks`, `payments`), with what each prints. `main` only parses and calls
//! [`run`].

mod api_keys;
mod merchant;
mod payments;

pub use api_keys::ApiKeyCommand;
pub use merchant::MerchantCommand;
pub use payments::PaymentsCommand;

use crate::config::Settings;
use crate::domain::callback::CallbackStatus;
use crate::startup::{self, Application};
use crate::store::callbacks;
use clap::{Parser, Subcommand};
use secrecy::ExposeSecret;

#[derive(Parser)]
#[command(
    name = "offsite-gateway",
    version,
    about = "A hosted offsite payment gateway"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Run the gateway (the default).
    Serve,
    /// Run the gateway and a demo storefront that pays through it, in test mode.
    Demo {
        /// Where the demo storefront listens (the gateway listens on GATEWAY_LISTEN).
        #[arg(
            long,
            env = "GATEWAY_DEMO_STOREFRONT_LISTEN",
            default_value = crate::demo::DEFAULT_STOREFRONT_LISTEN
        )]
        storefront_listen: String,
    },
    /// Manage merchants.
    Merchant {
        #[command(subcommand)]
        command: MerchantCommand,
    },
    /// Make, list and revoke API keys for the sessions API.
    ApiKey {
        #[command(subcommand)]
        command: ApiKeyCommand,
    },
    /// Inspect and resend callbacks.
    Callbacks {
        #[command(subcommand)]
        command: CallbacksCommand,
    },
    /// List payments and show one payment's timeline.
    Payments {
        #[command(subcommand)]
        command: PaymentsCommand,
    },
    /// Check a gateway or a storefront against the protocol (exit status 1 if a check fails).
    Conformance {
        #[command(subcommand)]
        command: crate::conformance::ConformanceCommand,
    },
}

#[derive(Subcommand)]
pub enum CallbacksCommand {
    /// List callbacks, newest first.
    List {
        /// Only callbacks in this state.
        #[arg(long, value_parser = ["pending", "delivered", "gave_up", "superseded"])]
        status: Option<String>,
        #[arg(long, default_value_t = 100)]
        limit: u64,
        #[arg(long)]
        json: bool,
    },
    /// Send a callback's payment state again, as a new series of attempts.
    Resend { id: i64 },
}

/// The default log filter of a command: `serve` logs its work; the others only warnings.
pub fn default_log_filter(command: &Command) -> &'static str {
    match command {
        Command::Serve => "info,poem=warn,sqlx=warn,sea_orm=warn,sea_orm_migration=warn",
        // The demo narrates the storefront's side; the gateway's request log would drown it.
        Command::Demo { .. } => "warn,offsite_gateway::demo=info",
        _ => "warn",
    }
}

/// Runs `command` with `settings`.
pub async fn run(settings: Settings, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Serve => serve(settings).await,
        Command::Demo { storefront_listen } => {
            let demo = crate::demo::Demo::start(settings, &storefront_listen).await?;
            // One poll installs the signal handlers, so a Ctrl-C or SIGTERM right after the
            // welcome stops the demo cleanly instead of killing it.
            let mut signal = std::pin::pin!(shutdown_signal());
            let poll_once = |cx: &mut std::task::Context<'_>| {
                std::task::Poll::Ready(signal.as_mut().poll(cx).is_ready())
            };
            if std::future::poll_fn(poll_once).await {
                return demo.stop().await;
            }
            println!("{}", demo.welcome());
            demo.run_until(signal).await
        }
        Command::Merchant { command } => merchant::run(settings, command).await,
        Command::ApiKey { command } => api_keys::run(settings, command).await,
        Command::Callbacks { command } => callbacks_command(settings, command).await,
        Command::Payments { command } => payments::run(settings, command).await,
        Command::Conformance { command } => crate::conformance::run(command).await,
    }
}

/// Runs the gateway until SIGINT or SIGTERM.
pub async fn serve(settings: Settings) -> anyhow::Result<()> {
    let (db, key, source) = startup::open(&settings).await?;
    startup::warn_if_new_key_file(&source);
    if let Some(sandbox) = startup::ensure_sandbox_merchant(&db, &key).await? {
        // Printed once, to the terminal, not to the log.
        println!("Created a sandbox merchant (test mode only):");
        println!("  account id: {}", sandbox.account_id);
        println!("  secret:     {}", sandbox.secret.expose_secret());
    }
    let database = settings.database_for_log();
    // The two settings used to be one switch: say so to whoever sets only the first.
    let guard_allows_nothing = settings.allow_private_targets
        && settings.callback_allow_nets.is_empty()
        && settings.allow_sockets.is_empty();
    let app = Application::build_with(settings, db, key).await?;
    tracing::info!(
        "offsite-gateway listening on http://{} using database {}",
        app.address(),
        database
    );
    if guard_allows_nothing {
        tracing::warn!(
            "GATEWAY_ALLOW_PRIVATE_TARGETS accepts private URLs, but the SSRF guard still refuses \
             to send callbacks and webhooks to private addresses: name the receivers' networks in \
             GATEWAY_CALLBACK_ALLOW_NETS (127.0.0.1/32 for one on this machine)"
        );
    }
    app.run_until(shutdown_signal()).await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}

fn time_text(ms: i64) -> String {
    crate::domain::response::timestamp(crate::store::from_millis(ms))
}

async fn callbacks_command(settings: Settings, command: CallbacksCommand) -> anyhow::Result<()> {
    let (db, _, _) = startup::open(&settings).await?;
    match command {
        CallbacksCommand::List {
            status,
            limit,
            json,
        } => {
            let status = status.as_deref().and_then(CallbackStatus::parse);
            let rows = callbacks::list(&db, status, limit).await?;
            if json {
                let mut out = Vec::new();
                for c in &rows {
                    let attempts: Vec<_> = callbacks::attempts(&db, c.id)
                        .await?
                        .into_iter()
                        .map(|a| {
                            serde_json::json!({
                                "attempt": a.attempt_no,
                                "at": time_text(a.started_at),
                                "duration_ms": a.duration_ms,
                                "http_status": a.http_status,
                                "error": a.error_kind,
                                "snippet": a.snippet,
                            })
                        })
                        .collect();
                    out.push(serde_json::json!({
                        "id": c.id,
                        "payment_id": c.payment_id,
                        "merchant_id": c.merchant_id,
                        "url": c.url,
                        "result": c.result,
                        "status": c.status,
                        "attempts": c.attempts,
                        "created_at": time_text(c.created_at),
                        "next_attempt_at": (c.status == callbacks::PENDING).then(|| time_text(c.next_attempt_at)),
                        "delivered_at": c.delivered_at.map(time_text),
                        "last_status": c.last_status,
                        "last_error": c.last_error,
                        "attempt_log": attempts,
                    }));
                }
                println!("{}", serde_json::Value::Array(out));
            } else {
                println!(
                    "{:>6}  {:<10} {:<9} {:>3}  {:<14} {:<20}  url",
                    "id", "status", "result", "try", "last", "when"
                );
                for c in rows {
                    let last = match (c.last_status, &c.last_error) {
                        (Some(s), _) => format!("HTTP {s}"),
                        (None, Some(e)) => e.clone(),
                        _ => "-".into(),
                    };
                    let when = match c.status {
                        CallbackStatus::Delivered => {
                            c.delivered_at.map(time_text).unwrap_or_default()
                        }
                        CallbackStatus::Pending => format!("next {}", time_text(c.next_attempt_at)),
                        _ => time_text(c.created_at),
                    };
                    println!(
                        "{:>6}  {:<10} {:<9} {:>3}  {:<14} {:<20}  {}",
                        c.id, c.status, c.result, c.attempts, last, when, c.url
                    );
                }
            }
        }
        CallbacksCommand::Resend { id } => {
            match callbacks::resend(&db, id, crate::store::now_millis()).await? {
                Some(new_id) => {
                    println!("queued callback {new_id}; a running gateway sends it within a second")
                }
                None => anyhow::bail!("no callback {id}"),
            }
        }
    }
    Ok(())
}
