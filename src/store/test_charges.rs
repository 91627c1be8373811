//! The test processor's ledger. `record` inserts the outcome for an idempotency key unless one is
//! there, then returns the stored one: concurrent calls with one key agree and charge once.

use super::db::Db;
use super::now_millis;
use super::sql::{Row, Sql};
use anyhow::Context;

/// One ledger entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Charge {
    pub idempotency_key: String,
    pub payment_id: String,
    pub outcome: String,
    pub message: Option<String>,
    pub amount_minor: i64,
    pub currency: String,
    pub card_brand: String,
    pub card_last4: String,
}

fn charge(r: &Row<'_>) -> anyhow::Result<Charge> {
    Ok(Charge {
        idempotency_key: r.get(0)?,
        payment_id: r.get(1)?,
        outcome: r.get(2)?,
        message: r.get(3)?,
        amount_minor: r.get(4)?,
        currency: r.get(5)?,
        card_brand: r.get(6)?,
        card_last4: r.get(7)?,
    })
}

static INSERT: Sql = Sql::new(
    "INSERT INTO test_processor_charges (idempotency_key, payment_id, outcome, message,
         amount_minor, currency, card_brand, card_last4, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (idempotency_key) DO NOTHING",
);
static BY_KEY: Sql = Sql::new(
    "SELECT idempotency_key, payment_id, outcome, message, amount_minor, currency, card_brand,
         card_last4
     FROM test_processor_charges WHERE idempotency_key = $1",
);

/// Stores `charge` if its key is new; returns what the ledger holds for the key. The insert is
/// one statement (on SQLite no savepoint of its own); only a key already there is read back,
/// after the insert has returned, when the entry holding the key is committed.
pub async fn record(db: &Db, charge: Charge) -> anyhow::Result<Charge> {
    let inserted = db
        .exec(
            &INSERT,
            params![
                charge.idempotency_key.as_str(),
                charge.payment_id.as_str(),
                charge.outcome.as_str(),
                charge.message.clone(),
                charge.amount_minor,
                charge.currency.as_str(),
                charge.card_brand.as_str(),
                charge.card_last4.as_str(),
                now_millis(),
            ],
        )
        .await
        .context("recording a test charge")?;
    if inserted == 1 {
        // Ours is the ledger's entry for this key: no need to read it back.
        return Ok(charge);
    }
    find(db, &charge.idempotency_key)
        .await?
        .context("a recorded test charge is missing")
}

/// The ledger's entry for a key, if the charge was ever made.
pub async fn find(db: &Db, idempotency_key: &str) -> anyhow::Result<Option<Charge>> {
    db.fetch_optional(&BY_KEY, params![idempotency_key], charge)
        .await
}
