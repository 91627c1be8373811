//! The `offsite-gateway` binary: parse the command line, load the settings, start logging, and
//! hand over to [`offsite_gateway::cli`].

use clap::Parser;
use offsite_gateway::cli::{self, Cli, Command};
use offsite_gateway::config::Settings;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn init_logging(default: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // Failpoints (tests only: the feature is on in test builds) are read from FAILPOINTS.
    let _failpoints = fail::FailScenario::setup();
    let command = Cli::parse().command.unwrap_or(Command::Serve);
    let settings = Settings::from_env()?;
    init_logging(cli::default_log_filter(&command));
    cli::run(settings, command).await
}
