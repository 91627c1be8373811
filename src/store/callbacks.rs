//! The callback outbox: enqueue (in the caller's transaction, superseding older undelivered
//! callbacks of the same payment), claim due callbacks under a lease, record attempts in
//! batches, and the queries behind `offsite-gateway callbacks`.
//!
//! Claiming is one statement: `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING`
//! on PostgreSQL, so processes sharing a database never claim the same attempt; SQLite has one
//! writer, so the same statement without the lock clause is just as exclusive. A callback is not
//! claimed while an older callback of its payment is in flight, so a storefront never receives
//! an older state after a newer one.

use super::entities::{callback, callback_attempt};
use super::{Db, sql_for};
use anyhow::Context;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Statement, TransactionTrait,
};

/// Callback states.
pub const PENDING: &str = "pending";
pub const DELIVERED: &str = "delivered";
pub const GAVE_UP: &str = "gave_up";
pub const SUPERSEDED: &str = "superseded";

/// A callback as stored.
#[derive(Debug, Clone)]
pub struct Callback {
    pub id: i64,
    pub payment_id: String,
    pub merchant_id: String,
    pub url: String,
    pub body: String,
    pub result: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: i64,
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub delivered_at: Option<i64>,
    /// The capture/refund/void this callback reports, if it reports one.
    pub operation_id: Option<String>,
}

impl From<callback::Model> for Callback {
    fn from(m: callback::Model) -> Self {
        Callback {
            id: m.id,
            payment_id: m.payment_id,
            merchant_id: m.merchant_id,
            url: m.url,
            body: m.body,
            result: m.result,
            status: m.status,
            attempts: m.attempts,
            next_attempt_at: m.next_attempt_at,
            last_status: m.last_status,
            last_error: m.last_error,
            created_at: m.created_at,
            delivered_at: m.delivered_at,
            operation_id: m.operation_id,
        }
    }
}

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

const SUPERSEDE: &str = "UPDATE callbacks SET status = 'superseded', updated_at = $1
    WHERE payment_id = $2 AND operation_id IS NULL AND status = 'pending'";
const INSERT_SQLITE: &str = "INSERT INTO callbacks
    (payment_id, merchant_id, url, body, result, status, attempts, next_attempt_at,
     created_at, updated_at, operation_id)
    VALUES (?1, ?2, ?3, ?4, ?5, 'pending', 0, ?6, ?6, ?6, ?7)";

/// [`enqueue`] on the SQLite writer's connection, inside its unit of work.
pub fn enqueue_sqlite(
    conn: &rusqlite::Connection,
    new: &NewCallback,
    now: i64,
) -> anyhow::Result<i64> {
    if new.operation_id.is_none() {
        super::lite::exec(conn, SUPERSEDE, [now.into(), new.payment_id.clone().into()])
            .context("superseding older callbacks")?;
    }
    conn.prepare_cached(INSERT_SQLITE)?
        .execute(rusqlite::params![
            new.payment_id,
            new.merchant_id,
            new.url,
            new.body,
            new.result,
            now,
            new.operation_id
        ])
        .context("queueing a callback")?;
    Ok(conn.last_insert_rowid())
}

/// Queues a callback, due at once. A payment-state callback supersedes the payment's older
/// undelivered payment-state callbacks. Run it in the transaction of the change that causes it.
pub async fn enqueue<C: ConnectionTrait>(
    conn: &C,
    new: &NewCallback,
    now: i64,
) -> anyhow::Result<i64> {
    if new.operation_id.is_none() {
        conn.execute_raw(Statement::from_sql_and_values(
            conn.get_database_backend(),
            sql_for(conn.get_database_backend(), SUPERSEDE),
            [now.into(), new.payment_id.clone().into()],
        ))
        .await
        .context("superseding older callbacks")?;
    }
    let inserted = callback::Entity::insert(callback::ActiveModel {
        payment_id: Set(new.payment_id.clone()),
        merchant_id: Set(new.merchant_id.clone()),
        url: Set(new.url.clone()),
        body: Set(new.body.clone()),
        result: Set(new.result.clone()),
        status: Set(PENDING.to_string()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        lease_owner: Set(None),
        lease_until: Set(None),
        last_status: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        delivered_at: Set(None),
        updated_at: Set(now),
        operation_id: Set(new.operation_id.clone()),
        ..Default::default()
    })
    .exec(conn)
    .await
    .context("queueing a callback")?;
    Ok(inserted.last_insert_id)
}

/// A claimed attempt: this process may send attempt number `attempt` until the lease ends.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: i64,
    pub payment_id: String,
    pub url: String,
    pub body: String,
    pub attempt: i32,
}

