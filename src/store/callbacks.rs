//! Callbacks as merchants and operators look at them (the `offsite-gateway callbacks` commands):
//! listing, one callback and its attempt log, a payment's callbacks, and resending. The serving
//! paths' queries (enqueue, claim, record) are the outbox's, in [`super::outbox`].

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
    " FROM callbacks WHERE ($1 IS NULL OR status = $1) ORDER BY id DESC LIMIT $2"
));
static BY_ID: Sql = Sql::new(concat!(
    "SELECT ",
    callback_columns!(),
    " FROM callbacks WHERE id = $1"
));
static OF_PAYMENT: Sql = Sql::new(concat!(
    "SELECT ",
    callback_columns!(),
    " FROM callbacks WHERE payment_id = $1 ORDER BY id"
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
        .write(move |tx| Box::pin(async move { outbox::enqueue(tx, &new, now).await }))
        .await?;
    Ok(Some(new_id))
}
