//! The request paths' view of merchants: their secrets decrypted once (the current one and,
//! around a rotation, the previous one with its expiry) and their settings parsed, kept for a
//! short while per process; which secrets verify now, and which one signs an answer.

use super::{Merchant, Secret};
use crate::crypto::{DecryptError, MasterKey};
use crate::domain::hosts::{FrameOrigins, HostList};
use crate::store::db::Db;

/// One of a merchant's secrets that verifies requests.
pub struct Key {
    pub version: i64,
    pub secret: Secret,
}

/// A merchant as the request paths need it: its secrets already decrypted, its settings parsed.
pub struct Verified {
    pub account_id: String,
    /// The shop's name, as the payment page shows it.
    pub name: String,
    pub test_only: bool,
    pub current: Key,
    /// The previous secret and when it stops verifying (in the past once expired or revoked:
    /// the signature doctor still tries it, to say so).
    pub previous: Option<(Key, i64)>,
    pub return_hosts: HostList,
    pub frame_origins: FrameOrigins,
}

impl Verified {
    fn from_merchant(m: Merchant, key: &MasterKey) -> Result<Self, DecryptError> {
        let previous = m.previous(key)?.map(|(secret, expires)| {
            (
                Key {
                    version: m.secret_version - 1,
                    secret,
                },
                expires,
            )
        });
        Ok(Self {
            current: Key {
                version: m.secret_version,
                secret: m.secret(key)?,
            },
            previous,
            account_id: m.account_id,
            name: m.name,
            test_only: m.test_only,
            return_hosts: m.return_hosts,
            frame_origins: m.frame_origins,
        })
    }

    /// The secret of `version` (current or previous, valid or not), else the current one.
    pub fn key(&self, version: i64) -> &Key {
        match &self.previous {
            Some((k, _)) if k.version == version => k,
            _ => &self.current,
        }
    }

    /// The secrets that verify at `now`: the current one, then the previous one in its overlap.
    pub fn keys_at(&self, now: i64) -> impl Iterator<Item = &Key> {
        std::iter::once(&self.current).chain(
            self.previous
                .as_ref()
                .filter(|(_, expires)| *expires > now)
                .map(|(k, _)| k),
        )
    }

    /// The secret of `version` if it still verifies at `now`, else the current one: answers
    /// are signed with the secret that verified the request, unless it has been rotated out
    /// since (the storefront holds the current one by then).
    pub fn signing_key(&self, version: i64, now: i64) -> &Key {
        self.keys_at(now)
            .find(|k| k.version == version)
            .unwrap_or(&self.current)
    }
}

/// A request whose signature verified: its merchant and the version of the secret that
/// verified it (its answers are signed with the same one).
pub struct Signed {
    pub merchant: std::sync::Arc<Verified>,
    pub version: i64,
}

impl Signed {
    /// The secret that verified the request.
    pub fn secret(&self) -> &[u8] {
        use secrecy::ExposeSecret;
        self.merchant.key(self.version).secret.expose_secret()
    }
}

/// Merchants by account id, decrypted once and kept for a short while: a payment request then
/// costs no merchant query and no decryption. An account found in no merchant is remembered as
/// unknown for `unknown_ttl`, so a flood of made-up accounts costs one query each per process;
/// a merchant created with the CLI is found after that at the latest. A change made by this
/// process is seen at once ([`Cache::forget`]), a change made by another process (the CLI,
/// another gateway) within `ttl`, and a signature that fails against a cached entry is checked
/// once more against the database, so a secret rotated elsewhere verifies at once.
pub struct Cache {
    ttl: std::time::Duration,
    unknown_ttl: std::time::Duration,
    entries: std::sync::RwLock<
        std::collections::HashMap<String, (std::time::Instant, std::sync::Arc<Verified>)>,
    >,
    unknown: std::sync::RwLock<std::collections::HashMap<String, std::time::Instant>>,
    metrics: std::sync::Arc<crate::metrics::Metrics>,
}

/// How many entries of either kind a cache keeps before it starts again from empty.
const MAX_ENTRIES: usize = 10_000;

impl Cache {
    pub fn new(
        ttl: std::time::Duration,
        unknown_ttl: std::time::Duration,
        metrics: std::sync::Arc<crate::metrics::Metrics>,
    ) -> Self {
        Self {
            ttl,
            unknown_ttl,
            entries: Default::default(),
            unknown: Default::default(),
            metrics,
        }
    }

    /// The merchant, from the cache or the database; `None` if there is no such merchant.
    pub async fn get(
        &self,
        db: &Db,
        key: &MasterKey,
        account_id: &str,
    ) -> anyhow::Result<Option<std::sync::Arc<Verified>>> {
        self.younger_than(self.ttl, db, key, account_id).await
    }

    /// The merchant read from the database now (and cached), if the cached entry is older
    /// than a second; otherwise the cached entry. Bounds the queries a flood of bad
    /// signatures can cause to one a second per merchant.
    pub async fn refresh(
        &self,
        db: &Db,
        key: &MasterKey,
        account_id: &str,
    ) -> anyhow::Result<Option<std::sync::Arc<Verified>>> {
        let second = std::time::Duration::from_secs(1);
        self.younger_than(second, db, key, account_id).await
    }

    /// The cached entry if it is younger than `age`, else the merchant read again.
    async fn younger_than(
        &self,
        age: std::time::Duration,
        db: &Db,
        key: &MasterKey,
        account_id: &str,
    ) -> anyhow::Result<Option<std::sync::Arc<Verified>>> {
        if let Some((at, m)) = self
            .entries
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(account_id)
            && at.elapsed() < age
        {
            return Ok(Some(m.clone()));
        }
        self.load(db, key, account_id).await
    }

    async fn load(
        &self,
        db: &Db,
        key: &MasterKey,
        account_id: &str,
    ) -> anyhow::Result<Option<std::sync::Arc<Verified>>> {
        if self
            .unknown
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(account_id)
            .is_some_and(|at| at.elapsed() < self.unknown_ttl)
        {
            return Ok(None);
        }
        let found = super::find(db, account_id).await?;
        self.metrics.merchant_read(found.is_some());
        let Some(merchant) = found else {
            if !self.unknown_ttl.is_zero() {
                let mut unknown = self.unknown.write().unwrap_or_else(|p| p.into_inner());
                if unknown.len() >= MAX_ENTRIES {
                    unknown.clear();
                }
                unknown.insert(account_id.to_string(), std::time::Instant::now());
            }
            return Ok(None);
        };
        let verified = std::sync::Arc::new(Verified::from_merchant(merchant, key)?);
        let mut entries = self.entries.write().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(
            account_id.to_string(),
            (std::time::Instant::now(), verified.clone()),
        );
        Ok(Some(verified))
    }

    /// Drops a merchant's entry after this process changed (or created) it.
    pub fn forget(&self, account_id: &str) {
        self.entries
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .remove(account_id);
        self.unknown
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .remove(account_id);
    }
}