const CLAIM_POSTGRES: &str = "
UPDATE callbacks SET lease_owner = $1, lease_until = $2, attempts = attempts + 1, updated_at = $3
WHERE id IN (
    SELECT c.id FROM callbacks c
    WHERE c.status = 'pending' AND c.next_attempt_at <= $3
      AND (c.lease_until IS NULL OR c.lease_until < $3)
      AND NOT EXISTS (
          SELECT 1 FROM callbacks o
          WHERE o.payment_id = c.payment_id AND o.id < c.id AND o.lease_until >= $3)
    ORDER BY c.next_attempt_at, c.id
    LIMIT $4
    FOR UPDATE SKIP LOCKED)
RETURNING id, payment_id, url, body, attempts";

/// The claim for SQLite: one writer, so no lock clause. `LIMIT +?4`, not `LIMIT ?4`: SQLite
/// (3.46 and later, with STAT4) plans with a bound LIMIT's value, so rebinding it expires the
/// statement and every claim was parsed and planned again (callgrind: ~170k instructions per
/// claim on the writer thread). The unary plus keeps the value out of the plan.
static CLAIM_SQLITE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    sql_for(
        sea_orm::DatabaseBackend::Sqlite,
        &CLAIM_POSTGRES
            .replace("FOR UPDATE SKIP LOCKED", "")
            .replace("LIMIT $4", "LIMIT +$4"),
    )
});

/// Claims up to `limit` due callbacks for `owner` until `lease_until`.
pub async fn claim(
    db: &Db,
    owner: &str,
    now: i64,
    lease_until: i64,
    limit: u64,
) -> anyhow::Result<Vec<Claimed>> {
    if let Some(lite) = db.lite() {
        let owner = owner.to_string();
        return lite
            .write_statement(move |c| {
                let mut claim = c.prepare_cached(&CLAIM_SQLITE)?;
                let rows = claim.query_map(
                    rusqlite::params![owner, lease_until, now, limit as i64],
                    |r| {
                        Ok(Claimed {
                            id: r.get(0)?,
                            payment_id: r.get(1)?,
                            url: r.get(2)?,
                            body: r.get(3)?,
                            attempt: r.get(4)?,
                        })
                    },
                )?;
                Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
            })
            .await
            .context("claiming callbacks");
    }
    let backend = db.get_database_backend();
    let sql = match backend {
        sea_orm::DatabaseBackend::Postgres => CLAIM_POSTGRES,
        _ => CLAIM_SQLITE.as_str(),
    };
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [
                owner.into(),
                lease_until.into(),
                now.into(),
                (limit as i64).into(),
            ],
        ))
        .await
        .context("claiming callbacks")?;
    rows.into_iter()
        .map(|r| {
            Ok(Claimed {
                id: r.try_get_by_index(0)?,
                payment_id: r.try_get_by_index(1)?,
                url: r.try_get_by_index(2)?,
                body: r.try_get_by_index(3)?,
                attempt: r.try_get_by_index(4)?,
            })
        })
        .collect()
}

/// The result of one attempt, to record.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AttemptRecord {
    pub callback_id: i64,
    pub attempt: i32,
    pub owner: String,
    pub started_at: i64,
    pub duration_ms: i64,
    pub http_status: Option<u16>,
    pub error_kind: Option<String>,
    pub snippet: Option<String>,
    /// `DELIVERED`, `GAVE_UP`, or `PENDING` with `next_attempt_at`.
    pub outcome: &'static str,
    pub next_attempt_at: i64,
}

