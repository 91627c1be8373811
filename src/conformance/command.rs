//! The `conformance` command line: its two subcommands' flags, and printing a report (a table, or
//! JSON with `--json`). The process exits with status 1 when any check failed.

use super::report::Report;
use super::{callbacks, storefront};
use crate::callbacks::schedule::parse_duration;
use clap::{Args, Subcommand};
use std::io::Write;
use std::time::Duration;
use url::Url;

#[derive(Subcommand)]
pub enum ConformanceCommand {
    /// Play a storefront against an x_-protocol gateway (ours or another) and check its answers.
    Storefront(Box<StorefrontArgs>),
    /// Play the gateway against a storefront's callback endpoint.
    Callbacks(Box<CallbacksArgs>),
}

#[derive(Args)]
pub struct StorefrontArgs {
    /// The gateway's base URL (payment requests go to /checkout, order management to /capture,
    /// /refund and /void under it, unless given below).
    #[arg(long)]
    pub gateway: Url,
    /// The merchant's account id at the gateway (x_account_id).
    #[arg(long)]
    pub account: String,
    /// The merchant's secret.
    #[arg(long, env = "CONFORMANCE_SECRET", hide_env_values = true)]
    pub secret: String,
    /// Where the kit's storefront endpoints (/callback, /complete, /cancel) listen.
    #[arg(long, default_value = "127.0.0.1:0")]
    pub callback_listen: String,
    /// The base URL the gateway is told to reach those endpoints at, when not http:// plus the
    /// listen address (a tunnel to this machine, for a remote gateway).
    #[arg(long)]
    pub public_url: Option<Url>,
    /// Print each payment page's URL and wait for a person to pay it in a browser, instead of
    /// the kit submitting the card form.
    #[arg(long)]
    pub manual: bool,
    /// How long to wait for the payment's callback (seconds or 20s, 1m).
    #[arg(long, default_value = "20s", value_parser = parse_duration)]
    pub callback_timeout: Duration,
    /// With --manual, how long to wait for each shopper's return.
    #[arg(long, default_value = "5m", value_parser = parse_duration)]
    pub manual_timeout: Duration,
    /// The test card to pay with.
    #[arg(long, default_value = "4242424242424242")]
    pub card: String,
    /// The payment request URL, if not GATEWAY/checkout.
    #[arg(long)]
    pub payment_url: Option<Url>,
    /// The capture URL, if not GATEWAY/capture.
    #[arg(long)]
    pub capture_url: Option<Url>,
    /// The refund URL, if not GATEWAY/refund.
    #[arg(long)]
    pub refund_url: Option<Url>,
    /// The void URL, if not GATEWAY/void.
    #[arg(long)]
    pub void_url: Option<Url>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct CallbacksArgs {
    /// The storefront's callback endpoint.
    #[arg(long)]
    pub url: Url,
    /// The merchant's secret the storefront verifies callbacks with.
    #[arg(long, env = "CONFORMANCE_SECRET", hide_env_values = true)]
    pub secret: String,
    /// x_account_id of the callbacks.
    #[arg(long, default_value = "acct_conformance")]
    pub account: String,
    /// x_reference of an order the storefront knows (by default a fresh one).
    #[arg(long)]
    pub reference: Option<String>,
    /// x_amount of that order, exactly as the storefront sent it.
    #[arg(long, default_value = "10.50")]
    pub amount: String,
    /// x_currency of that order.
    #[arg(long, default_value = "USD")]
    pub currency: String,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs `command`, prints its report, and exits with status 1 if a check failed.
pub async fn run(command: ConformanceCommand) -> anyhow::Result<()> {
    let (report, json) = match command {
        ConformanceCommand::Storefront(args) => {
            let args = *args;
            let options = storefront::Options {
                payment_url: args.payment_url,
                capture_url: args.capture_url,
                refund_url: args.refund_url,
                void_url: args.void_url,
                callback_listen: args.callback_listen,
                public_url: args.public_url,
                manual: args.manual,
                card: args.card,
                callback_timeout: args.callback_timeout,
                manual_timeout: args.manual_timeout,
                ..storefront::Options::new(args.gateway, &args.account, &args.secret)
            };
            (storefront::run(&options).await?, args.json)
        }
        ConformanceCommand::Callbacks(args) => {
            let args = *args;
            let options = callbacks::Options {
                account: args.account,
                reference: args.reference,
                amount: args.amount,
                currency: args.currency,
                ..callbacks::Options::new(args.url, &args.secret)
            };
            (callbacks::run(&options).await?, args.json)
        }
    };
    print(&report, json)?;
    if !report.ok() {
        std::process::exit(1);
    }
    Ok(())
}

fn print(report: &Report, json: bool) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", report.to_json())?;
    } else {
        write!(out, "{}", report.to_text())?;
    }
    out.flush()
}
