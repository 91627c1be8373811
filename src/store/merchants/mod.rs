//! Merchants: creation with a fresh secret (stored sealed), look-up and listing, the rotation
//! of the secret with an overlap (protocol.md section 9: a current secret and, until it
//! expires, the previous one), and the merchant's settings (allowed hosts, frame origins).
//! Each change writes its audit row in the same unit of work.

mod cache;

pub use cache::{Cache, Key, Signed, Verified};

use super::audit::{self, Entry, Event};
use super::db::Db;
use super::now_millis;
use super::sql::{Row, Sql};
use crate::crypto::{DecryptError, MasterKey, random_bytes, random_hex};
use crate::domain::hosts::{FrameOrigins, HostList};
use anyhow::Context;
use base64::Engine;
use secrecy::{SecretBox, SecretString};

/// Who makes a change: the audit log's, used by every credentials change here.
pub use super::audit::Actor;

/// The shortest and longest overlap a rotation may choose, and the default.
pub const MIN_OVERLAP: std::time::Duration = std::time::Duration::from_secs(60);
pub const MAX_OVERLAP: std::time::Duration = std::time::Duration::from_secs(7 * 24 * 3600);
pub const DEFAULT_OVERLAP: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// A decrypted secret.
pub type Secret = SecretBox<Vec<u8>>;

#[derive(Debug, Clone)]
pub struct Merchant {
    pub account_id: String,
    pub name: String,
    pub test_only: bool,
    pub master_key_id: String,
    pub created_at: i64,
    /// The current secret's version: 1 at creation, one more at each rotation.
    pub secret_version: i64,
    /// When the previous secret (version `secret_version - 1`) stops verifying; in the past
    /// once it has expired or was revoked, `None` before the first rotation.
    pub previous_expires_at: Option<i64>,
    pub return_hosts: HostList,
    pub frame_origins: FrameOrigins,
    sealed: Vec<u8>,
    previous_sealed: Option<Vec<u8>>,
}

/// What a secret's ciphertext is bound to: its merchant and its version (the first version
/// keeps the binding secrets had before rotation existed).
fn aad(account_id: &str, version: i64) -> Vec<u8> {
    if version <= 1 {
        format!("offsite-gateway merchant secret:{account_id}").into_bytes()
    } else {
        format!("offsite-gateway merchant secret:{account_id}:v{version}").into_bytes()
    }
}

impl Merchant {
    /// The merchant's current signing secret.
    pub fn secret(&self, key: &MasterKey) -> Result<SecretBox<Vec<u8>>, DecryptError> {
        key.open(&self.sealed, &aad(&self.account_id, self.secret_version))
    }

    /// The previous secret, expired or not, with when it stops (or stopped) verifying.
    pub fn previous(&self, key: &MasterKey) -> Result<Option<(Secret, i64)>, DecryptError> {
        match (&self.previous_sealed, self.previous_expires_at) {
            (Some(sealed), Some(expires)) => Ok(Some((
                key.open(sealed, &aad(&self.account_id, self.secret_version - 1))?,
                expires,
            ))),
            _ => Ok(None),
        }
    }

    /// Whether a previous secret still verifies at `now`.
    pub fn previous_valid_at(&self, now: i64) -> bool {
        self.previous_sealed.is_some() && self.previous_expires_at.is_some_and(|e| e > now)
    }
}

fn merchant(r: &Row<'_>) -> anyhow::Result<Merchant> {
    let account_id: String = r.get(0)?;
    let hosts: String = r.get(9)?;
    let origins: String = r.get(10)?;
    Ok(Merchant {
        name: r.get(1)?,
        test_only: r.get(2)?,
        master_key_id: r.get(3)?,
        created_at: r.get(4)?,
        sealed: r.get(5)?,
        secret_version: r.get(6)?,
        previous_sealed: r.get(7)?,
        previous_expires_at: r.get(8)?,
        return_hosts: HostList::parse(&hosts)
            .with_context(|| format!("merchant {account_id} has unreadable return hosts"))?,
        frame_origins: FrameOrigins::parse(&origins)
            .with_context(|| format!("merchant {account_id} has unreadable frame origins"))?,
        account_id,
    })
}

