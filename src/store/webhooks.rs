//! Webhook endpoints (protocol.md section 12). An endpoint's secret is sealed under the master
//! key (bound to the endpoint by the associated data) and shown once; a rotation keeps the
//! previous secret signing for 24 h. Its events and their deliveries are in [`deliveries`]: they
//! share the callback outbox's durability, lease, attempt log and resend; the worker signs each
//! attempt with [`signing_keys`]. The changes a dashboard user makes write their audit row in
//! the same unit of work.

mod deliveries;

pub use deliveries::{
    Delivery, EventObject, NewEvent, deliveries, emit, queue, resend, subscribed,
};

use super::audit::{self, Change, Event};
use super::db::Db;
use super::merchants::Actor;
use super::sql::{Row, Sql};
use crate::crypto::{MasterKey, random_bytes, sortable_hex};
use crate::domain::webhook::{self, SECRET_BYTES, Subscription};
use anyhow::{Context, anyhow};
use secrecy::{ExposeSecret, SecretBox};

/// How long a rotated-out secret keeps signing.
pub const ROTATION_OVERLAP_MS: i64 = 24 * 3600 * 1000;
/// Endpoints a merchant may have.
pub const MAX_ENDPOINTS: usize = 16;

/// An endpoint as listed (never its secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub id: String,
    pub merchant_id: String,
    pub url: String,
    pub events: Subscription,
    pub created_at: i64,
    /// While a rotated-out secret still signs.
    pub previous_expires_at: Option<i64>,
}

fn aad(endpoint_id: &str) -> Vec<u8> {
    format!("webhook_endpoint:{endpoint_id}").into_bytes()
}

macro_rules! endpoint_columns {
    () => {
        "id, merchant_id, url, events, created_at, previous_expires_at"
    };
}

fn endpoint(r: &Row<'_>) -> anyhow::Result<Endpoint> {
    Ok(Endpoint {
        id: r.get(0)?,
        merchant_id: r.get(1)?,
        url: r.get(2)?,
        events: Subscription::from_text(&r.get::<String>(3)?),
        created_at: r.get(4)?,
        previous_expires_at: r.get(5)?,
    })
}

static INSERT: Sql = Sql::new(
    "INSERT INTO webhook_endpoints (id, merchant_id, url, events, secret_sealed, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)",
);
/// Takes the merchant's row lock for the rest of the unit of work (a no-op write, the same on
/// both engines): concurrent creates of one merchant then count one after another, so none
/// passes [`MAX_ENDPOINTS`]. SQLite has one writer already.
static LOCK_MERCHANT: Sql =
    Sql::new("UPDATE merchants SET account_id = account_id WHERE account_id = $1");
static COUNT: Sql = Sql::new(
    "SELECT COUNT(*) FROM webhook_endpoints WHERE merchant_id = $1 AND deleted_at IS NULL",
);

/// The audit detail's name for where an endpoint sends: its origin only, as a URL's path or
/// query may carry the receiver's own token.
fn origin_of(url: &str) -> String {
    url::Url::parse(url).map_or_else(|_| "?".into(), |u| u.origin().ascii_serialization())
}

/// Creates an endpoint (with its audit row, given `by`); returns it and its secret (shown
/// once), or `None` when the merchant already has [`MAX_ENDPOINTS`].
pub async fn create(
    db: &Db,
    key: &MasterKey,
    merchant_id: &str,
    url: &str,
    events: &Subscription,
    now: i64,
    by: Option<&Actor>,
) -> anyhow::Result<Option<(Endpoint, String)>> {
    let id = format!("we_{}", sortable_hex::<8>());
    let secret = webhook::new_secret(&random_bytes::<SECRET_BYTES>());
    let sealed = hex::encode(key.seal(secret.as_bytes(), &aad(&id)));
    let (merchant, url_text, events_text) =
        (merchant_id.to_string(), url.to_string(), events.to_text());
    let change = by.map(|by| {
        let detail = format!(
            "webhook endpoint {id} to {} for {events_text}",
            origin_of(url)
        );
        Change::by(merchant_id, by, Event::WebhookEndpointCreated, detail, now)
    });
    let row_id = id.clone();
    let created = db
        .write(move |tx| {
            Box::pin(async move {
                tx.exec(&LOCK_MERCHANT, params![merchant.as_str()])
                    .await
                    .context("locking the merchant")?;
                let n: i64 = tx
                    .fetch_optional(&COUNT, params![merchant.as_str()], |r| r.get(0))
                    .await?
                    .unwrap_or(0);
                if usize::try_from(n).unwrap_or(usize::MAX) >= MAX_ENDPOINTS {
                    tx.discard();
                    return Ok(false);
                }
                tx.exec(
                    &INSERT,
                    params![
                        row_id.as_str(),
                        merchant.as_str(),
                        url_text,
                        events_text,
                        sealed,
                        now
                    ],
                )
                .await
                .context("storing a webhook endpoint")?;
                if let Some(change) = change {
                    change.record_in(tx).await?;
                }
                Ok(true)
            })
        })
        .await?;
    if !created {
        return Ok(None);
    }
    let endpoint = Endpoint {
        id,
        merchant_id: merchant_id.to_string(),
        url: url.to_string(),
        events: events.clone(),
        created_at: now,
        previous_expires_at: None,
    };
    Ok(Some((endpoint, secret)))
}

