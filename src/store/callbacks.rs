//! Callbacks as merchants and operators look at them (the `offsite-gateway callbacks` commands):
//! listing, one callback and its attempt log, a payment's callbacks, and resending. The serving
//! paths' queries (enqueue, claim, record) are the outbox's, in [`super::outbox`]. Webhook
//! deliveries share the outbox table but not these views: they are [`super::webhooks`]'.

use super::audit::Change;
use super::db::Db;
use super::outbox::{self, NewCallback};
use super::sql::{Row, Sql};
use crate::domain::callback::CallbackStatus;
use anyhow::{Context, anyhow};

pub use super::outbox::{AttemptRecord, Claimed};

/// Callback states, as the tests and tools name them.
pub const PENDING: CallbackStatus = CallbackStatus::Pending;
pub const DELIVERED: CallbackStatus = CallbackStatus::Delivered;
pub const GAVE_UP: CallbackStatus = CallbackStatus::GaveUp;
pub const SUPERSEDED: CallbackStatus = CallbackStatus::Superseded;

/// A callback as stored.
#[derive(Debug, Clone)]
pub struct Callback {
    pub id: i64,
    pub payment_id: String,
    pub merchant_id: String,
    pub url: String,
    pub body: String,
    pub result: String,
    pub status: CallbackStatus,
    pub attempts: i32,
    pub next_attempt_at: i64,
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub delivered_at: Option<i64>,
    /// The capture/refund/void this callback reports, if it reports one.
    pub operation_id: Option<String>,
}

/// Every column of [`Callback`], in its order.
macro_rules! callback_columns {
    () => {
        "id, payment_id, merchant_id, url, body, result, status, attempts, next_attempt_at, \
         last_status, last_error, created_at, delivered_at, operation_id"
    };
}

fn callback(r: &Row<'_>) -> anyhow::Result<Callback> {
    let status: String = r.get(6)?;
    Ok(Callback {
        id: r.get(0)?,
        payment_id: r.get(1)?,
        merchant_id: r.get(2)?,
        url: r.get(3)?,
        body: r.get(4)?,
        result: r.get(5)?,
        status: CallbackStatus::parse(&status)
            .ok_or_else(|| anyhow!("a callback has the unknown status {status:?}"))?,
        attempts: r.get(7)?,
        next_attempt_at: r.get(8)?,
        last_status: r.get(9)?,
        last_error: r.get(10)?,
        created_at: r.get(11)?,
        delivered_at: r.get(12)?,
        operation_id: r.get(13)?,
    })
}

static LIST: Sql = Sql::new(concat!(
    "SELECT ",
    callback_columns!(),
    " FROM callbacks WHERE endpoint_id IS NULL AND ($1 IS NULL OR status = $1)
     ORDER BY id DESC LIMIT $2"
));
static BY_ID: Sql = Sql::new(concat!(
    "SELECT ",
    callback_columns!(),
    " FROM callbacks WHERE id = $1 AND endpoint_id IS NULL"
));
static OF_PAYMENT: Sql = Sql::new(concat!(
    "SELECT ",
    callback_columns!(),
    " FROM callbacks WHERE payment_id = $1 AND endpoint_id IS NULL ORDER BY id"
));

/// Callbacks, newest first, optionally of one status.
pub async fn list(
    db: &Db,
    status: Option<CallbackStatus>,
    limit: u64,
) -> anyhow::Result<Vec<Callback>> {
    db.fetch_all(
        &LIST,
        params![status.map(|s| s.as_str()), limit as i64],
        callback,
    )
    .await
}

pub async fn find(db: &Db, id: i64) -> anyhow::Result<Option<Callback>> {
    db.fetch_optional(&BY_ID, params![id], callback).await
}

/// A payment's callbacks, oldest first.
pub async fn for_payment(db: &Db, payment_id: &str) -> anyhow::Result<Vec<Callback>> {
    db.fetch_all(&OF_PAYMENT, params![payment_id], callback)
        .await
}

/// One recorded attempt.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub attempt_no: i32,
    pub started_at: i64,
    pub duration_ms: i64,
    pub http_status: Option<i32>,
    pub error_kind: Option<String>,
    pub snippet: Option<String>,
}

