//! What every handler and background flow shares, built once by `startup` and handed to the
//! routes and the flows: the database, the master key, the settings, the processor, the
//! verified-merchant cache, the callback worker's wake-up, the rate limits and the metrics.

use crate::config::Settings;
use crate::crypto::MasterKey;
use crate::limits::RateLimits;
use crate::metrics::Metrics;
use crate::processor::Processor;
use crate::store::{Db, merchants};
use std::sync::Arc;
use std::sync::atomic::AtomicI64;
use tokio::sync::Notify;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub key: Arc<MasterKey>,
    pub settings: Arc<Settings>,
    pub processor: Arc<dyn Processor>,
    /// Wakes this process's callback worker when a callback is committed.
    pub callback_wake: Arc<Notify>,
    /// Verified merchants, decrypted once.
    pub merchants: Arc<merchants::Cache>,
    /// When this process's callback worker last went round its loop (ms since the epoch; 0:
    /// not yet), for `/readyz`.
    pub worker_beat: Arc<AtomicI64>,
    /// This process's rate limits.
    pub limits: Arc<RateLimits>,
    /// This process's metrics, for `/metrics`.
    pub metrics: Arc<Metrics>,
}
