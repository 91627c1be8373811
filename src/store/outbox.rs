//! The callback outbox on the serving paths: enqueue (in the unit of work of the change that
//! causes it, superseding older undelivered callbacks of the same payment), claim due callbacks
//! under a lease, record attempts in batches, and when the next one falls due.
//!
//! Claiming is one statement: `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING`,
//! so processes sharing a PostgreSQL database never claim the same attempt; SQLite has one
//! writer, so the same statement without the lock clause is just as exclusive. A callback is not
//! claimed while an older callback of its payment is in flight, so a storefront never receives
//! an older state after a newer one. A webhook delivery (a row with an endpoint) is not claimed
//! while an older delivery of its payment to the same endpoint is still pending: webhooks are
//! never superseded, so each endpoint receives a payment's events in the order they happened.

use super::db::{Db, Tx};
use super::sql::{Row, Sql};
use crate::domain::callback::CallbackStatus;
use anyhow::Context;

/// What to send.
#[derive(Debug, Clone)]
pub struct NewCallback {
    pub payment_id: String,
    pub merchant_id: String,
    pub url: String,
    pub body: String,
    pub result: String,
    /// Set for a capture/refund/void callback: an event of its own, never superseded.
    pub operation_id: Option<String>,
}

static SUPERSEDE: Sql = Sql::new(
    "UPDATE callbacks SET status = 'superseded', updated_at = $1
     WHERE payment_id = $2 AND operation_id IS NULL AND endpoint_id IS NULL
       AND status = 'pending'",
);
static INSERT: Sql = Sql::new(
    "INSERT INTO callbacks
        (payment_id, merchant_id, url, body, result, status, attempts, next_attempt_at,
         created_at, updated_at, operation_id)
     VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $6, $6, $7)
     RETURNING id",
);

/// Queues a callback, due at once; returns its id. A payment-state callback supersedes the
/// payment's older undelivered payment-state callbacks. Run it in the unit of work of the change
/// that causes it.
pub async fn enqueue(tx: Tx<'_>, new: &NewCallback, now: i64) -> anyhow::Result<i64> {
    if new.operation_id.is_none() {
        tx.exec(&SUPERSEDE, params![now, new.payment_id.as_str()])
            .await
            .context("superseding older callbacks")?;
    }
    tx.fetch_optional(
        &INSERT,
        params![
            new.payment_id.as_str(),
            new.merchant_id.as_str(),
            new.url.as_str(),
            new.body.as_str(),
            new.result.as_str(),
            now,
            new.operation_id.clone(),
        ],
        |r| r.get(0),
    )
    .await
    .context("queueing a callback")?
    .context("a queued callback without its id")
}

/// A claimed attempt: this process may send attempt number `attempt` until the lease ends.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: i64,
    pub payment_id: String,
    pub url: String,
    pub body: String,
    pub attempt: i32,
    /// A webhook delivery: (endpoint, event id); its signature is made at each attempt.
    pub webhook: Option<(String, String)>,
}

/// `LIMIT $4` runs on SQLite as `LIMIT +?4`, planned once (see the executor).
pub(crate) static CLAIM: Sql = Sql::new(
    "UPDATE callbacks SET lease_owner = $1, lease_until = $2, attempts = attempts + 1,
         updated_at = $3
     WHERE id IN (
         SELECT c.id FROM callbacks c
         WHERE c.status = 'pending' AND c.next_attempt_at <= $3
           AND (c.lease_until IS NULL OR c.lease_until < $3)
           AND NOT EXISTS (
               SELECT 1 FROM callbacks o
               WHERE o.payment_id = c.payment_id AND o.id < c.id
                 AND ((o.endpoint_id IS NULL AND c.endpoint_id IS NULL AND o.lease_until >= $3)
                      OR (o.endpoint_id = c.endpoint_id AND o.status = 'pending')))
         ORDER BY c.next_attempt_at, c.id
         LIMIT $4
         FOR UPDATE SKIP LOCKED)
     RETURNING id, payment_id, url, body, attempts, endpoint_id, event_id",
);

fn claimed(r: &Row<'_>) -> anyhow::Result<Claimed> {
    Ok(Claimed {
        id: r.get(0)?,
        payment_id: r.get(1)?,
        url: r.get(2)?,
        body: r.get(3)?,
        attempt: r.get(4)?,
        webhook: match (r.get::<Option<String>>(5)?, r.get::<Option<String>>(6)?) {
            (Some(endpoint), Some(event)) => Some((endpoint, event)),
            _ => None,
        },
    })
}

/// Claims up to `limit` due callbacks for `owner` until `lease_until`.
pub async fn claim(
    db: &Db,
    owner: &str,
    now: i64,
    lease_until: i64,
    limit: u64,
) -> anyhow::Result<Vec<Claimed>> {
    db.exec_fetch(
        &CLAIM,
        params![owner, lease_until, now, limit as i64],
        claimed,
    )
    .await
    .context("claiming callbacks")
}

/// The result of one attempt, to record.
#[derive(Debug, Clone)]
pub struct AttemptRecord {
    pub callback_id: i64,
    pub attempt: i32,
    pub owner: String,
    pub started_at: i64,
    pub duration_ms: i64,
    pub http_status: Option<u16>,
    pub error_kind: Option<String>,
    pub snippet: Option<String>,
    /// `Delivered`, `GaveUp`, or `Pending` with `next_attempt_at`.
    pub outcome: CallbackStatus,
    pub next_attempt_at: i64,
}