/// What an attempt got back: an HTTP status, or the kind of failure that left it without one
/// (`timeout`, `connect`, … as the deliverer names it), or nothing recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Http(i32),
    Failed(String),
    Nothing,
}

impl Answer {
    pub fn of(http_status: Option<i32>, error_kind: Option<&str>) -> Self {
        match (http_status, error_kind) {
            (Some(s), _) => Answer::Http(s),
            (None, Some(e)) => Answer::Failed(e.to_string()),
            (None, None) => Answer::Nothing,
        }
    }
}

impl Attempt {
    pub fn answer(&self) -> Answer {
        Answer::of(self.http_status, self.error_kind.as_deref())
    }
}

static ATTEMPTS: Sql = Sql::new(
    "SELECT attempt_no, started_at, duration_ms, http_status, error_kind, snippet
     FROM callback_attempts WHERE callback_id = $1 ORDER BY attempt_no",
);

pub async fn attempts(db: &Db, callback_id: i64) -> anyhow::Result<Vec<Attempt>> {
    db.fetch_all(&ATTEMPTS, params![callback_id], |r| {
        Ok(Attempt {
            attempt_no: r.get(0)?,
            started_at: r.get(1)?,
            duration_ms: r.get(2)?,
            http_status: r.get(3)?,
            error_kind: r.get(4)?,
            snippet: r.get(5)?,
        })
    })
    .await
}

/// Sends a callback again as a new attempt series, due at once. An operation's callback is
/// its own event and is sent as it was; a payment-state callback sends the payment's newest
/// state (never an older one).
pub async fn resend(db: &Db, id: i64, now: i64) -> anyhow::Result<Option<i64>> {
    resend_recorded(db, id, now, None).await
}

/// [`resend`], with the audit row of whoever asked written in the same unit of work.
async fn resend_recorded(
    db: &Db,
    id: i64,
    now: i64,
    audit: Option<Change>,
) -> anyhow::Result<Option<i64>> {
    let Some(original) = find(db, id).await? else {
        return Ok(None);
    };
    let source = match original.operation_id {
        Some(_) => original,
        None => for_payment(db, &original.payment_id)
            .await?
            .into_iter()
            .rfind(|c| c.operation_id.is_none())
            .context("a callback without its payment's callbacks")?,
    };
    let new = NewCallback {
        payment_id: source.payment_id,
        merchant_id: source.merchant_id,
        url: source.url,
        body: source.body,
        result: source.result,
        operation_id: source.operation_id,
    };
    let new_id = db
        .write(move |tx| {
            Box::pin(async move {
                let new_id = outbox::enqueue(tx, &new, now).await?;
                if let Some(change) = &audit {
                    change.record_in(tx).await?;
                }
                Ok(new_id)
            })
        })
        .await?;
    Ok(Some(new_id))
}

/// How a merchant's callbacks have fared: what the dashboard's delivery panel shows, so a
/// broken storefront is seen before its retries run out.
#[derive(Debug, Clone, PartialEq)]
pub struct Health {
    /// Attempts started in the window, and how many got a 2xx.
    pub attempts: i64,
    pub succeeded: i64,
    /// The storefront's answer time over those attempts (the newest 1,000 at most), in ms.
    pub p50_ms: Option<i64>,
    pub p95_ms: Option<i64>,
    /// Callbacks still to be delivered, and when the oldest of them was created.
    pub waiting: i64,
    pub oldest_waiting_at: Option<i64>,
    /// Callbacks that gave up and were not sent again since.
    pub gave_up: i64,
}

/// The window of [`health`].
pub const HEALTH_WINDOW_MS: i64 = 24 * 3600 * 1000;

