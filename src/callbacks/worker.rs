//! The delivery worker started by `serve`: claim due callbacks under a lease, deliver them
//! concurrently (a slow or failing storefront never holds up other payments' callbacks), and
//! record the results in batches, one transaction for many attempts. It wakes when a callback
//! is committed and polls only as a fallback. On shutdown it stops claiming and lets in-flight
//! attempts finish (bounded by the lease); anything unfinished is claimed again once its lease
//! expires, after a restart too.

use super::deliver::{Deliverer, Sent};
use super::schedule::RetrySchedule;
use crate::crypto::MasterKey;
use crate::crypto::{random_bytes, random_hex};
use crate::domain::callback::CallbackStatus;
use crate::domain::webhook;
use crate::metrics::Metrics;
use crate::store::outbox::{self as callbacks, AttemptRecord, Claimed};
use crate::store::webhooks;
use crate::store::{Db, now_millis};
use secrecy::ExposeSecret;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;
use tokio::sync::{Notify, Semaphore, mpsc, watch};
use tokio::task::JoinSet;

/// Attempts in flight at once per process.
const MAX_IN_FLIGHT: usize = 128;
/// Callbacks claimed per statement.
const CLAIM_BATCH: usize = 256;
/// Results written per transaction.
const RECORD_BATCH: usize = 512;
/// The longest the worker sleeps without looking for due callbacks.
const POLL_FALLBACK: Duration = Duration::from_secs(1);

#[derive(Clone)]
pub struct Worker {
    db: Db,
    deliverer: Deliverer,
    schedule: RetrySchedule,
    owner: String,
    lease: Duration,
    wake: Arc<Notify>,
    webhooks: Option<Webhooks>,
    /// Set to the time at every turn of the loop (for `/readyz`).
    beat: Option<Arc<AtomicI64>>,
    /// Counts each attempt's outcome, when set.
    metrics: Option<Arc<Metrics>>,
}

/// What webhook deliveries need beyond a callback's: the key that opens endpoint secrets, and
/// their own schedule (protocol.md section 12).
#[derive(Clone)]
struct Webhooks {
    key: Arc<MasterKey>,
    schedule: RetrySchedule,
}

fn jitter() -> f64 {
    f64::from(u32::from_le_bytes(random_bytes::<4>())) / f64::from(u32::MAX)
}

/// How long the loop stops at a turn: never, unless the test failpoint `worker-stall` returns
/// a number of milliseconds (the readiness tests stall the worker with it).
fn stalled() -> Option<u64> {
    fail::fail_point!("worker-stall", |ms: Option<String>| ms
        .and_then(|ms| ms.parse().ok()));
    None
}

/// An attempt's outcome as the metrics name it: one still pending is to be retried.
fn attempt_outcome(status: CallbackStatus) -> &'static str {
    match status {
        CallbackStatus::Pending => "retry",
        other => other.as_str(),
    }
}

impl Worker {
    /// `lease` must outlast one attempt (request timeout plus connect timeout) with margin.
    pub fn new(
        db: Db,
        deliverer: Deliverer,
        schedule: RetrySchedule,
        lease: Duration,
        wake: Arc<Notify>,
    ) -> Self {
        Self {
            db,
            deliverer,
            schedule,
            owner: format!("worker-{}", random_hex::<6>()),
            lease,
            wake,
            webhooks: None,
            beat: None,
            metrics: None,
        }
    }

    /// Tells `beat` the time at every turn of the loop.
    pub fn with_heartbeat(mut self, beat: Arc<AtomicI64>) -> Self {
        self.beat = Some(beat);
        self
    }

    /// Counts every attempt's outcome in `metrics`.
    pub fn with_metrics(mut self, metrics: Arc<Metrics>) -> Self {
        self.metrics = Some(metrics);
        self
    }

    /// Also delivers webhooks: signed at each attempt with the endpoint's secrets, retried on
    /// `schedule`.
    pub fn with_webhooks(mut self, key: Arc<MasterKey>, schedule: RetrySchedule) -> Self {
        self.webhooks = Some(Webhooks { key, schedule });
        self
    }

