//! Merchants: creation with a fresh secret (stored sealed), look-up and listing.

use super::db::Db;
use super::now_millis;
use super::sql::{Row, Sql};
use crate::crypto::{DecryptError, MasterKey, random_bytes, random_hex};
use base64::Engine;
use secrecy::{SecretBox, SecretString};

#[derive(Debug, Clone)]
pub struct Merchant {
    pub account_id: String,
    pub name: String,
    pub test_only: bool,
    pub master_key_id: String,
    pub created_at: i64,
    sealed: Vec<u8>,
}

fn aad(account_id: &str) -> Vec<u8> {
    format!("offsite-gateway merchant secret:{account_id}").into_bytes()
}

impl Merchant {
    /// The merchant's signing secret.
    pub fn secret(&self, key: &MasterKey) -> Result<SecretBox<Vec<u8>>, DecryptError> {
        key.open(&self.sealed, &aad(&self.account_id))
    }
}

fn merchant(r: &Row<'_>) -> anyhow::Result<Merchant> {
    Ok(Merchant {
        account_id: r.get(0)?,
        name: r.get(1)?,
        test_only: r.get(2)?,
        master_key_id: r.get(3)?,
        created_at: r.get(4)?,
        sealed: r.get(5)?,
    })
}

static INSERT: Sql = Sql::new(
    "INSERT INTO merchants (account_id, name, test_only, secret_sealed, master_key_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)",
);
static BY_ID: Sql = Sql::new(
    "SELECT account_id, name, test_only, master_key_id, created_at, secret_sealed
     FROM merchants WHERE account_id = $1",
);
static ALL: Sql = Sql::new(
    "SELECT account_id, name, test_only, master_key_id, created_at, secret_sealed
     FROM merchants ORDER BY created_at",
);
static MASTER_KEY_IDS: Sql = Sql::new("SELECT DISTINCT master_key_id FROM merchants");

/// A new merchant; the secret is returned once and never stored in the clear.
pub struct Created {
    pub account_id: String,
    pub secret: SecretString,
}

pub async fn create(
    db: &Db,
    key: &MasterKey,
    name: &str,
    test_only: bool,
) -> anyhow::Result<Created> {
    let account_id = format!("acct_{}", random_hex::<8>());
    let secret = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random_bytes::<32>());
    create_with_secret(db, key, &account_id, name, test_only, &secret).await?;
    Ok(Created {
        account_id,
        secret: SecretString::from(secret),
    })
}

/// Creates a merchant with a given account id and secret (fixtures and imports).
pub async fn create_with_secret(
    db: &Db,
    key: &MasterKey,
    account_id: &str,
    name: &str,
    test_only: bool,
    secret: &str,
) -> anyhow::Result<()> {
    if name.trim().is_empty() {
        anyhow::bail!("a merchant needs a name");
    }
    db.exec(
        &INSERT,
        params![
            account_id,
            name.trim(),
            test_only,
            key.seal(secret.as_bytes(), &aad(account_id)),
            key.id(),
            now_millis(),
        ],
    )
    .await?;
    Ok(())
}

pub async fn find(db: &Db, account_id: &str) -> anyhow::Result<Option<Merchant>> {
    db.fetch_optional(&BY_ID, params![account_id], merchant)
        .await
}

pub async fn list(db: &Db) -> anyhow::Result<Vec<Merchant>> {
    db.fetch_all(&ALL, params![], merchant).await
}

/// The master key ids the stored secrets were sealed under.
pub async fn master_key_ids(db: &Db) -> anyhow::Result<Vec<String>> {
    db.fetch_all(&MASTER_KEY_IDS, params![], |r| r.get(0)).await
}

/// A merchant as the request paths need it: its secret already decrypted.
pub struct Verified {
    pub account_id: String,
    pub test_only: bool,
    pub secret: SecretBox<Vec<u8>>,
}

/// Merchants by account id, decrypted once and kept for a short while: a payment request then
/// costs no merchant query and no decryption. A merchant created with the CLI is found at once
/// (misses are not cached); a change to an existing one is seen within `ttl`.
pub struct Cache {
    ttl: std::time::Duration,
    entries: std::sync::RwLock<
        std::collections::HashMap<String, (std::time::Instant, std::sync::Arc<Verified>)>,
    >,
}

impl Cache {
    pub fn new(ttl: std::time::Duration) -> Self {
        Self {
            ttl,
            entries: Default::default(),
        }
    }

    /// The merchant, from the cache or the database; `None` if there is no such merchant.
    pub async fn get(
        &self,
        db: &Db,
        key: &MasterKey,
        account_id: &str,
    ) -> anyhow::Result<Option<std::sync::Arc<Verified>>> {
        if let Some((at, m)) = self.entries.read().unwrap().get(account_id)
            && at.elapsed() < self.ttl
        {
            return Ok(Some(m.clone()));
        }
        let Some(merchant) = find(db, account_id).await? else {
            return Ok(None);
        };
        let verified = std::sync::Arc::new(Verified {
            secret: merchant.secret(key)?,
            account_id: merchant.account_id,
            test_only: merchant.test_only,
        });
        let mut entries = self.entries.write().unwrap();
        if entries.len() > 10_000 {
            entries.clear();
        }
        entries.insert(
            account_id.to_string(),
            (std::time::Instant::now(), verified.clone()),
        );
        Ok(Some(verified))
    }
}
