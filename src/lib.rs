//! offsite-gateway: a hosted payment gateway that storefront platforms plug in with the `x_`
//! offsite protocol. Modules in reading order:

/// The callback outbox worker: claim, deliver through the SSRF guard, back off, give up.
pub mod callbacks;
/// Settings from the environment, with defaults.
pub mod config;
/// The master key and the sealing of merchant secrets; random tokens.
pub mod crypto;
/// Pure protocol types and rules: parser, signature, money, URLs, cards, payment states.
pub mod domain;
/// Errors that reach HTTP, mapped to status and body in one place.
pub mod error;
/// Applying processor outcomes to payments; the pending-payment settler.
pub mod flow;
/// The message catalogue of every page text.
pub mod i18n;
/// The acquirer trait and the built-in test processor.
pub mod processor;
/// HTTP routes, pages and security headers.
pub mod routes;
/// Building, running and stopping the application.
pub mod startup;
/// Storage on SQLite or PostgreSQL through sea-orm.
pub mod store;
