//! One delivery attempt: `POST` the signed values as a form (or a webhook's JSON), 2xx = delivered, redirects are not
//! followed (a 3xx is a failed attempt), 10 s per attempt, 5 s to connect, no proxy, and every
//! connection through the SSRF guard. The answer is kept only as status and a capped snippet.

use super::guard::{AddressPolicy, BlockedAddress, GuardedResolver, SystemResolver};
use reqwest::dns::Resolve;
use std::sync::Arc;
use std::time::{Duration, Instant};
use url::Url;

/// Bytes of the receiver's answer kept for the merchant to see.
pub const SNIPPET_BYTES: usize = 512;

/// What happened on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    pub http_status: Option<u16>,
    /// `blocked_ip`, `timeout`, `connect`, `bad_url` or `request` when there was no answer.
    pub error_kind: Option<&'static str>,
    pub snippet: Option<String>,
    pub duration: Duration,
}

impl Sent {
    /// No answer: the attempt stopped at `kind`, `started` ago.
    pub fn failed(kind: &'static str, started: Instant) -> Self {
        Sent {
            http_status: None,
            error_kind: Some(kind),
            snippet: None,
            duration: started.elapsed(),
        }
    }

    pub fn delivered(&self) -> bool {
        self.http_status.is_some_and(|s| (200..300).contains(&s))
    }
}

/// The HTTP client for callbacks.
#[derive(Clone)]
pub struct Deliverer {
    client: reqwest::Client,
    policy: AddressPolicy,
}

/// Timeouts of one attempt.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub request: Duration,
    pub connect: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            request: Duration::from_secs(10),
            connect: Duration::from_secs(5),
        }
    }
}

impl Deliverer {
    pub fn new(policy: AddressPolicy, timeouts: Timeouts) -> anyhow::Result<Self> {
        Self::with_resolver(policy, timeouts, Arc::new(SystemResolver))
    }

    /// With a given resolver under the guard (tests inject rebinding answers here).
    pub fn with_resolver(
        policy: AddressPolicy,
        timeouts: Timeouts,
        resolver: Arc<dyn Resolve>,
    ) -> anyhow::Result<Self> {
        install_crypto_provider();
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(timeouts.request)
            .connect_timeout(timeouts.connect)
            .no_proxy()
            .dns_resolver(Arc::new(GuardedResolver::new(resolver, policy.clone())))
            .user_agent(concat!("offsite-gateway/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self { client, policy })
    }

    /// Sends one callback attempt: the signed values as a form.
    pub async fn send(&self, url: &str, body: &str) -> Sent {
        self.send_with(url, "application/x-www-form-urlencoded", body, &[])
            .await
    }

    /// Sends one attempt of `body` as `content_type` with extra headers (a webhook's).
    pub async fn send_with(
        &self,
        url: &str,
        content_type: &str,
        body: &str,
        headers: &[(&'static str, String)],
    ) -> Sent {
        let started = Instant::now();
        let failed = |kind: &'static str| Sent::failed(kind, started);
        let Ok(parsed) = Url::parse(url) else {
            return failed("bad_url");
        };
        if self.policy.blocked_literal(&parsed).is_some() {
            return failed("blocked_ip");
        }
        let mut request = self
            .client
            .post(parsed)
            .header("content-type", content_type);
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        let response = request.body(body.to_string()).send().await;
        match response {
            Ok(mut resp) => {
                let status = resp.status().as_u16();
                let mut snippet = Vec::new();
                while snippet.len() < SNIPPET_BYTES {
                    match resp.chunk().await {
                        Ok(Some(chunk)) => snippet.extend_from_slice(&chunk),
                        _ => break,
                    }
                }
                snippet.truncate(SNIPPET_BYTES);
                Sent {
                    http_status: Some(status),
                    error_kind: None,
                    snippet: (!snippet.is_empty())
                        // Invalid UTF-8 and NUL (which PostgreSQL text cannot hold) become U+FFFD,
                        // so any answer can be recorded.
                        .then(|| String::from_utf8_lossy(&snippet).replace('\0', "\u{fffd}")),
                    duration: started.elapsed(),
                }
            }
            Err(e) => failed(classify(&e)),
        }
    }
}

fn classify(e: &reqwest::Error) -> &'static str {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if s.is::<BlockedAddress>() {
            return "blocked_ip";
        }
        source = s.source();
    }
    if e.is_timeout() {
        "timeout"
    } else if e.is_connect() {
        "connect"
    } else {
        "request"
    }
}

/// rustls needs a process-wide crypto provider before any HTTP client is built; ring is the one
/// sqlx already links. Safe to call many times.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}
