//! Callbacks to `x_url_callback` (protocol.md section 6): the outbox worker that claims due
//! callbacks, delivers them through an SSRF-guarded HTTP client, backs off, gives up, and
//! records every attempt. Rows are written by the flows in the unit of work of the payment change,
//! so nothing is lost across restarts or crashes.

pub mod deliver;
pub mod guard;
pub mod schedule;
pub mod worker;

pub use deliver::Deliverer;
pub use schedule::RetrySchedule;
pub use worker::Worker;
