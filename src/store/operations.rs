//! Order-management writes, one transaction per operation: claim the idempotency key (its
//! unique index decides replays; a concurrent duplicate waits for the first to commit and then
//! reads its answer), apply the money change as one conditional update whose `WHERE` is the
//! domain rule, write the operation row and its callback, and keep the answer. A refusal rolls
//! everything back, so an error changes nothing.

use super::callbacks::{self, NewCallback};
use super::{Db, is_unique_violation, statement};
use crate::domain::operations::Operation;
use anyhow::Context;
use sea_orm::{ConnectionTrait, DatabaseTransaction, TransactionTrait, Value};

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

pub async fn perform(db: &Db, p: Perform<'_>) -> anyhow::Result<Performed> {
    let txn = db.begin().await?;
    exec(
        &txn,
        "DELETE FROM idempotency_keys WHERE merchant_id = $1 AND scope_key = $2 AND created_at < $3",
        vec![
            p.merchant_id.into(),
            p.scope_key.into(),
            (p.now - REPLAY_WINDOW_MS).into(),
        ],
    )
    .await
    .context("expiring an idempotency key")?;
    let claimed = exec(
        &txn,
        "INSERT INTO idempotency_keys
            (merchant_id, scope_key, request_digest, response_status, response_body, created_at)
         VALUES ($1, $2, $3, 200, $4, $5)",
        vec![
            p.merchant_id.into(),
            p.scope_key.into(),
            p.request_digest.into(),
            p.answer.into(),
            p.now.into(),
        ],
    )
    .await;
    if let Err(e) = claimed {
        txn.rollback().await?;
        let unique = e
            .downcast_ref::<sea_orm::DbErr>()
            .is_some_and(is_unique_violation);
        if !unique {
            return Err(e.context("claiming an idempotency key"));
        }
        return first_answer(db, p.merchant_id, p.scope_key, p.request_digest).await;
    }
    let (sql, values): (&str, Vec<Value>) = match p.op {
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
    if exec(&txn, sql, values)
        .await
        .context("applying an operation")?
        != 1
    {
        txn.rollback().await?;
        return Ok(Performed::Refused);
    }
    let amount = match p.op {
        Operation::Capture(a) | Operation::Refund(a) => Some(a),
        Operation::Void => None,
    };
    exec(
        &txn,
        "INSERT INTO operations
            (id, payment_id, merchant_id, kind, amount_minor, amount_text, currency, result, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'completed', $8)",
        vec![
            p.operation_id.into(),
            p.payment_id.into(),
            p.merchant_id.into(),
            p.op.kind().as_str().into(),
            amount.into(),
            p.amount_text.map(str::to_string).into(),
            p.currency.into(),
            p.now.into(),
        ],
    )
    .await
    .context("recording an operation")?;
    if let Some((url, body)) = p.callback {
        callbacks::enqueue(
            &txn,
            NewCallback {
                payment_id: p.payment_id,
                merchant_id: p.merchant_id,
                url,
                body,
                result: "completed",
                operation_id: Some(p.operation_id),
            },
            p.now,
        )
        .await?;
    }
    txn.commit().await?;
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
            "SELECT request_digest, response_status, response_body FROM idempotency_keys
                 WHERE merchant_id = $1 AND scope_key = $2",
            [merchant_id.into(), scope_key.into()],
        ))
        .await?
        .context("an idempotency key that conflicted is gone")?;
    let stored_digest: String = row.try_get_by_index(0)?;
    if stored_digest != digest {
        return Ok(Performed::KeyReused);
    }
    let status: i32 = row.try_get_by_index(1)?;
    Ok(Performed::Replay {
        status: u16::try_from(status).unwrap_or(200),
        body: row.try_get_by_index(2)?,
    })
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