static RECENT_ATTEMPTS: Sql = Sql::new(
    "SELECT a.duration_ms, a.http_status FROM callback_attempts a
     JOIN callbacks c ON c.id = a.callback_id
     WHERE c.merchant_id = $1 AND c.endpoint_id IS NULL AND a.started_at > $2
     ORDER BY a.started_at DESC LIMIT 1000",
);
static ATTEMPT_COUNTS: Sql = Sql::new(
    "SELECT COUNT(*),
            COALESCE(SUM(CASE WHEN a.http_status BETWEEN 200 AND 299 THEN 1 ELSE 0 END), 0)
     FROM callback_attempts a JOIN callbacks c ON c.id = a.callback_id
     WHERE c.merchant_id = $1 AND c.endpoint_id IS NULL AND a.started_at > $2",
);
static WAITING: Sql = Sql::new(
    "SELECT COUNT(*), MIN(created_at) FROM callbacks
     WHERE merchant_id = $1 AND endpoint_id IS NULL AND status = 'pending'",
);
/// Callbacks that gave up with nothing sent for their payment (and operation) after them.
static GAVE_UP_UNSENT: Sql = Sql::new(concat!(
    "SELECT ",
    callback_columns!(),
    " FROM callbacks c WHERE merchant_id = $1 AND status = 'gave_up' AND endpoint_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM callbacks later
           WHERE later.payment_id = c.payment_id AND later.id > c.id
             AND later.endpoint_id IS NULL
             AND (later.operation_id = c.operation_id
                  OR (later.operation_id IS NULL AND c.operation_id IS NULL)))
     ORDER BY id LIMIT $2"
));
static BY_ID_FOR: Sql = Sql::new(concat!(
    "SELECT ",
    callback_columns!(),
    " FROM callbacks WHERE id = $1 AND merchant_id = $2 AND endpoint_id IS NULL"
));

/// The merchant's delivery health over the last 24 hours.
pub async fn health(db: &Db, merchant_id: &str, now: i64) -> anyhow::Result<Health> {
    let since = now - HEALTH_WINDOW_MS;
    let mut times: Vec<i64> = db
        .fetch_all(&RECENT_ATTEMPTS, params![merchant_id, since], |r| r.get(0))
        .await?;
    times.sort_unstable();
    let percentile = |p: usize| (!times.is_empty()).then(|| times[(times.len() - 1) * p / 100]);
    let (attempts, succeeded): (i64, i64) = db
        .fetch_optional(&ATTEMPT_COUNTS, params![merchant_id, since], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .await?
        .unwrap_or((0, 0));
    let (waiting, oldest_waiting_at): (i64, Option<i64>) = db
        .fetch_optional(&WAITING, params![merchant_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .await?
        .unwrap_or((0, None));
    let gave_up = gave_up_unsent(db, merchant_id, 10_000).await?.len() as i64;
    Ok(Health {
        attempts,
        succeeded,
        p50_ms: percentile(50),
        p95_ms: percentile(95),
        waiting,
        oldest_waiting_at,
        gave_up,
    })
}

async fn gave_up_unsent(db: &Db, merchant_id: &str, limit: i64) -> anyhow::Result<Vec<Callback>> {
    db.fetch_all(&GAVE_UP_UNSENT, params![merchant_id, limit], callback)
        .await
}

/// One callback of the merchant's (`None` for another merchant's: no existence oracle).
pub async fn find_for(db: &Db, merchant_id: &str, id: i64) -> anyhow::Result<Option<Callback>> {
    db.fetch_optional(&BY_ID_FOR, params![id, merchant_id], callback)
        .await
}

/// [`resend`], for a callback of the merchant's only (of `payment_id`'s, if given), with
/// `audit` (the dashboard user's row) in the same unit of work; `None` for another merchant's
/// callback, or another payment's.
pub async fn resend_for(
    db: &Db,
    merchant_id: &str,
    payment_id: Option<&str>,
    id: i64,
    now: i64,
    audit: Option<Change>,
) -> anyhow::Result<Option<i64>> {
    match find_for(db, merchant_id, id).await? {
        Some(c) if payment_id.is_none_or(|p| p == c.payment_id) => {
            resend_recorded(db, id, now, audit).await
        }
        _ => Ok(None),
    }
}

/// Sends again every callback of the merchant that gave up with nothing sent after it (at most
/// `limit`); how many were queued.
pub async fn resend_gave_up(
    db: &Db,
    merchant_id: &str,
    limit: i64,
    now: i64,
) -> anyhow::Result<usize> {
    let mut queued = 0;
    for c in gave_up_unsent(db, merchant_id, limit).await? {
        if resend(db, c.id, now).await?.is_some() {
            queued += 1;
        }
    }
    Ok(queued)
}
