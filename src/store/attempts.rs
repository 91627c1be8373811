//! The pay step's attempt in flight, kept on the payment: recorded before the processor is
//! called (its idempotency key and when it started), cleared by the change that applies the
//! outcome, and found again when a crash left it in between.

use super::db::Db;
use super::now_millis;
use super::payments::{Payment, columns, payment};
use super::sql::Sql;
use crate::domain::payment::Status;
use anyhow::Context;

/// No processor call starts once the payment's time has come, even before the sweep has
/// marked it expired: the storefront is about to be told it failed.
static START_ATTEMPT: Sql = Sql::new(
    "UPDATE payments SET attempt_key = $1, attempt_at = $2, updated_at = $2,
         card_brand = COALESCE($3, card_brand), card_last4 = COALESCE($4, card_last4)
     WHERE id = $5 AND status = $6 AND declines = $7
       AND (expires_at IS NULL OR expires_at > $2)",
);

/// Records, before the processor is called, that an attempt with `key` is in flight for the
/// payment (with the card's brand and last four digits, if it is a new card); returns false if
/// the payment is no longer in `from` with `from_declines`, or its time has come.
pub async fn start(
    db: &Db,
    id: &str,
    (from, from_declines): (Status, i32),
    key: &str,
    card: Option<(&str, &str)>,
) -> anyhow::Result<bool> {
    let changed = db
        .exec(
            &START_ATTEMPT,
            params![
                key,
                now_millis(),
                card.map(|(b, _)| b),
                card.map(|(_, l)| l),
                id,
                from.as_str(),
                from_declines,
            ],
        )
        .await
        .context("recording a pay attempt")?;
    Ok(changed == 1)
}

static STRANDED: Sql = Sql::new(concat!(
    "SELECT ",
    columns!(),
    " FROM payments WHERE attempt_at IS NOT NULL AND attempt_at < $1 ORDER BY attempt_at LIMIT $2"
));

/// Payments whose processor call started before `before` and whose outcome was never applied:
/// the process died in between (or the call is still running elsewhere, if `before` is too
/// recent).
pub async fn stranded(db: &Db, before: i64, limit: u64) -> anyhow::Result<Vec<Payment>> {
    db.fetch_all(&STRANDED, params![before, limit as i64], payment)
        .await
}

static ABANDON_ATTEMPT: Sql = Sql::new(
    "UPDATE payments SET attempt_key = NULL, attempt_at = NULL, updated_at = $1
     WHERE id = $2 AND attempt_key = $3",
);

/// Forgets an attempt the processor never received: the payment is as before it.
pub async fn abandon(db: &Db, id: &str, key: &str) -> anyhow::Result<bool> {
    Ok(db
        .exec(&ABANDON_ATTEMPT, params![now_millis(), id, key])
        .await
        .context("abandoning a pay attempt")?
        == 1)
}
