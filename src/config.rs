//! Settings: defaults in code, overridden by `GATEWAY_*` and `DATABASE_URL` environment
//! variables. The master key is wrapped so it never prints.

use crate::callbacks::deliver::Timeouts;
use crate::callbacks::guard::AddressPolicy;
use crate::callbacks::schedule::{RetrySchedule, parse_duration};
use crate::domain::target::TargetRules;
use crate::store;
use anyhow::{Context, bail};
use secrecy::SecretString;
use std::time::Duration;

mod limits;
pub use limits::Limits;

pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
pub const DEFAULT_DATABASE_URL: &str = "sqlite://offsite-gateway.db?mode=rwc";
/// How long an `x_` payment stays payable unless `GATEWAY_CHECKOUT_TTL` says otherwise.
pub const DEFAULT_CHECKOUT_TTL: Duration = Duration::from_secs(24 * 60 * 60);

#[derive(Debug, Clone)]
pub struct Settings {
    /// `GATEWAY_LISTEN`: address to listen on.
    pub listen: String,
    /// `GATEWAY_PUBLIC_URL`: where shoppers and merchants reach the gateway (the links the CLI
    /// prints); by default `http://` and the listen address.
    pub public_url: String,
    /// `DATABASE_URL`: `sqlite://FILE?mode=rwc` or `postgres://...`.
    pub database_url: String,
    /// `GATEWAY_MASTER_KEY`: base64 of 32 bytes; without it, SQLite uses a key file.
    pub master_key: Option<SecretString>,
    /// `GATEWAY_ALLOW_PRIVATE_TARGETS`: accept `http`, ports and private or loopback hosts in
    /// the URLs a storefront gives (`x_url_*`, webhook endpoints); development and tests only.
    /// The URL policy only: the SSRF guard still refuses to connect to a private address unless
    /// `callback_allow_nets` names its network.
    pub allow_private_targets: bool,
    /// `GATEWAY_PENDING_SETTLE_AFTER`: how long a pending test payment waits to complete.
    pub pending_settle_after: Duration,
    /// `GATEWAY_CHECKOUT_TTL`: how long a payment from an `x_` request stays payable (24 h,
    /// protocol.md section 14); then, still unpaid, it expires and the storefront is told.
    pub checkout_ttl: Duration,
    /// `GATEWAY_PAY_RECOVERY_AFTER`: how old a processor call must be, with its outcome never
    /// applied, before it counts as cut short by a crash and is completed by asking the
    /// processor again. Longer than any processor call (another process may still be in one).
    pub pay_recovery_after: Duration,
    /// `GATEWAY_DB_MAX_CONNECTIONS`: sea-orm pool size; by default 4 for SQLite (each connection
    /// keeps its own page cache; the serving paths go through `store::lite` instead) and 16 for
    /// PostgreSQL.
    pub db_max_connections: Option<u32>,
    /// `GATEWAY_CALLBACK_RETRY_SCHEDULE`: waits between callback attempts (`1s,1s,2s`).
    pub callback_retry_schedule: RetrySchedule,
    /// `GATEWAY_WEBHOOK_RETRY_SCHEDULE`: after the first attempt, 5 s, 5 min, 30 min, 2 h,
    /// 5 h, 10 h, 10 h (protocol.md section 12).
    pub webhook_retry_schedule: RetrySchedule,
    /// `GATEWAY_API_RATE_LIMIT`: requests a second per API key, and the burst (100).
    pub api_rate_limit: u32,
    /// `GATEWAY_LOG_FORMAT=json`: one JSON object a log line (for a log collector); `text`
    /// (the default) for people.
    pub log_json: bool,
    /// `GATEWAY_CALLBACK_TIMEOUT`: time for one callback attempt (connect has 5 s of it).
    pub callback_timeout: Duration,
    /// `GATEWAY_MERCHANT_CACHE_TTL`: how long a process keeps a merchant's decrypted secrets
    /// and settings (10 s): a change made by another process (the CLI, another gateway) is seen
    /// within it. `0s` reads the merchant for every request.
    pub merchant_cache_ttl: Duration,
    /// `GATEWAY_SQLITE_SYNCHRONOUS`: `full` (default: every commit survives a power cut) or
    /// `normal` (WAL: commits survive a crash of the process, the last ones may not survive a
    /// power cut).
    pub sqlite_synchronous_full: bool,
    /// `GATEWAY_CALLBACK_ALLOW_NETS`: the SSRF guard's allow list, networks callbacks and
    /// webhooks may connect to although not public (comma-separated CIDRs, such as
    /// `127.0.0.1/32` for a receiver on this machine). The guard has no other off switch:
    /// development names its receivers here; production leaves it empty.
    pub callback_allow_nets: Vec<ipnet::IpNet>,
    /// Sockets (an IP literal and port) that storefront URLs may name over http and callbacks
    /// may reach though private: set only by `demo`, for its own storefront; never from the
    /// environment.
    pub allow_sockets: Vec<std::net::SocketAddr>,
    /// Connection and request deadlines, rate limits: see [`Limits`].
    pub limits: Limits,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            listen: DEFAULT_LISTEN.to_string(),
            public_url: format!("http://{DEFAULT_LISTEN}"),
            database_url: DEFAULT_DATABASE_URL.to_string(),
            master_key: None,
            allow_private_targets: false,
            pending_settle_after: Duration::from_secs(10),
            pay_recovery_after: Duration::from_secs(30),
            checkout_ttl: DEFAULT_CHECKOUT_TTL,
            db_max_connections: None,
            callback_retry_schedule: RetrySchedule::default(),
            webhook_retry_schedule: RetrySchedule::webhooks(),
            api_rate_limit: 100,
            log_json: false,
            callback_timeout: Duration::from_secs(10),
            merchant_cache_ttl: Duration::from_secs(10),
            callback_allow_nets: Vec::new(),
            allow_sockets: Vec::new(),
            sqlite_synchronous_full: true,
            limits: Limits::default(),
        }
    }
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn parse_bool(name: &str, text: &str) -> anyhow::Result<bool> {
    match text.trim() {
        "true" | "1" | "yes" => Ok(true),
        "false" | "0" | "no" => Ok(false),
        other => bail!("{name} must be true or false, not {other:?}"),
    }
}

