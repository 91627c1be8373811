//! Prometheus metrics of one running gateway: what it counts as it works (requests by route,
//! method and status with their latency; payments by outcome; callback and webhook deliveries
//! by outcome; merchant reads; requests refused by a rate limit) and the gauges that `/metrics`
//! sets from the database and the pool just before it answers (queue depth and oldest age,
//! pool connections). One registry a process, handed around in `AppState`, so tests that run
//! many gateways in one process each read their own.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

/// The media type of [`Metrics::encode`]'s text.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: Arc<str>,
    method: &'static str,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: Arc<str>,
    method: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct DeliveryLabels {
    kind: &'static str,
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct LimitLabels {
    limit: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct FoundLabels {
    found: bool,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PoolLabels {
    state: &'static str,
}

type Histograms = Family<RouteLabels, Histogram, fn() -> Histogram>;

fn latency_histogram() -> Histogram {
    // 1 ms to about 16 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

/// The gauges `/metrics` sets before answering.
pub struct Scraped {
    /// Callbacks and webhook deliveries waiting to be sent.
    pub queue_depth: i64,
    /// How long the oldest of them has waited, in seconds.
    pub queue_oldest_seconds: f64,
    /// The pool's open connections, and how many of them are idle.
    pub pool_open: i64,
    pub pool_idle: i64,
    pub pool_max: i64,
}

pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Histograms,
    payments: Family<OutcomeLabels, Counter>,
    deliveries: Family<DeliveryLabels, Counter>,
    limited: Family<LimitLabels, Counter>,
    merchant_reads: Family<FoundLabels, Counter>,
    queue_depth: Gauge,
    queue_oldest: Gauge<f64, AtomicU64>,
    pool: Family<PoolLabels, Gauge>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut m = Self {
            registry: Registry::with_prefix("gateway"),
            requests: Family::default(),
            latency: Family::new_with_constructor(latency_histogram),
            payments: Family::default(),
            deliveries: Family::default(),
            limited: Family::default(),
            merchant_reads: Family::default(),
            queue_depth: Gauge::default(),
            queue_oldest: Gauge::default(),
            pool: Family::default(),
        };
        let r = &mut m.registry;
        r.register(
            "http_requests",
            "HTTP requests answered, by route pattern, method and status",
            m.requests.clone(),
        );
        r.register(
            "http_request_duration_seconds",
            "Time to answer an HTTP request, by route pattern and method",
            m.latency.clone(),
        );
        r.register(
            "payments",
            "Payment state changes, by the state reached",
            m.payments.clone(),
        );
        r.register(
            "deliveries",
            "Callback and webhook attempts, by kind and outcome (delivered, retry, gave_up)",
            m.deliveries.clone(),
        );
        r.register(
            "rate_limited",
            "Requests refused with 429 by a rate limit, by limit",
            m.limited.clone(),
        );
        r.register(
            "merchant_reads",
            "Merchant reads from the database (cache misses), by whether the account exists",
            m.merchant_reads.clone(),
        );
        r.register(
            "outbox_depth",
            "Callbacks and webhook deliveries waiting to be sent (all processes)",
            m.queue_depth.clone(),
        );
        r.register(
            "outbox_oldest_age_seconds",
            "How long the oldest waiting callback or delivery has waited",
            m.queue_oldest.clone(),
        );
        r.register(
            "db_pool_connections",
            "This process's database pool: open, idle and max connections",
            m.pool.clone(),
        );
        m
    }

    /// Counts one answered request and its latency; `route` is the matched pattern.
    pub fn request(&self, route: Arc<str>, method: &poem::http::Method, status: u16, secs: f64) {
        let method = method_label(method);
        self.latency
            .get_or_create(&RouteLabels {
                route: route.clone(),
                method,
            })
            .observe(secs);
        self.requests
            .get_or_create(&RequestLabels {
                route,
                method,
                status,
            })
            .inc();
    }

    /// Counts a payment reaching `outcome` (its new status).
    pub fn payment(&self, outcome: &'static str) {
        self.payments
            .get_or_create(&OutcomeLabels { outcome })
            .inc();
    }

    /// Counts a delivery attempt: `kind` is `callback` or `webhook`.
    pub fn delivery(&self, kind: &'static str, outcome: &'static str) {
        self.deliveries
            .get_or_create(&DeliveryLabels { kind, outcome })
            .inc();
    }

    /// Counts a request refused by the rate limit `limit`.
    pub fn limited(&self, limit: &'static str) {
        self.limited.get_or_create(&LimitLabels { limit }).inc();
    }

    /// Counts a merchant read from the database.
    pub fn merchant_read(&self, found: bool) {
        self.merchant_reads
            .get_or_create(&FoundLabels { found })
            .inc();
    }

    /// The text a Prometheus server scrapes, after setting the gauges from `scraped`.
    pub fn encode(&self, scraped: &Scraped) -> String {
        self.queue_depth.set(scraped.queue_depth);
        self.queue_oldest.set(scraped.queue_oldest_seconds);
        for (state, n) in [
            ("open", scraped.pool_open),
            ("idle", scraped.pool_idle),
            ("max", scraped.pool_max),
        ] {
            self.pool.get_or_create(&PoolLabels { state }).set(n);
        }
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, &self.registry)
            .expect("writing to a String cannot fail");
        out
    }
}

fn method_label(m: &poem::http::Method) -> &'static str {
    use poem::http::Method;
    match *m {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::HEAD => "HEAD",
        Method::DELETE => "DELETE",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_appear_in_the_text_with_their_labels() {
        let m = Metrics::new();
        let route: Arc<str> = Arc::from("/pay/:id");
        m.request(route.clone(), &poem::http::Method::POST, 303, 0.004);
        m.request(route, &poem::http::Method::POST, 303, 0.2);
        m.payment("captured");
        m.delivery("callback", "retry");
        let text = m.encode(&Scraped {
            queue_depth: 3,
            queue_oldest_seconds: 1.5,
            pool_open: 2,
            pool_idle: 1,
            pool_max: 4,
        });
        assert!(
            text.contains(
                r#"gateway_http_requests_total{route="/pay/:id",method="POST",status="303"} 2"#
            ),
            "{text}"
        );
        assert!(text.contains(r#"gateway_payments_total{outcome="captured"} 1"#));
        assert!(text.contains(r#"gateway_deliveries_total{kind="callback",outcome="retry"} 1"#));
        assert!(text.contains("gateway_outbox_depth 3"));
        assert!(text.contains("gateway_outbox_oldest_age_seconds 1.5"));
        assert!(text.contains(r#"gateway_db_pool_connections{state="max"} 4"#));
        // 4 ms falls in the 4 ms bucket, 200 ms in the 256 ms one.
        for (le, n) in [
            ("0.002", 0),
            ("0.004", 1),
            ("0.128", 1),
            ("0.256", 2),
            ("+Inf", 2),
        ] {
            let line = format!(
                r#"gateway_http_request_duration_seconds_bucket{{le="{le}",route="/pay/:id",method="POST"}} {n}"#
            );
            assert!(text.contains(&line), "{line}\n{text}");
        }
        assert!(text.trim_end().ends_with("# EOF"));
    }
}
