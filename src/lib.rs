//! offsite-gateway: a hosted payment gateway that storefront platforms plug in with the `x_`
//! offsite protocol. Modules in reading order, from the ground up: each uses only modules
//! listed before it, so no import runs back up and there is no circle.

/// The outbox worker: claim callbacks and webhook deliveries, deliver them through the SSRF
/// guard (signing webhooks at each attempt), back off, give up.
pub mod callbacks;
/// The administration commands (`merchant`, `api-key`, `callbacks`, `payments`) and what they
/// print.
pub mod cli;
/// Settings from the environment, with defaults.
pub mod config;
/// The conformance kit: checks any gateway or storefront against the protocol, over the wire.
pub mod conformance;
/// The master key and the sealing of merchant secrets; random tokens.
pub mod crypto;
/// `offsite-gateway demo`: the gateway with a built-in storefront that signs, pays and checks.
pub mod demo;
/// The gateway descriptor for partners, built from the code and settings that serve requests.
pub mod descriptor;
/// Pure protocol types and rules: parser, signature, money, URLs, cards, payment states, order
/// management, callback states.
pub mod domain;
/// Errors that reach HTTP: their status and stable code.
pub mod error;
/// The coordinating code, by flow: pay, order management, settling, expiry, sessions and the
/// webhook events their changes cause.
pub mod flows;
/// The fuzz targets' harnesses, shared with the tests that replay their corpora.
#[doc(hidden)]
pub mod fuzzing;
/// The message catalogue of every page text.
pub mod i18n;
/// Rate limits per client address and per merchant.
pub mod limits;
/// Prometheus metrics: the counters, histograms and gauges of one running gateway.
pub mod metrics;
/// The acquirer trait and the built-in test processor.
pub mod processor;
/// HTTP routes, pages, error rendering and security headers; the JSON sessions API under `/v1`
/// and its reference.
pub mod routes;
/// The HTTP server: connection bound, header-read and idle deadlines, graceful stop.
pub mod server;
/// Building, running and stopping the application.
pub mod startup;
/// What every handler and flow shares.
pub mod state;
/// Storage on SQLite or PostgreSQL: the executor and every query, written once.
pub mod store;