/// A payment's time to live: a duration, not zero (a payment must be payable for a moment).
fn parse_ttl(text: &str) -> anyhow::Result<Duration> {
    let ttl = parse_duration(text)?;
    if ttl.is_zero() {
        bail!("a payment must stay payable for more than 0s");
    }
    Ok(ttl)
}

impl Settings {
    pub fn from_env() -> anyhow::Result<Self> {
        let mut s = Settings {
            limits: Limits::read(var)?,
            ..Settings::default()
        };
        if let Some(v) = var("GATEWAY_LISTEN") {
            s.listen = v;
        }
        s.public_url = match var("GATEWAY_PUBLIC_URL") {
            Some(v) => {
                let url = url::Url::parse(&v).context("GATEWAY_PUBLIC_URL is not a URL")?;
                if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
                    bail!("GATEWAY_PUBLIC_URL must be an http(s) URL, not {v:?}");
                }
                v.trim_end_matches('/').to_string()
            }
            None => format!("http://{}", s.listen),
        };
        if let Some(v) = var("DATABASE_URL") {
            s.database_url = v;
        }
        s.master_key = var("GATEWAY_MASTER_KEY").map(SecretString::from);
        if let Some(v) = var("GATEWAY_ALLOW_PRIVATE_TARGETS") {
            s.allow_private_targets = parse_bool("GATEWAY_ALLOW_PRIVATE_TARGETS", &v)?;
        }
        if let Some(v) = var("GATEWAY_PENDING_SETTLE_AFTER") {
            s.pending_settle_after = parse_duration(&v).context("GATEWAY_PENDING_SETTLE_AFTER")?;
        }
        if let Some(v) = var("GATEWAY_CHECKOUT_TTL") {
            s.checkout_ttl = parse_ttl(&v).context("GATEWAY_CHECKOUT_TTL")?;
        }
        if let Some(v) = var("GATEWAY_PAY_RECOVERY_AFTER") {
            s.pay_recovery_after = parse_duration(&v).context("GATEWAY_PAY_RECOVERY_AFTER")?;
        }
        if let Some(v) = var("GATEWAY_DB_MAX_CONNECTIONS") {
            s.db_max_connections = v
                .parse()
                .map(Some)
                .context("GATEWAY_DB_MAX_CONNECTIONS must be a number")?;
        }
        if let Some(v) = var("GATEWAY_CALLBACK_RETRY_SCHEDULE") {
            s.callback_retry_schedule =
                RetrySchedule::parse(&v).context("GATEWAY_CALLBACK_RETRY_SCHEDULE")?;
        }
        if let Some(v) = var("GATEWAY_LOG_FORMAT") {
            s.log_json = match v.as_str() {
                "json" => true,
                "text" => false,
                _ => anyhow::bail!("GATEWAY_LOG_FORMAT must be json or text"),
            };
        }
        if let Some(v) = var("GATEWAY_API_RATE_LIMIT") {
            s.api_rate_limit = v
                .parse()
                .ok()
                .filter(|n| *n > 0)
                .context("GATEWAY_API_RATE_LIMIT must be a positive number")?;
        }
        if let Some(v) = var("GATEWAY_WEBHOOK_RETRY_SCHEDULE") {
            s.webhook_retry_schedule =
                RetrySchedule::parse(&v).context("GATEWAY_WEBHOOK_RETRY_SCHEDULE")?;
        }
        if let Some(v) = var("GATEWAY_CALLBACK_TIMEOUT") {
            s.callback_timeout = parse_duration(&v).context("GATEWAY_CALLBACK_TIMEOUT")?;
        }
        if let Some(v) = var("GATEWAY_MERCHANT_CACHE_TTL") {
            s.merchant_cache_ttl = parse_duration(&v).context("GATEWAY_MERCHANT_CACHE_TTL")?;
        }
        if let Some(v) = var("GATEWAY_SQLITE_SYNCHRONOUS") {
            s.sqlite_synchronous_full = match v.trim() {
                "full" => true,
                "normal" => false,
                other => bail!("GATEWAY_SQLITE_SYNCHRONOUS must be full or normal, not {other:?}"),
            };
        }
        if let Some(v) = var("GATEWAY_CALLBACK_ALLOW_NETS") {
            s.callback_allow_nets = v
                .split(',')
                .map(|n| n.trim().parse())
                .collect::<Result<_, _>>()
                .context("GATEWAY_CALLBACK_ALLOW_NETS must be CIDRs like 127.0.0.2/32")?;
        }
        Ok(s)
    }

    /// What storefront URLs may be besides public https ones.
    pub fn target_rules(&self) -> TargetRules<'_> {
        TargetRules {
            allow_private: self.allow_private_targets,
            allow_sockets: &self.allow_sockets,
        }
    }

    /// What the SSRF guard lets callbacks and webhooks connect to besides public addresses:
    /// the allowed networks and sockets, never more because private URLs are accepted.
    pub fn address_policy(&self) -> AddressPolicy {
        AddressPolicy {
            allow_nets: self.callback_allow_nets.clone(),
            allow_sockets: self.allow_sockets.clone(),
        }
    }

    /// The callback client's timeouts.
    pub fn callback_timeouts(&self) -> Timeouts {
        Timeouts {
            request: self.callback_timeout,
            connect: self.callback_timeout.min(Duration::from_secs(5)),
        }
    }

    /// How long a claimed callback attempt belongs to one worker: longer than any attempt.
    pub fn callback_lease(&self) -> Duration {
        self.callback_timeout + Duration::from_secs(5)
    }

    /// The pool size in force.
    pub fn pool_size(&self) -> u32 {
        self.db_max_connections
            .unwrap_or(if self.is_postgres() { 16 } else { 4 })
    }

    /// What the store needs to open the database.
    pub fn store_options(&self) -> store::Options {
        store::Options {
            url: self.database_url.clone(),
            pool_size: self.pool_size(),
            sqlite_synchronous_full: self.sqlite_synchronous_full,
        }
    }

    pub fn is_postgres(&self) -> bool {
        store::is_postgres(&self.database_url)
    }

    /// The database URL with any password hidden, for logs.
    pub fn database_for_log(&self) -> String {
        store::redacted(&self.database_url)
    }

    /// The SQLite file behind the URL, if it is a file.
    pub fn sqlite_path(&self) -> Option<std::path::PathBuf> {
        store::sqlite_path(&self.database_url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_paths_and_redaction() {
        let mut s = Settings::default();
        assert_eq!(
            s.sqlite_path().unwrap().to_str(),
            Some("offsite-gateway.db")
        );
        s.database_url = "sqlite:///tmp/x/gw.db?mode=rwc".into();
        assert_eq!(s.sqlite_path().unwrap().to_str(), Some("/tmp/x/gw.db"));
        s.database_url = "postgres://u:hunter2@db/gw".into();
        assert!(s.sqlite_path().is_none());
        assert!(!s.database_for_log().contains("hunter2"));
    }

    #[test]
    fn a_checkout_ttl_is_a_duration_above_zero() {
        assert_eq!(
            Settings::default().checkout_ttl,
            Duration::from_secs(86_400)
        );
        assert_eq!(parse_ttl("30m").unwrap(), Duration::from_secs(1800));
        assert_eq!(parse_ttl("1s").unwrap(), Duration::from_secs(1));
        assert!(parse_ttl("0s").is_err(), "never payable");
        assert!(parse_ttl("a while").is_err());
    }
}
