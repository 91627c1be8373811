//! Order-management writes, one transaction per operation: claim the idempotency key (its
//! unique index decides replays; a concurrent duplicate waits for the first to commit and then
//! reads its answer), apply the money change as one conditional update whose `WHERE` is the
//! domain rule, write the operation row and its callback, and keep the answer. A refusal rolls
//! everything back, so an error changes nothing.

use super::callbacks::{self, NewCallback};
use super::{Db, is_unique_violation, sql_for, statement};
use crate::domain::operations::Operation;
use anyhow::Context;
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseTransaction, TransactionTrait, Value};

/// How long a byte-identical request (or a reused Idempotency-Key) replays the first answer.
pub const REPLAY_WINDOW_MS: i64 = 24 * 60 * 60 * 1000;

/// One operation to perform.
pub struct Perform<'a> {
    pub payment_id: &'a str,
    pub merchant_id: &'a str,
    pub op: Operation,
    pub amount_text: Option<&'a str>,
    pub currency: &'a str,
    /// The operation's own gateway reference.
    pub operation_id: &'a str,
    /// `body:<digest>` or `key:<Idempotency-Key>`.
    pub scope_key: &'a str,
    pub request_digest: &'a str,
    /// The answer (JSON) if the operation succeeds.
    pub answer: &'a str,
    /// (URL, form body) of the callback to send, if the request named one.
    pub callback: Option<(&'a str, &'a str)>,
    pub now: i64,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Performed {
    /// Applied; the answer is `Perform::answer`.
    Done,
    /// Seen before within the window: the first answer.
    Replay { status: u16, body: String },
    /// The Idempotency-Key was used for a different request.
    KeyReused,
    /// The payment's state or amounts do not allow it (nothing changed).
    Refused,
}

async fn exec(txn: &DatabaseTransaction, sql: &str, values: Vec<Value>) -> anyhow::Result<u64> {
    let backend = txn.get_database_backend();
    Ok(txn
        .execute_raw(statement(backend, sql, values))
        .await?
        .rows_affected())
}

const EXPIRE_KEY: &str =
    "DELETE FROM idempotency_keys WHERE merchant_id = $1 AND scope_key = $2 AND created_at < $3";
const CLAIM_KEY: &str = "INSERT INTO idempotency_keys
        (merchant_id, scope_key, request_digest, response_status, response_body, created_at)
     VALUES ($1, $2, $3, 200, $4, $5)";
const RECORD_OPERATION: &str = "INSERT INTO operations
        (id, payment_id, merchant_id, kind, amount_minor, amount_text, currency, result, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'completed', $8)";
const FIRST_ANSWER: &str = "SELECT request_digest, response_status, response_body
     FROM idempotency_keys WHERE merchant_id = $1 AND scope_key = $2";