/// Records a batch of attempts in one transaction (one commit for many deliveries). Each
/// callback changes only if this owner still holds this attempt, and only from `pending`, so a
/// callback superseded while in flight stays superseded.
pub async fn record(db: &Db, records: &[AttemptRecord], now: i64) -> anyhow::Result<()> {
    if records.is_empty() {
        return Ok(());
    }
    if let Some(lite) = db.lite() {
        let records = records.to_vec();
        return lite
            .write(move |c| {
                for r in &records {
                    super::lite::exec(c, RECORD_ATTEMPT, record_values(r, now))
                        .context("recording a callback attempt")?;
                    super::lite::exec(c, LOG_ATTEMPT, log_values(r))
                        .context("logging a callback attempt")?;
                }
                Ok(())
            })
            .await;
    }
    let txn = db.begin().await?;
    let backend = txn.get_database_backend();
    if backend == sea_orm::DatabaseBackend::Postgres {
        // The whole batch as one JSON parameter: two statements per batch instead of two
        // network round trips per attempt, and the statement text never changes, so it is
        // prepared once (a VALUES list would change with the batch size).
        let batch = serde_json::to_string(records)?;
        txn.execute_raw(Statement::from_sql_and_values(
            backend,
            RECORD_ATTEMPTS_POSTGRES,
            [batch.clone().into(), now.into()],
        ))
        .await
        .context("recording callback attempts")?;
        txn.execute_raw(Statement::from_sql_and_values(
            backend,
            LOG_ATTEMPTS_POSTGRES,
            [batch.into()],
        ))
        .await
        .context("logging callback attempts")?;
        txn.commit().await?;
        return Ok(());
    }
    let update = sql_for(backend, RECORD_ATTEMPT);
    let insert = sql_for(backend, LOG_ATTEMPT);
    for r in records {
        txn.execute_raw(Statement::from_sql_and_values(
            backend,
            &update,
            record_values(r, now),
        ))
        .await
        .context("recording a callback attempt")?;
        txn.execute_raw(Statement::from_sql_and_values(
            backend,
            &insert,
            log_values(r),
        ))
        .await
        .context("logging a callback attempt")?;
    }
    txn.commit().await?;
    Ok(())
}

/// [`RECORD_ATTEMPT`] for a batch of [`AttemptRecord`]s given as JSON (`$1`).
const RECORD_ATTEMPTS_POSTGRES: &str = "UPDATE callbacks AS c SET
        status = CASE WHEN c.status = 'pending' THEN v.outcome ELSE c.status END,
        next_attempt_at = v.next_attempt_at, lease_owner = NULL, lease_until = NULL,
        last_status = v.http_status, last_error = v.error_kind,
        delivered_at = CASE WHEN v.outcome = 'delivered' THEN $2 ELSE c.delivered_at END,
        updated_at = $2
     FROM json_to_recordset($1::json) AS v(callback_id bigint, attempt integer, owner text,
         outcome text, next_attempt_at bigint, http_status integer, error_kind text)
     WHERE c.id = v.callback_id AND c.lease_owner = v.owner AND c.attempts = v.attempt";

/// [`LOG_ATTEMPT`] for a batch given as JSON (`$1`).
const LOG_ATTEMPTS_POSTGRES: &str = "INSERT INTO callback_attempts
        (callback_id, attempt_no, started_at, duration_ms, http_status, error_kind, snippet)
     SELECT callback_id, attempt, started_at, duration_ms, http_status, error_kind, snippet
     FROM json_to_recordset($1::json) AS v(callback_id bigint, attempt integer,
         started_at bigint, duration_ms bigint, http_status integer, error_kind text,
         snippet text)
     ON CONFLICT (callback_id, attempt_no) DO NOTHING";

const RECORD_ATTEMPT: &str = "UPDATE callbacks SET
        status = CASE WHEN status = 'pending' THEN $1 ELSE status END,
        next_attempt_at = $2, lease_owner = NULL, lease_until = NULL,
        last_status = $3, last_error = $4,
        delivered_at = CASE WHEN $1 = 'delivered' THEN $5 ELSE delivered_at END,
        updated_at = $5
     WHERE id = $6 AND lease_owner = $7 AND attempts = $8";

const LOG_ATTEMPT: &str = "INSERT INTO callback_attempts
        (callback_id, attempt_no, started_at, duration_ms, http_status, error_kind, snippet)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (callback_id, attempt_no) DO NOTHING";