macro_rules! columns {
    () => {
        "account_id, name, test_only, master_key_id, created_at, secret_sealed, secret_version, \
         previous_secret_sealed, previous_expires_at, return_hosts, frame_origins"
    };
}

static INSERT: Sql = Sql::new(
    "INSERT INTO merchants (account_id, name, test_only, secret_sealed, master_key_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)",
);
static BY_ID: Sql = Sql::new(concat!(
    "SELECT ",
    columns!(),
    " FROM merchants WHERE account_id = $1"
));
static ALL: Sql = Sql::new(concat!(
    "SELECT ",
    columns!(),
    " FROM merchants ORDER BY created_at"
));
static MASTER_KEY_IDS: Sql = Sql::new("SELECT DISTINCT master_key_id FROM merchants");
/// The current secret becomes the previous one; only from the version that was read, and
/// only while no previous secret is still valid (a second rotation inside the overlap would
/// cut the first one short: T13).
static ROTATE: Sql = Sql::new(
    "UPDATE merchants SET previous_secret_sealed = secret_sealed, previous_expires_at = $2,
         secret_sealed = $3, master_key_id = $4, secret_version = secret_version + 1
     WHERE account_id = $1 AND secret_version = $5
       AND (previous_expires_at IS NULL OR previous_expires_at <= $6)",
);
static REVOKE_PREVIOUS: Sql = Sql::new(
    "UPDATE merchants SET previous_expires_at = $2
     WHERE account_id = $1 AND previous_expires_at > $2",
);
static SET_SETTINGS: Sql =
    Sql::new("UPDATE merchants SET return_hosts = $2, frame_origins = $3 WHERE account_id = $1");

/// A new merchant; the secret is returned once and never stored in the clear.
pub struct Created {
    pub account_id: String,
    pub secret: SecretString,
}

/// A fresh secret: 32 random bytes, URL-safe base64.
fn new_secret() -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random_bytes::<32>())
}

pub async fn create(
    db: &Db,
    key: &MasterKey,
    name: &str,
    test_only: bool,
) -> anyhow::Result<Created> {
    let account_id = format!("acct_{}", random_hex::<8>());
    let secret = new_secret();
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
    let now = now_millis();
    let insert = params![
        account_id,
        name.trim(),
        test_only,
        key.seal(secret.as_bytes(), &aad(account_id, 1)),
        key.id(),
        now,
    ];
    let (account_id, detail) = (account_id.to_string(), format!("test_only={test_only}"));
    db.write(move |tx| {
        Box::pin(async move {
            tx.exec(&INSERT, insert).await?;
            let entry = Entry {
                account_id: Some(&account_id),
                actor: "cli",
                event: Event::MerchantCreated,
                detail: &detail,
                ip: None,
            };
            audit::record_in(tx, &entry, now).await
        })
    })
    .await
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

/// Why a credentials change was refused; nothing changed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Refused {
    #[error("no merchant has this account id")]
    NoSuchMerchant,
    #[error("the overlap must be between 1 minute and 7 days")]
    OverlapOutOfRange,
    #[error("the previous secret is still valid (until {until}); revoke it before rotating again")]
    PreviousStillValid { until: String },
    #[error("there is no previous secret that is still valid")]
    NoValidPrevious,
}

/// A rotation's result: the new secret (shown once) and when the previous one stops verifying.
pub struct Rotated {
    pub account_id: String,
    pub secret: SecretString,
    pub previous_expires_at: i64,
}

