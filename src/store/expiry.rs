//! Expiry of unpaid payments (protocol.md section 14) as stored: the ones due, the change that
//! expires one (a single conditional update, so of several processes sweeping one database
//! exactly one expires each payment, and only that one queues its callback), and the reopening
//! of a cancelled payment, which its time ends.
//!
//! The statuses named here are those of `Status::expirable`, and the due query repeats the
//! partial index's predicate (migration 000008) word for word, so both engines use the index.

use super::db::{Db, Tx};
use super::now_millis;
use super::outbox::{self, NewCallback};
use super::payments::{Payment, columns, payment};
use super::sql::Sql;
use crate::domain::response::ResponseValues;
use anyhow::Context;

static DUE: Sql = Sql::new(concat!(
    "SELECT ",
    columns!(),
    " FROM payments
     WHERE status IN ('open', 'challenge', 'cancelled') AND attempt_key IS NULL
       AND expires_at <= $1
     ORDER BY expires_at LIMIT $2"
));

/// Unpaid payments with no processor call in flight whose time came by `now`, oldest first.
pub async fn due(db: &Db, now: i64, limit: u64) -> anyhow::Result<Vec<Payment>> {
    db.fetch_all(&DUE, params![now, limit as i64], payment)
        .await
        .context("finding payments due to expire")
}

/// The same conditions as [`DUE`], checked again by the update itself: whoever changes the row
/// first expires it; a processor call started since keeps it as it is.
static EXPIRE_IF: Sql = Sql::new(
    "UPDATE payments SET status = 'expired', response = $1, updated_at = $2
     WHERE id = $3 AND status IN ('open', 'challenge', 'cancelled') AND attempt_key IS NULL
       AND expires_at <= $2",
);

/// Expires payment `id` if it is still due at `now`, with its signed `response`, and queues
/// `callback` with it, in the caller's unit of work; returns whether this call expired it.
/// Nothing is queued when it did not.
pub async fn expire_if(
    tx: Tx<'_>,
    id: &str,
    now: i64,
    response: &ResponseValues,
    callback: Option<&NewCallback>,
) -> anyhow::Result<bool> {
    let expired = tx
        .exec(
            &EXPIRE_IF,
            params![serde_json::to_string(response)?, now, id],
        )
        .await
        .context("expiring a payment")?
        == 1;
    if expired && let Some(callback) = callback {
        outbox::enqueue(tx, callback, now).await?;
    }
    Ok(expired)
}

static BRING_FORWARD: Sql = Sql::new(
    "UPDATE payments SET expires_at = $1, updated_at = $1
     WHERE id = $2 AND status IN ('open', 'challenge', 'cancelled') AND attempt_key IS NULL",
);

/// Makes an unpaid payment due to expire at `now` (a session expired on request); returns
/// whether it was still unpaid with no processor call in flight. The expiry itself is
/// [`expire_if`]'s, as for any due payment, so a crash in between leaves it to the sweep.
pub async fn bring_forward(db: &Db, id: &str, now: i64) -> anyhow::Result<bool> {
    Ok(db
        .exec(&BRING_FORWARD, params![now, id])
        .await
        .context("bringing a payment's expiry forward")?
        == 1)
}

static END_FAILED: Sql = Sql::new(
    "UPDATE payments SET expires_at = $1, updated_at = $1
     WHERE id = $2 AND status = 'failed' AND session_id IS NOT NULL
       AND (expires_at IS NULL OR expires_at > $1)",
);

/// Ends a session whose payment failed (it can take no more cards) at `now`, in the caller's
/// unit of work; the payment stays `failed`. Returns whether it was still running.
pub async fn end_failed_session(tx: Tx<'_>, id: &str, now: i64) -> anyhow::Result<bool> {
    Ok(tx
        .exec(&END_FAILED, params![now, id])
        .await
        .context("ending a failed session")?
        == 1)
}

static REOPEN: Sql = Sql::new(
    "UPDATE payments SET status = 'open', updated_at = $1
     WHERE id = $2 AND status = 'cancelled' AND attempt_key IS NULL
       AND (expires_at IS NULL OR expires_at > $1)",
);

/// Opens a cancelled payment again (its signed request was sent again: the shopper came back),
/// unless its time has come; returns whether it opened.
pub async fn reopen(db: &Db, id: &str) -> anyhow::Result<bool> {
    Ok(db
        .exec(&REOPEN, params![now_millis(), id])
        .await
        .context("reopening a cancelled payment")?
        == 1)
}

#[cfg(test)]
mod tests {
    use crate::domain::payment::Status;

    /// The statuses a statement lists in its first `status IN (…)`.
    fn listed(sql: &str) -> Vec<Status> {
        let start = sql.find("status IN (").expect("a status list") + "status IN (".len();
        let end = start + sql[start..].find(')').unwrap();
        sql[start..end]
            .split(',')
            .map(|s| Status::parse(s.trim().trim_matches('\'')).expect("a status"))
            .collect()
    }

    #[test]
    fn the_statements_expire_exactly_the_expirable_statuses() {
        let all = [
            "open",
            "challenge",
            "pending",
            "authorized",
            "captured",
            "failed",
            "cancelled",
            "voided",
            "expired",
        ]
        .map(|s| Status::parse(s).unwrap());
        let expirable: Vec<Status> = all.into_iter().filter(Status::expirable).collect();
        assert_eq!(listed(super::DUE.sqlite()), expirable);
        assert_eq!(listed(super::EXPIRE_IF.sqlite()), expirable);
    }

    #[tokio::test]
    async fn sqlite_finds_the_due_payments_through_the_partial_index() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gw.db");
        let options = crate::store::Options {
            url: format!("sqlite://{}?mode=rwc", path.display()),
            pool_size: 1,
            sqlite_synchronous_full: false,
        };
        crate::store::connect(&options).await.unwrap();
        let c = rusqlite::Connection::open(&path).unwrap();
        let plan: Vec<String> = c
            .prepare(&format!("EXPLAIN QUERY PLAN {}", super::DUE.sqlite()))
            .unwrap()
            .query_map(rusqlite::params![0i64, 100i64], |r| r.get(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(
            plan.iter().any(|l| l.contains("payments_due_for_expiry")),
            "{plan:?}"
        );
    }
}
