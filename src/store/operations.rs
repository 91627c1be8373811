//! Order-management writes, one unit of work per operation: claim the idempotency key (its
//! unique index decides replays; a concurrent duplicate waits for the first to commit and then
//! reads its answer), apply the money change as one conditional update whose `WHERE` is the
//! domain rule, write the operation row, its callback and (from the dashboard) its audit row,
//! and keep the answer. A refusal rolls everything back, so an error changes nothing.

use super::audit;
use super::db::{Db, Tx};
use super::idempotency::EXPIRE_KEY;
use super::objects::{OperationObject, PaymentObject};
use super::outbox::{self, NewCallback};
use super::payments;
use super::sql::{Sql, Value};
use super::webhooks::{self, EventObject, NewEvent};
use crate::domain::operations::{Operation, OperationKind};
use anyhow::Context;

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
    pub answer: Answer<'a>,
    /// (URL, form body) of the callback to send, if the request named one.
    pub callback: Option<(&'a str, &'a str)>,
    /// Who asked, for the audit log (the dashboard's operations; the API's are the
    /// operations table's alone).
    pub audit: Option<audit::Change>,
    pub now: i64,
}

/// What a successful operation answers, kept for replays.
#[derive(Debug, Clone, Copy)]
pub enum Answer<'a> {
    /// Made before the write: the signed values of order management.
    Ready(&'a str),
    /// The sessions API's operation object, made in the unit of work from the payment as the
    /// operation leaves it (so concurrent operations each report their own result).
    ApiOperation,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Performed {
    /// Applied, with the answer kept; `queued`: a callback or webhook is waiting to be sent.
    Done { body: String, queued: bool },
    /// Seen before within the window: the first answer.
    Replay { status: u16, body: String },
    /// The Idempotency-Key was used for a different request.
    KeyReused,
    /// The payment's state or amounts do not allow it (nothing changed).
    Refused,
}

/// Claims the key, or, if another request holds it, does nothing: on PostgreSQL a concurrent
/// duplicate waits here for the first to commit (and then reads its answer), and the
/// transaction stays usable, as no error was raised.
static CLAIM_KEY: Sql = Sql::new(
    "INSERT INTO idempotency_keys
         (merchant_id, scope_key, request_digest, response_status, response_body, created_at)
     VALUES ($1, $2, $3, 200, $4, $5)
     ON CONFLICT (merchant_id, scope_key) DO NOTHING",
);
static RECORD_OPERATION: Sql = Sql::new(
    "INSERT INTO operations
         (id, payment_id, merchant_id, kind, amount_minor, amount_text, currency, result,
          created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'completed', $8)",
);
static SET_ANSWER: Sql = Sql::new(
    "UPDATE idempotency_keys SET response_body = $3 WHERE merchant_id = $1 AND scope_key = $2",
);
static FIRST_ANSWER: Sql = Sql::new(
    "SELECT request_digest, response_status, response_body
     FROM idempotency_keys WHERE merchant_id = $1 AND scope_key = $2",
);
static CAPTURE: Sql = Sql::new(
    "UPDATE payments SET captured_minor = captured_minor + $1, status = 'captured',
         updated_at = $2
     WHERE id = $3 AND transaction_type = 'authorization'
       AND status IN ('authorized', 'captured') AND $1 > 0
       AND $1 <= authorized_minor - captured_minor",
);
static REFUND: Sql = Sql::new(
    "UPDATE payments SET refunded_minor = refunded_minor + $1, updated_at = $2
     WHERE id = $3 AND status = 'captured' AND $1 > 0 AND $1 <= captured_minor - refunded_minor",
);
static VOID: Sql = Sql::new(
    "UPDATE payments SET status = 'voided', updated_at = $1
     WHERE id = $2 AND status = 'authorized' AND captured_minor = 0",
);

/// The domain rule of [`crate::domain::operations::apply`] as one conditional update of the
/// payment: it changes one row exactly when the rule allows the operation. An amount is held
/// against what is left (`$1 <= authorized - captured`), so the largest i64 the sessions API
/// takes cannot overflow the sum (an error on PostgreSQL, a float on SQLite). The two are checked
/// against each other, case by case, on both databases (tests/api/rules.rs).
pub async fn apply(tx: Tx<'_>, payment_id: &str, op: Operation, now: i64) -> anyhow::Result<bool> {
    let changed = match op {
        Operation::Capture(amount) => tx.exec(&CAPTURE, params![amount, now, payment_id]).await?,
        Operation::Refund(amount) => tx.exec(&REFUND, params![amount, now, payment_id]).await?,
        Operation::Void => tx.exec(&VOID, params![now, payment_id]).await?,
    };
    Ok(changed == 1)
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

/// Performs an operation as one unit of work. A refusal or a replay undoes the unit, so it
/// changes nothing.
pub async fn perform(db: &Db, p: Perform<'_>) -> anyhow::Result<Performed> {
    let amount = match p.op {
        Operation::Capture(a) | Operation::Refund(a) => Some(a),
        Operation::Void => None,
    };
    let (merchant_id, scope_key, digest) = (
        p.merchant_id.to_string(),
        p.scope_key.to_string(),
        p.request_digest.to_string(),
    );
    let ready = match p.answer {
        Answer::Ready(body) => Some(body.to_string()),
        Answer::ApiOperation => None,
    };
    let claim: Vec<Value> = params![
        p.merchant_id,
        p.scope_key,
        p.request_digest,
        ready.clone().unwrap_or_default(),
        p.now
    ];
    let (operation_id, kind) = (p.operation_id.to_string(), p.op.kind());
    let record: Vec<Value> = params![
        p.operation_id,
        p.payment_id,
        p.merchant_id,
        p.op.kind().as_str(),
        amount,
        p.amount_text,
        p.currency,
        p.now,
    ];
    let callback = p.callback.map(|(url, body)| NewCallback {
        payment_id: p.payment_id.to_string(),
        merchant_id: p.merchant_id.to_string(),
        url: url.to_string(),
        body: body.to_string(),
        result: "completed".to_string(),
        operation_id: Some(p.operation_id.to_string()),
    });
    let (payment_id, op, now, by) = (p.payment_id.to_string(), p.op, p.now, p.audit);
    db.write(move |tx| {
        Box::pin(async move {
            tx.exec(
                &EXPIRE_KEY,
                params![
                    merchant_id.as_str(),
                    scope_key.as_str(),
                    now - REPLAY_WINDOW_MS
                ],
            )
            .await
            .context("expiring an idempotency key")?;
            if tx
                .exec(&CLAIM_KEY, claim)
                .await
                .context("claiming an idempotency key")?
                == 0
            {
                tx.discard();
                let (stored, status, body): (String, i32, String) = tx
                    .fetch_optional(
                        &FIRST_ANSWER,
                        params![merchant_id.as_str(), scope_key.as_str()],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )
                    .await?
                    .context("an idempotency key that conflicted is gone")?;
                return Ok(answer(&digest, &stored, status, body));
            }
            if !apply(tx, &payment_id, op, now)
                .await
                .context("applying an operation")?
            {
                tx.discard();
                return Ok(Performed::Refused);
            }
            tx.exec(&RECORD_OPERATION, record)
                .await
                .context("recording an operation")?;
            let event_type = match kind {
                OperationKind::Capture => "payment.captured",
                OperationKind::Refund => "payment.refunded",
                OperationKind::Void => "payment.voided",
            };
            let endpoints = webhooks::subscribed(tx, &merchant_id, event_type).await?;
            // The payment as the operation left it: for its event and the API's answer only.
            let after = match (endpoints.is_empty(), &ready) {
                (true, Some(_)) => None,
                _ => Some(
                    payments::find_in(tx, &payment_id)
                        .await?
                        .context("an operated payment is gone")?,
                ),
            };
            let mut webhooks = 0;
            if let Some(after) = after.as_ref().filter(|_| !endpoints.is_empty()) {
                let event = NewEvent {
                    event_type,
                    merchant_id: after.merchant_id.clone(),
                    payment_id: after.id.clone(),
                    object: EventObject::Payment(PaymentObject::of(after)),
                    at: now,
                };
                webhooks = webhooks::queue(tx, &endpoints, &event, now).await?;
            }
            let body = match (ready, &after) {
                (Some(body), _) => body,
                (None, None) => anyhow::bail!("an API operation without its payment"),
                (None, Some(after)) => {
                    let body = OperationObject::of(&operation_id, kind, amount, after)
                        .json()
                        .to_string();
                    tx.exec(
                        &SET_ANSWER,
                        params![merchant_id.as_str(), scope_key.as_str(), body.as_str()],
                    )
                    .await
                    .context("keeping an operation's answer")?;
                    body
                }
            };
            if let Some(cb) = &callback {
                outbox::enqueue(tx, cb, now).await?;
            }
            if let Some(change) = &by {
                change.record_in(tx).await?;
            }
            Ok(Performed::Done {
                body,
                queued: callback.is_some() || webhooks > 0,
            })
        })
    })
    .await
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

static OF_PAYMENT: Sql = Sql::new(
    "SELECT id, kind, amount_minor, result, created_at FROM operations
     WHERE payment_id = $1 ORDER BY created_at, id",
);

/// A payment's operations, oldest first.
pub async fn for_payment(db: &Db, payment_id: &str) -> anyhow::Result<Vec<OperationRow>> {
    db.fetch_all(&OF_PAYMENT, params![payment_id], |r| {
        Ok(OperationRow {
            id: r.get(0)?,
            kind: r.get(1)?,
            amount_minor: r.get(2)?,
            result: r.get(3)?,
            created_at: r.get(4)?,
        })
    })
    .await
}
