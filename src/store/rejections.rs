//! The signature doctor's rejections list (protocol.md section 10): one row per refused
//! signature of a known merchant, values redacted to field names, kept 7 days and at most 100
//! per merchant (older rows go in the same unit of work as each new one).

use super::db::Db;
use super::sql::Sql;
use crate::crypto::sortable_hex;

pub const KEEP_MS: i64 = 7 * 24 * 3600 * 1000;
pub const KEEP_ROWS: i64 = 100;

#[derive(Debug, Clone)]
pub struct Rejection {
    pub diagnosis: String,
    pub path: String,
    /// The names of the fields sent, in the order sent, comma-separated.
    pub fields: String,
    pub ip: Option<String>,
    pub at: i64,
}

static INSERT: Sql = Sql::new(
    "INSERT INTO signature_rejections (id, account_id, diagnosis, path, fields, ip, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)",
);
static PRUNE: Sql = Sql::new(
    "DELETE FROM signature_rejections WHERE account_id = $1 AND (at < $2 OR id NOT IN (
         SELECT id FROM signature_rejections WHERE account_id = $1
         ORDER BY at DESC, id DESC LIMIT $3))",
);
static LIST: Sql = Sql::new(
    "SELECT diagnosis, path, fields, ip, at FROM signature_rejections
     WHERE account_id = $1 AND at >= $2 ORDER BY at DESC, id DESC LIMIT $3",
);

/// Records a rejection and drops what is past the limits.
pub async fn record(db: &Db, account_id: &str, r: &Rejection) -> anyhow::Result<()> {
    let insert = params![
        sortable_hex::<6>(),
        account_id,
        r.diagnosis.as_str(),
        r.path.as_str(),
        r.fields.as_str(),
        r.ip.as_deref(),
        r.at
    ];
    let prune = params![account_id, r.at - KEEP_MS, KEEP_ROWS];
    db.write(move |tx| {
        Box::pin(async move {
            tx.exec(&INSERT, insert).await?;
            tx.exec(&PRUNE, prune).await?;
            Ok(())
        })
    })
    .await
}

/// The merchant's rejections of the last 7 days, newest first.
pub async fn list(db: &Db, account_id: &str, now: i64) -> anyhow::Result<Vec<Rejection>> {
    db.fetch_all(&LIST, params![account_id, now - KEEP_MS, KEEP_ROWS], |r| {
        Ok(Rejection {
            diagnosis: r.get(0)?,
            path: r.get(1)?,
            fields: r.get(2)?,
            ip: r.get(3)?,
            at: r.get(4)?,
        })
    })
    .await
}