    /// One webhook attempt: the Standard Webhooks headers, signed now with every valid secret
    /// of the endpoint. `None`: the endpoint is gone, and the delivery gives up.
    async fn send_webhook(&self, c: &Claimed, endpoint: &str, event_id: &str) -> Option<Sent> {
        let started = std::time::Instant::now();
        let failed = |kind: &'static str| Sent::failed(kind, started);
        let Some(w) = &self.webhooks else {
            return Some(failed("not_configured"));
        };
        let keys = match webhooks::signing_keys(&self.db, &w.key, endpoint, now_millis()).await {
            Ok(Some(keys)) => keys,
            Ok(None) => return None,
            Err(e) => {
                tracing::error!(
                    error = format!("{e:#}"),
                    endpoint,
                    "webhook secrets unreadable"
                );
                return Some(failed("secret"));
            }
        };
        let timestamp = now_millis().div_euclid(1000);
        let keys: Vec<&[u8]> = keys.iter().map(|k| k.expose_secret().as_slice()).collect();
        let signature = webhook::signature_header(&keys, event_id, timestamp, c.body.as_bytes());
        let headers = [
            ("webhook-id", event_id.to_string()),
            ("webhook-timestamp", timestamp.to_string()),
            ("webhook-signature", signature),
        ];
        Some(
            self.deliverer
                .send_with(&c.url, "application/json", &c.body, &headers)
                .await,
        )
    }

    async fn claim(&self, limit: usize) -> anyhow::Result<Vec<Claimed>> {
        let now = now_millis();
        let lease_until = now + self.lease.as_millis() as i64;
        callbacks::claim(&self.db, &self.owner, now, lease_until, limit as u64).await
    }

    /// Sends one claimed attempt and decides what follows it.
    async fn attempt(&self, c: Claimed) -> AttemptRecord {
        let started_at = now_millis();
        let (sent, schedule) = match &c.webhook {
            None => (
                Some(self.deliverer.send(&c.url, &c.body).await),
                &self.schedule,
            ),
            Some((endpoint, event)) => (
                self.send_webhook(&c, endpoint, event).await,
                self.webhooks
                    .as_ref()
                    .map_or(&self.schedule, |w| &w.schedule),
            ),
        };
        let now = now_millis();
        let gone = sent.is_none();
        let sent =
            sent.unwrap_or_else(|| Sent::failed("endpoint_deleted", std::time::Instant::now()));
        let (outcome, next_attempt_at) = if sent.delivered() {
            (CallbackStatus::Delivered, now)
        } else if gone {
            (CallbackStatus::GaveUp, now)
        } else {
            let attempts = u32::try_from(c.attempt).unwrap_or(u32::MAX);
            match schedule.next_after(attempts, jitter()) {
                Some(wait) => (CallbackStatus::Pending, now + wait.as_millis() as i64),
                None => (CallbackStatus::GaveUp, now),
            }
        };
        tracing::info!(
            callback = c.id,
            payment = %c.payment_id,
            webhook = c.webhook.is_some(),
            attempt = c.attempt,
            status = ?sent.http_status,
            error = ?sent.error_kind,
            ms = sent.duration.as_millis() as u64,
            outcome = outcome.as_str(),
            "callback attempt"
        );
        if let Some(m) = &self.metrics {
            let kind = if c.webhook.is_some() {
                "webhook"
            } else {
                "callback"
            };
            m.delivery(kind, attempt_outcome(outcome));
        }
        AttemptRecord {
            callback_id: c.id,
            attempt: c.attempt,
            owner: self.owner.clone(),
            started_at,
            duration_ms: sent.duration.as_millis() as i64,
            http_status: sent.http_status,
            error_kind: sent.error_kind.map(str::to_string),
            snippet: sent.snippet,
            outcome,
            next_attempt_at,
        }
    }