/// One attempt's result. It changes the callback only if this owner still holds this attempt,
/// and its status only from `pending`, so a callback superseded while in flight stays
/// superseded. A batch runs it per row on SQLite and as one statement on PostgreSQL.
static RECORD_ATTEMPT: Sql = Sql::new(
    "UPDATE callbacks SET
         status = CASE WHEN status = 'pending' THEN $1 ELSE status END,
         next_attempt_at = $2, lease_owner = NULL, lease_until = NULL,
         last_status = $3, last_error = $4,
         delivered_at = CASE WHEN $1 = 'delivered' THEN $5 ELSE delivered_at END,
         updated_at = $5
     WHERE id = $6 AND lease_owner = $7 AND attempts = $8",
);
/// The attempt's line in the log.
static LOG_ATTEMPT: Sql = Sql::new(
    "INSERT INTO callback_attempts
         (callback_id, attempt_no, started_at, duration_ms, http_status, error_kind, snippet)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (callback_id, attempt_no) DO NOTHING",
);

/// Records a batch of attempts in one unit of work (one commit for many deliveries).
pub async fn record(db: &Db, records: &[AttemptRecord], now: i64) -> anyhow::Result<()> {
    if records.is_empty() {
        return Ok(());
    }
    let (results, log): (Vec<_>, Vec<_>) = records
        .iter()
        .map(|r| {
            let status = r.http_status.map(i32::from);
            (
                params![
                    r.outcome.as_str(),
                    r.next_attempt_at,
                    status,
                    r.error_kind.clone(),
                    now,
                    r.callback_id,
                    r.owner.as_str(),
                    r.attempt,
                ],
                params![
                    r.callback_id,
                    r.attempt,
                    r.started_at,
                    r.duration_ms,
                    status,
                    r.error_kind.clone(),
                    r.snippet.clone(),
                ],
            )
        })
        .unzip();
    db.write(move |tx| {
        Box::pin(async move {
            tx.exec_each(&RECORD_ATTEMPT, results)
                .await
                .context("recording callback attempts")?;
            tx.exec_each(&LOG_ATTEMPT, log)
                .await
                .context("logging callback attempts")?;
            Ok(())
        })
    })
    .await
}

static NEXT_DUE: Sql =
    Sql::new("SELECT min(next_attempt_at) FROM callbacks WHERE status = 'pending'");

/// When the next pending callback falls due, if any.
pub async fn next_due(db: &Db) -> anyhow::Result<Option<i64>> {
    Ok(db
        .fetch_optional(&NEXT_DUE, params![], |r| r.get::<Option<i64>>(0))
        .await?
        .flatten())
}

static BACKLOG: Sql =
    Sql::new("SELECT COUNT(*), min(created_at) FROM callbacks WHERE status = 'pending'");

/// How many callbacks and webhook deliveries wait to be sent, and when the oldest was queued
/// (ms since the epoch), for the metrics.
pub async fn backlog(db: &Db) -> anyhow::Result<(i64, Option<i64>)> {
    Ok(db
        .fetch_optional(&BACKLOG, params![], |r| {
            Ok((r.get::<i64>(0)?, r.get::<Option<i64>>(1)?))
        })
        .await?
        .unwrap_or((0, None)))
}

#[cfg(test)]
mod tests {
    use rusqlite::{Connection, StatementStatus};

    #[test]
    fn the_sqlite_claim_is_planned_once() {
        let c = Connection::open_in_memory().unwrap();
        c.execute_batch(
            "CREATE TABLE callbacks (id INTEGER PRIMARY KEY, payment_id TEXT, url TEXT, body TEXT,
                 status TEXT, attempts INTEGER, next_attempt_at INTEGER, lease_owner TEXT,
                 lease_until INTEGER, updated_at INTEGER, endpoint_id TEXT, event_id TEXT);
             CREATE INDEX callbacks_due ON callbacks (status, next_attempt_at);
             INSERT INTO callbacks
                 VALUES (1, 'p', 'u', 'b', 'pending', 0, 0, NULL, NULL, 0, NULL, NULL);",
        )
        .unwrap();
        let mut claim = c.prepare(super::CLAIM.sqlite()).unwrap();
        for i in 0..5i64 {
            let claimed = claim
                .query_map(rusqlite::params!["w", 100 + i, 10 + i, 1 + i], |_| Ok(()))
                .unwrap()
                .count();
            assert_eq!(
                claimed,
                usize::from(i == 0),
                "the first claim takes the one row"
            );
        }
        assert_eq!(claim.get_status(StatementStatus::RePrepare), 0);
        // What the unary plus avoids: the same statement with a plain bound LIMIT.
        let plain = super::CLAIM.sqlite().replace("LIMIT +?4", "LIMIT ?4");
        let mut claim = c.prepare(&plain).unwrap();
        for i in 0..3i64 {
            let _ = claim
                .query_map(rusqlite::params!["w", 100 + i, 10 + i, 1 + i], |_| Ok(()))
                .unwrap()
                .count();
        }
        assert!(claim.get_status(StatementStatus::RePrepare) > 0);
    }
}
