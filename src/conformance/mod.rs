//! The conformance kit (protocol.md section 15): `offsite-gateway conformance storefront` plays a
//! storefront against any `x_`-protocol gateway, ours or another, and `conformance callbacks`
//! plays the gateway against a storefront's callback endpoint. Each run is a list of checks with
//! stable ids, `PASS`, `FAIL` or `SKIP`, and a reason.
//!
//! The kit judges what goes over the wire and nothing else: it signs and verifies with a signer
//! of its own ([`signer`], written from the protocol text), reads pages with its own small
//! scanner, receives callbacks and returns on a listener of its own, and never reads the
//! gateway's database or calls its code. Of the gateway's modules it uses only plumbing: the
//! strict form parser ([`crate::domain::form`], so that a duplicated field in an answer is caught
//! the way the protocol says), random ids, the TLS provider and the duration parser.

pub mod callbacks;
mod command;
mod html;
mod http;
mod listener;
pub mod report;
pub mod signer;
pub mod storefront;

pub use command::{CallbacksArgs, ConformanceCommand, StorefrontArgs, run};
pub use report::{Check, Report, Status};
