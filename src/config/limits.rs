//! The serving limits a deployment tunes: connection and request deadlines, the bound on open
//! connections, the rate limits per client address and per merchant, and how long an unknown
//! account is remembered. Defaults are the ones a real deployment keeps.

use crate::callbacks::schedule::parse_duration;
use anyhow::{Context, bail};
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Limits {
    /// `GATEWAY_HEADER_READ_TIMEOUT`: time a client has to send a request's headers (10 s),
    /// from the connection's start or the end of its previous request (a slow-loris client is
    /// cut off).
    pub header_read_timeout: Duration,
    /// `GATEWAY_IDLE_TIMEOUT`: how long a kept-alive connection may sit with no request (60 s).
    pub idle_timeout: Duration,
    /// `GATEWAY_REQUEST_TIMEOUT`: the whole-request deadline (30 s), after which the answer is
    /// 503. Longer than a processor call; a pay step cut short is completed by the recovery
    /// sweep.
    pub request_timeout: Duration,
    /// `GATEWAY_MAX_CONNECTIONS`: open connections served at once (512); more wait in the
    /// listen backlog. Keep it below the process's open-file limit.
    pub max_connections: usize,
    /// `GATEWAY_CHECKOUT_RATE_LIMIT`: `/checkout` requests a minute per client address, in
    /// bursts of up to as many (300; shoppers behind one carrier NAT share an address). `0`
    /// turns the limit off.
    pub checkout_per_minute: u32,
    /// `GATEWAY_PAY_RATE_LIMIT`: card and 3-D Secure submissions a minute per client address
    /// (30): bounds card testing from one address. `0` turns it off.
    pub pay_per_minute: u32,
    /// `GATEWAY_ORDER_RATE_LIMIT`: signed order-management requests (capture, refund, void) a
    /// minute per merchant (600). `0` turns it off.
    pub orders_per_minute: u32,
    /// `GATEWAY_UNKNOWN_ACCOUNT_TTL`: how long an account id found in no merchant is
    /// remembered as unknown (5 s), so a flood of made-up accounts costs one read each per
    /// process; a merchant created meanwhile is found at the latest after it.
    pub unknown_account_ttl: Duration,
    /// `GATEWAY_TRUSTED_PROXIES`: the reverse proxies (CIDRs) whose `X-Forwarded-For` names the
    /// client; the nearest address not among them is the one rate limits count. Empty by
    /// default: the peer's address is the client's.
    pub trusted_proxies: Vec<ipnet::IpNet>,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            header_read_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(60),
            request_timeout: Duration::from_secs(30),
            max_connections: 512,
            checkout_per_minute: 300,
            pay_per_minute: 30,
            orders_per_minute: 600,
            unknown_account_ttl: Duration::from_secs(5),
            trusted_proxies: Vec::new(),
        }
    }
}

fn positive_duration(name: &str, text: &str) -> anyhow::Result<Duration> {
    let d = parse_duration(text).with_context(|| name.to_string())?;
    if d.is_zero() {
        bail!("{name} must be longer than 0s");
    }
    Ok(d)
}

fn count(name: &str, text: &str) -> anyhow::Result<u32> {
    text.trim()
        .parse()
        .with_context(|| format!("{name} must be a whole number (0 turns the limit off)"))
}

impl Limits {
    /// Reads the `GATEWAY_*` limits through `var`, the rest left at their defaults.
    pub fn read(var: impl Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        let mut l = Self::default();
        if let Some(v) = var("GATEWAY_HEADER_READ_TIMEOUT") {
            l.header_read_timeout = positive_duration("GATEWAY_HEADER_READ_TIMEOUT", &v)?;
        }
        if let Some(v) = var("GATEWAY_IDLE_TIMEOUT") {
            l.idle_timeout = positive_duration("GATEWAY_IDLE_TIMEOUT", &v)?;
        }
        if let Some(v) = var("GATEWAY_REQUEST_TIMEOUT") {
            l.request_timeout = positive_duration("GATEWAY_REQUEST_TIMEOUT", &v)?;
        }
        if let Some(v) = var("GATEWAY_MAX_CONNECTIONS") {
            l.max_connections = v
                .trim()
                .parse()
                .ok()
                .filter(|n| (1..=1_000_000).contains(n))
                .context("GATEWAY_MAX_CONNECTIONS must be a number from 1 to 1000000")?;
        }
        if let Some(v) = var("GATEWAY_CHECKOUT_RATE_LIMIT") {
            l.checkout_per_minute = count("GATEWAY_CHECKOUT_RATE_LIMIT", &v)?;
        }
        if let Some(v) = var("GATEWAY_PAY_RATE_LIMIT") {
            l.pay_per_minute = count("GATEWAY_PAY_RATE_LIMIT", &v)?;
        }
        if let Some(v) = var("GATEWAY_ORDER_RATE_LIMIT") {
            l.orders_per_minute = count("GATEWAY_ORDER_RATE_LIMIT", &v)?;
        }
        if let Some(v) = var("GATEWAY_UNKNOWN_ACCOUNT_TTL") {
            l.unknown_account_ttl = parse_duration(&v).context("GATEWAY_UNKNOWN_ACCOUNT_TTL")?;
        }
        if let Some(v) = var("GATEWAY_TRUSTED_PROXIES") {
            l.trusted_proxies = v
                .split(',')
                .map(|n| n.trim().parse())
                .collect::<Result<_, _>>()
                .context("GATEWAY_TRUSTED_PROXIES must be CIDRs like 10.0.0.0/8")?;
        }
        Ok(l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> anyhow::Result<Limits> {
        Limits::read(|name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn defaults_hold_without_settings_and_each_setting_is_read() {
        let d = read(&[]).unwrap();
        assert_eq!(d.header_read_timeout, Duration::from_secs(10));
        assert_eq!((d.checkout_per_minute, d.pay_per_minute), (300, 30));
        let l = read(&[
            ("GATEWAY_HEADER_READ_TIMEOUT", "2s"),
            ("GATEWAY_MAX_CONNECTIONS", "3"),
            ("GATEWAY_PAY_RATE_LIMIT", "0"),
            ("GATEWAY_TRUSTED_PROXIES", "10.0.0.0/8, ::1/128"),
        ])
        .unwrap();
        assert_eq!(l.header_read_timeout, Duration::from_secs(2));
        assert_eq!((l.max_connections, l.pay_per_minute), (3, 0));
        assert_eq!(l.trusted_proxies.len(), 2);
    }

    #[test]
    fn bad_values_are_refused_with_the_setting_named() {
        for (name, value) in [
            ("GATEWAY_HEADER_READ_TIMEOUT", "0s"),
            ("GATEWAY_IDLE_TIMEOUT", "soon"),
            ("GATEWAY_MAX_CONNECTIONS", "0"),
            ("GATEWAY_CHECKOUT_RATE_LIMIT", "-1"),
            ("GATEWAY_TRUSTED_PROXIES", "10.0.0.0/33"),
        ] {
            let e = format!("{:#}", read(&[(name, value)]).unwrap_err());
            assert!(e.contains(name), "{name}={value}: {e}");
        }
    }
}
