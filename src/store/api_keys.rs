//! API keys (protocol.md section 11, threat T26): `sk_test_…` or `sk_live_…` followed by 32
//! random bytes in hex, shown once at creation and stored only as their SHA-256 with a short
//! hint (`sk_test_…a1b2`) for the merchant to tell them apart. A key is looked up by its hash
//! through a unique index, so no comparison of secrets happens in our code; a revoked key is
//! never found again. Making and revoking a key write their audit row in the same unit of work
//! when someone is named as doing it.

use super::audit::{self, Change, Event};
use super::db::Db;
use super::merchants::Actor;
use super::sql::{Row, Sql};
use crate::crypto::{random_hex, sortable_hex};
use anyhow::Context;
use sha2::{Digest, Sha256};

/// A key as the API sees it once it is authenticated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKey {
    pub id: String,
    pub merchant_id: String,
    pub livemode: bool,
    pub hint: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

/// A key just made: the only time its secret exists outside the caller's hands.
pub struct Created {
    pub id: String,
    pub key: String,
}

pub const TEST_PREFIX: &str = "sk_test_";
pub const LIVE_PREFIX: &str = "sk_live_";

fn hash(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

/// Whether `key` has the shape of one of our keys (a cheap check before any query).
pub fn well_formed(key: &str) -> bool {
    let rest = key
        .strip_prefix(TEST_PREFIX)
        .or_else(|| key.strip_prefix(LIVE_PREFIX));
    rest.is_some_and(|r| r.len() == 64 && r.bytes().all(|b| b.is_ascii_hexdigit()))
}

static INSERT: Sql = Sql::new(
    "INSERT INTO api_keys (id, merchant_id, livemode, key_hash, hint, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)",
);

/// Makes a key for `merchant_id`; the caller shows `key` once. With `by`, its audit row is
/// written with it.
pub async fn create(
    db: &Db,
    merchant_id: &str,
    livemode: bool,
    now: i64,
    by: Option<&Actor>,
) -> anyhow::Result<Created> {
    let prefix = if livemode { LIVE_PREFIX } else { TEST_PREFIX };
    let key = format!("{prefix}{}", random_hex::<32>());
    let id = format!("key_{}", sortable_hex::<6>());
    let hint = format!("{prefix}…{}", &key[key.len() - 4..]);
    let mode = if livemode { "live" } else { "test" };
    let change = by.map(|by| {
        let detail = format!("{mode} API key {id} made");
        Change::by(merchant_id, by, Event::ApiKeyCreated, detail, now)
    });
    let row = params![id.as_str(), merchant_id, livemode, hash(&key), hint, now];
    audit::changed_with(db, &INSERT, row, change)
        .await
        .context("storing an API key")?;
    Ok(Created { id, key })
}

macro_rules! key_columns {
    () => {
        "id, merchant_id, livemode, hint, created_at, revoked_at"
    };
}

fn api_key(r: &Row<'_>) -> anyhow::Result<ApiKey> {
    Ok(ApiKey {
        id: r.get(0)?,
        merchant_id: r.get(1)?,
        livemode: r.get(2)?,
        hint: r.get(3)?,
        created_at: r.get(4)?,
        revoked_at: r.get(5)?,
    })
}

static BY_HASH: Sql = Sql::new(concat!(
    "SELECT ",
    key_columns!(),
    " FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL"
));

/// The live (not revoked) key whose secret is `key`.
pub async fn authenticate(db: &Db, key: &str) -> anyhow::Result<Option<ApiKey>> {
    if !well_formed(key) {
        return Ok(None);
    }
    db.fetch_optional(&BY_HASH, params![hash(key)], api_key)
        .await
        .context("looking up an API key")
}

static OF_MERCHANT: Sql = Sql::new(concat!(
    "SELECT ",
    key_columns!(),
    " FROM api_keys WHERE merchant_id = $1 ORDER BY created_at DESC, id DESC"
));

/// A merchant's keys, newest first, revoked ones included.
pub async fn list(db: &Db, merchant_id: &str) -> anyhow::Result<Vec<ApiKey>> {
    db.fetch_all(&OF_MERCHANT, params![merchant_id], api_key)
        .await
        .context("listing API keys")
}

static REVOKE: Sql = Sql::new(
    "UPDATE api_keys SET revoked_at = $3
     WHERE id = $1 AND merchant_id = $2 AND revoked_at IS NULL",
);

/// Revokes the merchant's key `id` (with its audit row, given `by`); false if there is no such
/// live key of this merchant, and then nothing is recorded.
pub async fn revoke(
    db: &Db,
    merchant_id: &str,
    id: &str,
    now: i64,
    by: Option<&Actor>,
) -> anyhow::Result<bool> {
    let change = by.map(|by| {
        let detail = format!("API key {id} revoked");
        Change::by(merchant_id, by, Event::ApiKeyRevoked, detail, now)
    });
    audit::changed_with(db, &REVOKE, params![id, merchant_id, now], change)
        .await
        .context("revoking an API key")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_shapes_are_well_formed() {
        let hex64 = "ab".repeat(32);
        assert!(well_formed(&format!("sk_test_{hex64}")));
        assert!(well_formed(&format!("sk_live_{hex64}")));
        assert!(!well_formed(&format!("sk_other_{hex64}")));
        assert!(!well_formed(&format!("sk_test_{}", &hex64[1..])));
        assert!(!well_formed(&format!("sk_test_{}zz", &hex64[2..])));
        assert!(!well_formed(""));
    }
}