/// Every statement of one operation with its values, owned, so either backend can run it.
struct Plan {
    expire: Vec<Value>,
    claim: Vec<Value>,
    apply: (&'static str, Vec<Value>),
    record: Vec<Value>,
    callback: Option<NewCallback>,
    merchant_id: String,
    scope_key: String,
    digest: String,
    now: i64,
}

fn plan(p: &Perform<'_>) -> Plan {
    let apply: (&'static str, Vec<Value>) = match p.op {
        Operation::Capture(amount) => (
            "UPDATE payments SET captured_minor = captured_minor + $1, status = 'captured',
                 updated_at = $2
             WHERE id = $3 AND transaction_type = 'authorization'
               AND status IN ('authorized', 'captured') AND captured_minor + $1 <= authorized_minor",
            vec![amount.into(), p.now.into(), p.payment_id.into()],
        ),
        Operation::Refund(amount) => (
            "UPDATE payments SET refunded_minor = refunded_minor + $1, updated_at = $2
             WHERE id = $3 AND status = 'captured' AND refunded_minor + $1 <= captured_minor",
            vec![amount.into(), p.now.into(), p.payment_id.into()],
        ),
        Operation::Void => (
            "UPDATE payments SET status = 'voided', updated_at = $1
             WHERE id = $2 AND status = 'authorized' AND captured_minor = 0",
            vec![p.now.into(), p.payment_id.into()],
        ),
    };
    let amount = match p.op {
        Operation::Capture(a) | Operation::Refund(a) => Some(a),
        Operation::Void => None,
    };
    Plan {
        expire: vec![
            p.merchant_id.into(),
            p.scope_key.into(),
            (p.now - REPLAY_WINDOW_MS).into(),
        ],
        claim: vec![
            p.merchant_id.into(),
            p.scope_key.into(),
            p.request_digest.into(),
            p.answer.into(),
            p.now.into(),
        ],
        apply,
        record: vec![
            p.operation_id.into(),
            p.payment_id.into(),
            p.merchant_id.into(),
            p.op.kind().as_str().into(),
            amount.into(),
            p.amount_text.map(str::to_string).into(),
            p.currency.into(),
            p.now.into(),
        ],
        callback: p.callback.map(|(url, body)| NewCallback {
            payment_id: p.payment_id.to_string(),
            merchant_id: p.merchant_id.to_string(),
            url: url.to_string(),
            body: body.to_string(),
            result: "completed".to_string(),
            operation_id: Some(p.operation_id.to_string()),
        }),
        merchant_id: p.merchant_id.to_string(),
        scope_key: p.scope_key.to_string(),
        digest: p.request_digest.to_string(),
        now: p.now,
    }
}

fn answer(digest: &str, stored_digest: &str, status: i32, body: String) -> Performed {
    if stored_digest != digest {
        return Performed::KeyReused;
    }
    Performed::Replay {
        status: u16::try_from(status).unwrap_or(200),
        body,
    }
}

pub async fn perform(db: &Db, p: Perform<'_>) -> anyhow::Result<Performed> {
    let plan = plan(&p);
    if let Some(lite) = db.lite() {
        return lite.write(move |c| perform_sqlite(c, plan)).await;
    }
    let txn = db.begin().await?;
    exec(&txn, EXPIRE_KEY, plan.expire)
        .await
        .context("expiring an idempotency key")?;
    if let Err(e) = exec(&txn, CLAIM_KEY, plan.claim).await {
        txn.rollback().await?;
        let unique = e
            .downcast_ref::<sea_orm::DbErr>()
            .is_some_and(is_unique_violation);
        if !unique {
            return Err(e.context("claiming an idempotency key"));
        }
        return first_answer(db, &plan.merchant_id, &plan.scope_key, &plan.digest).await;
    }
    let (sql, values) = plan.apply;
    if exec(&txn, sql, values)
        .await
        .context("applying an operation")?
        != 1
    {
        txn.rollback().await?;
        return Ok(Performed::Refused);
    }
    exec(&txn, RECORD_OPERATION, plan.record)
        .await
        .context("recording an operation")?;
    if let Some(cb) = &plan.callback {
        callbacks::enqueue(&txn, cb, plan.now).await?;
    }
    txn.commit().await?;
    Ok(Performed::Done)
}

/// [`perform`] as one unit of work on the SQLite writer. A refusal or a replay rolls back to
/// the unit's own savepoint, so it changes nothing, as the transaction's rollback does above.
fn perform_sqlite(c: &rusqlite::Connection, plan: Plan) -> anyhow::Result<Performed> {
    use super::lite::exec;
    c.prepare_cached("SAVEPOINT operation")?.execute([])?;
    let undo = |c: &rusqlite::Connection| -> anyhow::Result<()> {
        c.prepare_cached("ROLLBACK TO operation")?.execute([])?;
        c.prepare_cached("RELEASE operation")?.execute([])?;
        Ok(())
    };
    exec(c, EXPIRE_KEY, plan.expire).context("expiring an idempotency key")?;
    match exec(c, CLAIM_KEY, plan.claim) {
        Ok(_) => {}
        Err(e) if super::lite::is_unique_violation(&e) => {
            undo(c)?;
            let (stored, status, body): (String, i32, String) = c
                .prepare_cached(&sql_for(DatabaseBackend::Sqlite, FIRST_ANSWER))?
                .query_row([&plan.merchant_id, &plan.scope_key], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
            return Ok(answer(&plan.digest, &stored, status, body));
        }
        Err(e) => return Err(anyhow::Error::new(e).context("claiming an idempotency key")),
    }
    let (sql, values) = plan.apply;
    if exec(c, sql, values).context("applying an operation")? != 1 {
        undo(c)?;
        return Ok(Performed::Refused);
    }
    exec(c, RECORD_OPERATION, plan.record).context("recording an operation")?;
    if let Some(cb) = &plan.callback {
        callbacks::enqueue_sqlite(c, cb, plan.now)?;
    }
    c.prepare_cached("RELEASE operation")?.execute([])?;
    Ok(Performed::Done)
}

async fn first_answer(
    db: &Db,
    merchant_id: &str,
    scope_key: &str,
    digest: &str,
) -> anyhow::Result<Performed> {
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(statement(
            backend,
            FIRST_ANSWER,
            [merchant_id.into(), scope_key.into()],
        ))
        .await?
        .context("an idempotency key that conflicted is gone")?;
    let stored: String = row.try_get_by_index(0)?;
    Ok(answer(
        digest,
        &stored,
        row.try_get_by_index(1)?,
        row.try_get_by_index(2)?,
    ))
}

/// One row of a payment's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationRow {
    pub id: String,
    pub kind: String,
    pub amount_minor: Option<i64>,
    pub result: String,
    pub created_at: i64,
}

/// A payment's operations, oldest first.
pub async fn for_payment(db: &Db, payment_id: &str) -> anyhow::Result<Vec<OperationRow>> {
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(statement(
            backend,
            "SELECT id, kind, amount_minor, result, created_at FROM operations
                 WHERE payment_id = $1 ORDER BY created_at, id",
            [payment_id.into()],
        ))
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(OperationRow {
                id: r.try_get_by_index(0)?,
                kind: r.try_get_by_index(1)?,
                amount_minor: r.try_get_by_index(2)?,
                result: r.try_get_by_index(3)?,
                created_at: r.try_get_by_index(4)?,
            })
        })
        .collect()
}
