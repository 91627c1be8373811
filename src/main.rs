//! The `offsite-gateway` binary: parse the command line, load the settings, start logging, and
//! hand over to [`offsite_gateway::cli`].

use clap::Parser;
use offsite_gateway::cli::{self, Cli, Command};
use offsite_gateway::config::Settings;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn init_logging(default: &str, json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    // Colour codes only for a person at a terminal, never into a file or a log collector.
    use std::io::IsTerminal;
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    if json {
        // One object a line, with the request's span (its id) in each.
        logs.json().with_current_span(true).init();
    } else {
        logs.init();
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // Failpoints (tests only: the feature is on in test builds) are read from FAILPOINTS.
    let _failpoints = fail::FailScenario::setup();
    let command = Cli::parse().command.unwrap_or(Command::Serve);
    let settings = Settings::from_env()?;
    init_logging(cli::default_log_filter(&command), settings.log_json);
    // A panic is logged where it happened (and with the request's id, inside a request), not
    // with its message: a message could carry what the code was handling.
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()));
        tracing::error!(location, "panic");
    }));
    cli::run(settings, command).await
}