fn record_values(r: &AttemptRecord, now: i64) -> Vec<sea_orm::Value> {
    vec![
        r.outcome.into(),
        r.next_attempt_at.into(),
        r.http_status.map(i32::from).into(),
        r.error_kind.clone().into(),
        now.into(),
        r.callback_id.into(),
        r.owner.clone().into(),
        r.attempt.into(),
    ]
}

fn log_values(r: &AttemptRecord) -> Vec<sea_orm::Value> {
    vec![
        r.callback_id.into(),
        r.attempt.into(),
        r.started_at.into(),
        r.duration_ms.into(),
        r.http_status.map(i32::from).into(),
        r.error_kind.clone().into(),
        r.snippet.clone().into(),
    ]
}

/// When the next pending callback falls due, if any.
pub async fn next_due(db: &Db) -> anyhow::Result<Option<i64>> {
    if let Some(lite) = db.lite() {
        // In place, and without sea-orm's `.one()`, which binds `LIMIT ?`: a bound LIMIT makes
        // SQLite plan the statement again at every call (see CLAIM_SQLITE).
        return lite.read(|c| {
            Ok(c.prepare_cached(
                "SELECT min(next_attempt_at) FROM callbacks WHERE status = 'pending'",
            )?
            .query_row([], |r| r.get(0))?)
        });
    }
    Ok(callback::Entity::find()
        .select_only()
        .column_as(callback::Column::NextAttemptAt.min(), "next")
        .filter(callback::Column::Status.eq(PENDING))
        .into_tuple::<Option<i64>>()
        .one(db.orm())
        .await?
        .flatten())
}

/// Callbacks, newest first, optionally of one status.
pub async fn list(db: &Db, status: Option<&str>, limit: u64) -> anyhow::Result<Vec<Callback>> {
    let mut q = callback::Entity::find();
    if let Some(s) = status {
        q = q.filter(callback::Column::Status.eq(s));
    }
    Ok(q.order_by_desc(callback::Column::Id)
        .limit(limit)
        .all(db.orm())
        .await?
        .into_iter()
        .map(Callback::from)
        .collect())
}

pub async fn find(db: &Db, id: i64) -> anyhow::Result<Option<Callback>> {
    Ok(callback::Entity::find_by_id(id)
        .one(db.orm())
        .await?
        .map(Callback::from))
}

/// A payment's callbacks, oldest first.
pub async fn for_payment(db: &Db, payment_id: &str) -> anyhow::Result<Vec<Callback>> {
    Ok(callback::Entity::find()
        .filter(callback::Column::PaymentId.eq(payment_id))
        .order_by_asc(callback::Column::Id)
        .all(db.orm())
        .await?
        .into_iter()
        .map(Callback::from)
        .collect())
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

pub async fn attempts(db: &Db, callback_id: i64) -> anyhow::Result<Vec<Attempt>> {
    Ok(callback_attempt::Entity::find()
        .filter(callback_attempt::Column::CallbackId.eq(callback_id))
        .order_by_asc(callback_attempt::Column::AttemptNo)
        .all(db.orm())
        .await?
        .into_iter()
        .map(|a| Attempt {
            attempt_no: a.attempt_no,
            started_at: a.started_at,
            duration_ms: a.duration_ms,
            http_status: a.http_status,
            error_kind: a.error_kind,
            snippet: a.snippet,
        })
        .collect())
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
    let txn = db.begin().await?;
    let new_id = enqueue(
        &txn,
        &NewCallback {
            payment_id: source.payment_id,
            merchant_id: source.merchant_id,
            url: source.url,
            body: source.body,
            result: source.result,
            operation_id: source.operation_id,
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(Some(new_id))
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
                 lease_until INTEGER, updated_at INTEGER);
             CREATE INDEX callbacks_due ON callbacks (status, next_attempt_at);
             INSERT INTO callbacks VALUES (1, 'p', 'u', 'b', 'pending', 0, 0, NULL, NULL, 0);",
        )
        .unwrap();
        let mut claim = c.prepare(&super::CLAIM_SQLITE).unwrap();
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
        let plain = super::CLAIM_SQLITE.replace("LIMIT +?4", "LIMIT ?4");
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
