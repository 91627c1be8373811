//! `Idempotency-Key` for every POST of the sessions API (protocol.md section 11, T16): the first
//! request with a key claims it, runs, and keeps its status and body for 24 h; the same key and
//! body get that answer again, the same key with another body is refused, and a request that
//! arrives while the first is still running waits for its answer. Keys live in the same table
//! as order management's replay scopes, under their own `v1:` scope.
//!
//! A claim left by a process that died mid-request is taken over after [`STALE_CLAIM_MS`]; the
//! operations behind the API are idempotent of their own (order management claims its key in
//! its own unit of work), so running such a request again cannot do its work twice.

use super::db::Db;
use super::sql::Sql;
use anyhow::Context;

/// How long a key replays its first answer.
pub const REPLAY_WINDOW_MS: i64 = 24 * 60 * 60 * 1000;
/// An unfinished claim older than this belonged to a request that will not finish.
pub const STALE_CLAIM_MS: i64 = 60 * 1000;
/// The `response_status` of a claim whose request is still running.
const RUNNING: i32 = 0;

/// Forgets a key's answer once the window has passed.
pub(crate) static EXPIRE_KEY: Sql = Sql::new(
    "DELETE FROM idempotency_keys WHERE merchant_id = $1 AND scope_key = $2 AND created_at < $3",
);
static CLAIM: Sql = Sql::new(
    "INSERT INTO idempotency_keys
         (merchant_id, scope_key, request_digest, response_status, response_body, created_at)
     VALUES ($1, $2, $3, 0, '', $4)
     ON CONFLICT (merchant_id, scope_key) DO NOTHING",
);
static TAKE_OVER: Sql = Sql::new(
    "UPDATE idempotency_keys SET created_at = $4
     WHERE merchant_id = $1 AND scope_key = $2 AND request_digest = $3
       AND response_status = 0 AND created_at < $5",
);
static STORED: Sql = Sql::new(
    "SELECT request_digest, response_status, response_body
     FROM idempotency_keys WHERE merchant_id = $1 AND scope_key = $2",
);
static FINISH: Sql = Sql::new(
    "UPDATE idempotency_keys SET response_status = $3, response_body = $4
     WHERE merchant_id = $1 AND scope_key = $2 AND response_status = 0",
);
static RELEASE: Sql = Sql::new(
    "DELETE FROM idempotency_keys
     WHERE merchant_id = $1 AND scope_key = $2 AND response_status = 0",
);

/// What a request with a key may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// Run it; then [`finish`] (or [`release`] if it failed on our side).
    Fresh,
    /// Answer this, as the first request was answered.
    Replay { status: u16, body: String },
    /// The key was used for a different request.
    Mismatch,
    /// The first request with this key is still running.
    Running,
}

/// Claims `key` of `merchant_id` for a request whose digest is `digest`.
pub async fn claim(
    db: &Db,
    merchant_id: &str,
    key: &str,
    digest: &str,
    now: i64,
) -> anyhow::Result<Claim> {
    let scope = format!("v1:{key}");
    let (merchant, digest_text) = (merchant_id.to_string(), digest.to_string());
    db.write(move |tx| {
        Box::pin(async move {
            let (m, s, d) = (merchant.as_str(), scope.as_str(), digest_text.as_str());
            tx.exec(&EXPIRE_KEY, params![m, s, now - REPLAY_WINDOW_MS])
                .await
                .context("expiring an idempotency key")?;
            if tx
                .exec(&CLAIM, params![m, s, d, now])
                .await
                .context("claiming an idempotency key")?
                == 1
            {
                return Ok(Claim::Fresh);
            }
            let (stored, status, body): (String, i32, String) = tx
                .fetch_optional(&STORED, params![m, s], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })
                .await?
                .context("an idempotency key that conflicted is gone")?;
            if stored != d {
                return Ok(Claim::Mismatch);
            }
            if status != RUNNING {
                return Ok(Claim::Replay {
                    status: u16::try_from(status).unwrap_or(500),
                    body,
                });
            }
            let stale = now - STALE_CLAIM_MS;
            if tx.exec(&TAKE_OVER, params![m, s, d, now, stale]).await? == 1 {
                return Ok(Claim::Fresh);
            }
            Ok(Claim::Running)
        })
    })
    .await
}

/// Keeps the answer of the request that claimed `key`.
pub async fn finish(
    db: &Db,
    merchant_id: &str,
    key: &str,
    status: u16,
    body: &str,
) -> anyhow::Result<()> {
    db.exec(
        &FINISH,
        params![merchant_id, format!("v1:{key}"), i32::from(status), body],
    )
    .await
    .context("keeping an idempotent answer")?;
    Ok(())
}

/// Lets `key` be used again (its request failed before doing anything to keep).
pub async fn release(db: &Db, merchant_id: &str, key: &str) -> anyhow::Result<()> {
    db.exec(&RELEASE, params![merchant_id, format!("v1:{key}")])
        .await
        .context("releasing an idempotency key")?;
    Ok(())
}