static OF_MERCHANT: Sql = Sql::new(concat!(
    "SELECT ",
    endpoint_columns!(),
    " FROM webhook_endpoints WHERE merchant_id = $1 AND deleted_at IS NULL
     ORDER BY created_at, id"
));
static BY_ID: Sql = Sql::new(concat!(
    "SELECT ",
    endpoint_columns!(),
    " FROM webhook_endpoints WHERE id = $1 AND merchant_id = $2 AND deleted_at IS NULL"
));

/// The merchant's endpoints, oldest first.
pub async fn list(db: &Db, merchant_id: &str) -> anyhow::Result<Vec<Endpoint>> {
    db.fetch_all(&OF_MERCHANT, params![merchant_id], endpoint)
        .await
        .context("listing webhook endpoints")
}

/// The merchant's endpoint `id` (another merchant's is not found).
pub async fn find(db: &Db, merchant_id: &str, id: &str) -> anyhow::Result<Option<Endpoint>> {
    db.fetch_optional(&BY_ID, params![id, merchant_id], endpoint)
        .await
        .context("finding a webhook endpoint")
}

static DELETE: Sql = Sql::new(
    "UPDATE webhook_endpoints SET deleted_at = $3
     WHERE id = $1 AND merchant_id = $2 AND deleted_at IS NULL",
);

/// Deletes the merchant's endpoint (with its audit row, given `by`): nothing more is queued for
/// it, and what was queued gives up at its next attempt. False if there is no such endpoint.
pub async fn delete(
    db: &Db,
    merchant_id: &str,
    id: &str,
    now: i64,
    by: Option<&Actor>,
) -> anyhow::Result<bool> {
    let change = by.map(|by| {
        let detail = format!("webhook endpoint {id} deleted");
        Change::by(merchant_id, by, Event::WebhookEndpointDeleted, detail, now)
    });
    audit::changed_with(db, &DELETE, params![id, merchant_id, now], change)
        .await
        .context("deleting a webhook endpoint")
}

static ROTATE: Sql = Sql::new(
    "UPDATE webhook_endpoints SET previous_secret_sealed = secret_sealed,
         previous_expires_at = $3, secret_sealed = $4
     WHERE id = $1 AND merchant_id = $2 AND deleted_at IS NULL",
);

/// Gives the endpoint a new secret (returned, shown once; audit-logged given `by`); the current
/// one keeps signing for [`ROTATION_OVERLAP_MS`]. `None` if there is no such endpoint.
pub async fn rotate(
    db: &Db,
    key: &MasterKey,
    merchant_id: &str,
    id: &str,
    now: i64,
    by: Option<&Actor>,
) -> anyhow::Result<Option<(Endpoint, String)>> {
    let secret = webhook::new_secret(&random_bytes::<SECRET_BYTES>());
    let sealed = hex::encode(key.seal(secret.as_bytes(), &aad(id)));
    let until = now + ROTATION_OVERLAP_MS;
    let change = by.map(|by| {
        let detail = format!(
            "webhook endpoint {id} has a new secret; the previous one signs too until {}",
            super::format_millis(until)
        );
        Change::by(merchant_id, by, Event::WebhookSecretRotated, detail, now)
    });
    let update = params![id, merchant_id, until, sealed];
    let changed = audit::changed_with(db, &ROTATE, update, change)
        .await
        .context("rotating a webhook secret")?;
    if !changed {
        return Ok(None);
    }
    let endpoint = find(db, merchant_id, id)
        .await?
        .context("a rotated endpoint is gone")?;
    Ok(Some((endpoint, secret)))
}

static SECRETS: Sql = Sql::new(
    "SELECT secret_sealed, previous_secret_sealed, previous_expires_at, deleted_at
     FROM webhook_endpoints WHERE id = $1",
);

/// The keys that sign a delivery to endpoint `id` now: the current secret's bytes, then the
/// previous one's while it is valid. `None` when the endpoint was deleted.
pub async fn signing_keys(
    db: &Db,
    key: &MasterKey,
    id: &str,
    now: i64,
) -> anyhow::Result<Option<Vec<SecretBox<Vec<u8>>>>> {
    type Stored = (String, Option<String>, Option<i64>, Option<i64>);
    let row: Option<Stored> = db
        .fetch_optional(&SECRETS, params![id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .await
        .context("reading a webhook endpoint's secrets")?;
    let Some((current, previous, previous_expires, deleted)) = row else {
        return Ok(None);
    };
    if deleted.is_some() {
        return Ok(None);
    }
    let open = |sealed: &str| -> anyhow::Result<SecretBox<Vec<u8>>> {
        let bytes = hex::decode(sealed).context("a sealed webhook secret is not hex")?;
        let secret = key.open(&bytes, &aad(id))?;
        let text = std::str::from_utf8(secret.expose_secret())
            .map_err(|_| anyhow!("a webhook secret is not text"))?;
        let raw = webhook::secret_bytes(text).context("a stored webhook secret is malformed")?;
        Ok(SecretBox::new(Box::new(raw)))
    };
    let mut keys = vec![open(&current)?];
    if let (Some(p), Some(until)) = (previous, previous_expires)
        && until > now
    {
        keys.push(open(&p)?);
    }
    Ok(Some(keys))
}