/// Rotates the merchant's secret: a new current secret, the old one valid for `overlap`.
pub async fn rotate(
    db: &Db,
    key: &MasterKey,
    account_id: &str,
    overlap: std::time::Duration,
    by: &Actor,
) -> anyhow::Result<Result<Rotated, Refused>> {
    if !(MIN_OVERLAP..=MAX_OVERLAP).contains(&overlap) {
        return Ok(Err(Refused::OverlapOutOfRange));
    }
    let Some(m) = find(db, account_id).await? else {
        return Ok(Err(Refused::NoSuchMerchant));
    };
    let now = now_millis();
    if m.previous_valid_at(now) {
        return Ok(Err(still_valid(&m)));
    }
    let secret = new_secret();
    let expires = now + i64::try_from(overlap.as_millis()).unwrap_or(i64::MAX);
    let version = m.secret_version;
    let sealed = key.seal(secret.as_bytes(), &aad(account_id, version + 1));
    let update = params![account_id, expires, sealed, key.id(), version, now];
    let detail = format!(
        "secret version {} replaces {version}; the previous one is valid for {}",
        version + 1,
        humantime::format_duration(overlap)
    );
    let changed = audit::changed(
        db,
        &ROTATE,
        update,
        audit::Change::by(account_id, by, Event::SecretRotated, detail, now),
    )
    .await?;
    if !changed {
        // Another rotation won the race.
        let m = find(db, account_id).await?.context("a merchant vanished")?;
        return Ok(Err(still_valid(&m)));
    }
    Ok(Ok(Rotated {
        account_id: account_id.to_string(),
        secret: SecretString::from(secret),
        previous_expires_at: expires,
    }))
}

fn still_valid(m: &Merchant) -> Refused {
    Refused::PreviousStillValid {
        until: super::format_millis(m.previous_expires_at.unwrap_or_default()),
    }
}

/// Ends the previous secret's overlap now.
pub async fn revoke_previous(
    db: &Db,
    account_id: &str,
    by: &Actor,
) -> anyhow::Result<Result<(), Refused>> {
    if find(db, account_id).await?.is_none() {
        return Ok(Err(Refused::NoSuchMerchant));
    }
    let now = now_millis();
    let detail = "the previous secret no longer verifies".to_string();
    let update = params![account_id, now];
    let event = Event::PreviousSecretRevoked;
    match audit::changed(
        db,
        &REVOKE_PREVIOUS,
        update,
        audit::Change::by(account_id, by, event, detail, now),
    )
    .await?
    {
        true => Ok(Ok(())),
        false => Ok(Err(Refused::NoValidPrevious)),
    }
}

/// Replaces the merchant's allowed hosts and frame origins.
pub async fn set_settings(
    db: &Db,
    account_id: &str,
    return_hosts: &HostList,
    frame_origins: &FrameOrigins,
    by: &Actor,
) -> anyhow::Result<Result<(), Refused>> {
    let (hosts, origins) = (return_hosts.to_text(), frame_origins.to_text());
    let detail = format!(
        "return hosts: {}; frame origins: {}",
        or_none(&hosts.replace('\n', ", ")),
        or_none(&origins.replace('\n', ", "))
    );
    let update = params![account_id, hosts, origins];
    let event = Event::SettingsChanged;
    match audit::changed(
        db,
        &SET_SETTINGS,
        update,
        audit::Change::by(account_id, by, event, detail, now_millis()),
    )
    .await?
    {
        true => Ok(Ok(())),
        false => Ok(Err(Refused::NoSuchMerchant)),
    }
}

fn or_none(s: &str) -> &str {
    if s.is_empty() { "(any)" } else { s }
}

#[cfg(test)]
mod tests {
    use super::aad;
    use crate::crypto::MasterKey;

    #[test]
    fn each_secret_is_bound_to_its_merchant_and_version() {
        let key = MasterKey::generate();
        let sealed = key.seal(b"the second secret", &aad("acct_a", 2));
        assert!(key.open(&sealed, &aad("acct_a", 2)).is_ok());
        // Not as another version (a previous secret passed off as the current one), nor as
        // another merchant's.
        assert!(key.open(&sealed, &aad("acct_a", 1)).is_err());
        assert!(key.open(&sealed, &aad("acct_a", 3)).is_err());
        assert!(key.open(&sealed, &aad("acct_b", 2)).is_err());
        // The first version keeps the binding secrets had before rotation existed.
        assert_eq!(aad("acct_a", 1), b"offsite-gateway merchant secret:acct_a");
    }
}
