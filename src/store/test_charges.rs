//! The test processor's ledger. `record` inserts the outcome for an idempotency key unless one is
//! there, then returns the stored one: concurrent calls with one key agree and charge once.

use super::entities::test_charge;
use super::{Db, is_unique_violation, now_millis};
use anyhow::Context;
use sea_orm::{ActiveValue::Set, EntityTrait};

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

/// Stores `charge` if its key is new; returns what the ledger holds for the key.
pub async fn record(db: &Db, charge: Charge) -> anyhow::Result<Charge> {
    if let Some(lite) = db.lite() {
        return lite
            .write(move |c| record_sqlite(c, charge))
            .await
            .context("recording a test charge");
    }
    let model = test_charge::ActiveModel {
        idempotency_key: Set(charge.idempotency_key.clone()),
        payment_id: Set(charge.payment_id.clone()),
        outcome: Set(charge.outcome.clone()),
        message: Set(charge.message.clone()),
        amount_minor: Set(charge.amount_minor),
        currency: Set(charge.currency.clone()),
        card_brand: Set(charge.card_brand.clone()),
        card_last4: Set(charge.card_last4.clone()),
        created_at: Set(now_millis()),
    };
    match test_charge::Entity::insert(model).exec(db.orm()).await {
        // Ours is the ledger's entry for this key: no need to read it back.
        Ok(_) => return Ok(charge),
        Err(e) if is_unique_violation(&e) => {}
        Err(e) => return Err(e).context("recording a test charge"),
    }
    let m = test_charge::Entity::find_by_id(charge.idempotency_key)
        .one(db.orm())
        .await?
        .context("a recorded test charge is missing")?;
    Ok(Charge {
        idempotency_key: m.idempotency_key,
        payment_id: m.payment_id,
        outcome: m.outcome,
        message: m.message,
        amount_minor: m.amount_minor,
        currency: m.currency,
        card_brand: m.card_brand,
        card_last4: m.card_last4,
    })
}

/// [`record`] as one unit of work on the SQLite writer: the insert and, for a known key, the
/// read of the stored entry.
fn record_sqlite(conn: &rusqlite::Connection, charge: Charge) -> anyhow::Result<Charge> {
    let inserted = conn
        .prepare_cached(
            "INSERT INTO test_processor_charges (idempotency_key, payment_id, outcome, message, amount_minor,
                 currency, card_brand, card_last4, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (idempotency_key) DO NOTHING",
        )?
        .execute(rusqlite::params![
            charge.idempotency_key,
            charge.payment_id,
            charge.outcome,
            charge.message,
            charge.amount_minor,
            charge.currency,
            charge.card_brand,
            charge.card_last4,
            now_millis(),
        ])?;
    if inserted == 1 {
        return Ok(charge);
    }
    Ok(conn
        .prepare_cached(
            "SELECT idempotency_key, payment_id, outcome, message, amount_minor, currency,
                 card_brand, card_last4
             FROM test_processor_charges WHERE idempotency_key = ?1",
        )?
        .query_row([&charge.idempotency_key], |r| {
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
        })?)
}