    /// Claims what is due now, delivers all of it, records the results, and returns how many
    /// attempts were made: a deterministic step for tests and tools.
    pub async fn run_once(&self) -> anyhow::Result<usize> {
        let claimed = self.claim(CLAIM_BATCH).await?;
        let count = claimed.len();
        let mut set = JoinSet::new();
        for c in claimed {
            let worker = self.clone();
            set.spawn(async move { worker.attempt(c).await });
        }
        let records = set.join_all().await;
        callbacks::record(&self.db, &records, now_millis()).await?;
        Ok(count)
    }

    /// How long to sleep when nothing was claimable.
    async fn idle_wait(&self) -> Duration {
        match callbacks::next_due(&self.db).await {
            Ok(Some(due)) => {
                let ms = (due - now_millis()).max(0) as u64;
                // A due callback that was not claimable waits for an older one of its payment.
                Duration::from_millis(ms).clamp(Duration::from_millis(20), POLL_FALLBACK)
            }
            _ => POLL_FALLBACK,
        }
    }

    /// Runs until `shutdown` turns true.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        let slots = Arc::new(Semaphore::new(MAX_IN_FLIGHT));
        let (results, pending_results) = mpsc::channel::<AttemptRecord>(4 * RECORD_BATCH);
        let recorder = tokio::spawn(record_results(
            self.db.clone(),
            pending_results,
            self.wake.clone(),
        ));
        while !*shutdown.borrow() {
            if let Some(beat) = &self.beat {
                beat.store(now_millis(), Ordering::Relaxed);
            }
            if let Some(ms) = stalled() {
                tokio::time::sleep(Duration::from_millis(ms)).await;
            }
            let free = slots.available_permits().min(CLAIM_BATCH);
            let mut claimed = 0;
            if free > 0 {
                match self.claim(free).await {
                    Ok(batch) => {
                        claimed = batch.len();
                        for c in batch {
                            let Ok(slot) = slots.clone().try_acquire_owned() else {
                                break;
                            };
                            let (worker, results) = (self.clone(), results.clone());
                            tokio::spawn(async move {
                                let record = worker.attempt(c).await;
                                let _ = results.send(record).await;
                                drop(slot);
                            });
                        }
                    }
                    Err(e) => {
                        tracing::error!(error = format!("{e:#}"), "claiming callbacks failed")
                    }
                }
            }
            if claimed > 0 && claimed == free {
                continue;
            }
            let wait = self.idle_wait().await;
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(wait) => {}
                _ = shutdown.changed() => {}
            }
        }
        // Let in-flight attempts finish, then record them.
        let all = u32::try_from(MAX_IN_FLIGHT).unwrap_or(u32::MAX);
        if tokio::time::timeout(self.lease, slots.acquire_many(all))
            .await
            .is_err()
        {
            tracing::warn!("callback attempts still in flight at shutdown; they will be retried");
        }
        drop(results);
        let _ = tokio::time::timeout(Duration::from_secs(10), recorder).await;
    }
}

/// Writes attempt results in batches; retries a failed batch a few times. A batch that cannot
/// be written is not lost work: its callbacks keep their lease and are attempted again.
async fn record_results(db: Db, mut rx: mpsc::Receiver<AttemptRecord>, wake: Arc<Notify>) {
    let mut batch = Vec::with_capacity(RECORD_BATCH);
    while rx.recv_many(&mut batch, RECORD_BATCH).await > 0 {
        for tries in 0.. {
            match callbacks::record(&db, &batch, now_millis()).await {
                Ok(()) => break,
                Err(e) if tries < 5 => {
                    tracing::warn!(
                        error = format!("{e:#}"),
                        "recording callback attempts failed; retrying"
                    );
                    tokio::time::sleep(Duration::from_millis(100 << tries)).await;
                }
                Err(e) => {
                    tracing::error!(
                        error = format!("{e:#}"),
                        n = batch.len(),
                        "could not record callback attempts; they will be retried after their lease"
                    );
                    break;
                }
            }
        }
        batch.clear();
        // Newer callbacks of these payments may have been waiting for these to finish.
        wake.notify_one();
    }
}
