//! Webhook endpoints and their deliveries (protocol.md section 12). An endpoint's secret is
//! sealed under the master key (bound to the endpoint by the associated data) and shown once;
//! a rotation keeps the previous secret signing for 24 h. Events are queued in the callback
//! outbox, one row per subscribed endpoint, in the unit of work of the change they report, so
//! they share its durability, lease, attempt log and resend; the worker signs each attempt.

use super::db::{Db, Tx};
use super::sql::{Row, Sql};
use crate::crypto::{MasterKey, random_bytes, sortable_hex};
use crate::domain::callback::CallbackStatus;
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
static COUNT: Sql = Sql::new(
    "SELECT COUNT(*) FROM webhook_endpoints WHERE merchant_id = $1 AND deleted_at IS NULL",
);

/// Creates an endpoint; returns it and its secret (shown once), or `None` when the merchant
/// already has [`MAX_ENDPOINTS`].
pub async fn create(
    db: &Db,
    key: &MasterKey,
    merchant_id: &str,
    url: &str,
    events: &Subscription,
    now: i64,
) -> anyhow::Result<Option<(Endpoint, String)>> {
    let id = format!("we_{}", sortable_hex::<8>());
    let secret = webhook::new_secret(&random_bytes::<SECRET_BYTES>());
    let sealed = hex::encode(key.seal(secret.as_bytes(), &aad(&id)));
    let (merchant, url_text, events_text) =
        (merchant_id.to_string(), url.to_string(), events.to_text());
    let row_id = id.clone();
    let created = db
        .write(move |tx| {
            Box::pin(async move {
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
                    params![row_id.as_str(), merchant.as_str(), url_text, events_text, sealed, now],
                )
                .await
                .context("storing a webhook endpoint")?;
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

/// Deletes the merchant's endpoint: nothing more is queued for it, and what was queued gives
/// up at its next attempt. False if there is no such endpoint.
pub async fn delete(db: &Db, merchant_id: &str, id: &str, now: i64) -> anyhow::Result<bool> {
    Ok(db
        .exec(&DELETE, params![id, merchant_id, now])
        .await
        .context("deleting a webhook endpoint")?
        == 1)
}

static ROTATE: Sql = Sql::new(
    "UPDATE webhook_endpoints SET previous_secret_sealed = secret_sealed,
         previous_expires_at = $3, secret_sealed = $4
     WHERE id = $1 AND merchant_id = $2 AND deleted_at IS NULL",
);

/// Gives the endpoint a new secret (returned, shown once); the current one keeps signing for
/// [`ROTATION_OVERLAP_MS`]. `None` if there is no such endpoint.
pub async fn rotate(
    db: &Db,
    key: &MasterKey,
    merchant_id: &str,
    id: &str,
    now: i64,
) -> anyhow::Result<Option<(Endpoint, String)>> {
    let secret = webhook::new_secret(&random_bytes::<SECRET_BYTES>());
    let sealed = hex::encode(key.seal(secret.as_bytes(), &aad(id)));
    let changed = db
        .exec(
            &ROTATE,
            params![id, merchant_id, now + ROTATION_OVERLAP_MS, sealed],
        )
        .await
        .context("rotating a webhook secret")?;
    if changed != 1 {
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

/// An event to queue: its id (`evt_…`, the `webhook-id` of every attempt), type, and body.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub id: String,
    pub event_type: &'static str,
    pub merchant_id: String,
    pub payment_id: String,
    /// The `data.object` of the body.
    pub object: serde_json::Value,
    /// Unix seconds.
    pub created_at: i64,
}

impl NewEvent {
    pub fn new(
        event_type: &'static str,
        merchant_id: &str,
        payment_id: &str,
        object: serde_json::Value,
        now_ms: i64,
    ) -> Self {
        Self {
            id: format!("evt_{}", sortable_hex::<10>()),
            event_type,
            merchant_id: merchant_id.to_string(),
            payment_id: payment_id.to_string(),
            object,
            created_at: now_ms.div_euclid(1000),
        }
    }

    /// The body every attempt sends, byte for byte.
    pub fn body(&self) -> String {
        serde_json::json!({
            "id": self.id,
            "type": self.event_type,
            "created_at": self.created_at,
            "data": {"object": self.object},
        })
        .to_string()
    }
}

static SUBSCRIBED: Sql = Sql::new(
    "SELECT id, url, events FROM webhook_endpoints WHERE merchant_id = $1 AND deleted_at IS NULL",
);
static QUEUE: Sql = Sql::new(
    "INSERT INTO callbacks
        (payment_id, merchant_id, url, body, result, status, attempts, next_attempt_at,
         created_at, updated_at, operation_id, endpoint_id, event_id)
     VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $6, $6, NULL, $7, $8)",
);

/// Queues `event` for every endpoint of its merchant that subscribes to its type, in the
/// caller's unit of work; returns how many deliveries were queued.
pub async fn emit(tx: Tx<'_>, event: &NewEvent, now: i64) -> anyhow::Result<usize> {
    let endpoints: Vec<(String, String, String)> = tx
        .fetch_all(&SUBSCRIBED, params![event.merchant_id.as_str()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .await
        .context("finding webhook endpoints")?;
    let wanted: Vec<_> = endpoints
        .into_iter()
        .filter(|(_, _, events)| Subscription::from_text(events).wants(event.event_type))
        .collect();
    if wanted.is_empty() {
        return Ok(0);
    }
    let body = event.body();
    let rows = wanted
        .iter()
        .map(|(id, url, _)| {
            params![
                event.payment_id.as_str(),
                event.merchant_id.as_str(),
                url.as_str(),
                body.as_str(),
                event.event_type,
                now,
                id.as_str(),
                event.id.as_str(),
            ]
        })
        .collect();
    tx.exec_each(&QUEUE, rows)
        .await
        .context("queueing webhook deliveries")?;
    Ok(wanted.len())
}

/// One delivery of an event to an endpoint, as the merchant sees it.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub id: i64,
    pub event_id: String,
    pub event_type: String,
    pub payment_id: String,
    pub status: CallbackStatus,
    pub attempts: i32,
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub body: String,
}

static DELIVERIES: Sql = Sql::new(
    "SELECT id, event_id, result, payment_id, status, attempts, last_status, last_error,
            created_at, body
     FROM callbacks WHERE endpoint_id = $1 AND merchant_id = $2
     ORDER BY id DESC LIMIT $3",
);

/// The newest deliveries to the merchant's endpoint `id`.
pub async fn deliveries(
    db: &Db,
    merchant_id: &str,
    id: &str,
    limit: i64,
) -> anyhow::Result<Vec<Delivery>> {
    db.fetch_all(&DELIVERIES, params![id, merchant_id, limit], |r| {
        let status: String = r.get(4)?;
        Ok(Delivery {
            id: r.get(0)?,
            event_id: r.get(1)?,
            event_type: r.get(2)?,
            payment_id: r.get(3)?,
            status: CallbackStatus::parse(&status)
                .ok_or_else(|| anyhow!("a delivery has the unknown status {status:?}"))?,
            attempts: r.get(5)?,
            last_status: r.get(6)?,
            last_error: r.get(7)?,
            created_at: r.get(8)?,
            body: r.get(9)?,
        })
    })
    .await
    .context("listing webhook deliveries")
}

static RESEND: Sql = Sql::new(
    "INSERT INTO callbacks
        (payment_id, merchant_id, url, body, result, status, attempts, next_attempt_at,
         created_at, updated_at, operation_id, endpoint_id, event_id)
     SELECT c.payment_id, c.merchant_id, e.url, c.body, c.result, 'pending', 0, $3, $3, $3,
            NULL, c.endpoint_id, c.event_id
     FROM callbacks c JOIN webhook_endpoints e ON e.id = c.endpoint_id
     WHERE c.id = $1 AND c.merchant_id = $2 AND e.deleted_at IS NULL",
);

/// Sends the merchant's delivery `id` again as a new series of attempts, due at once: the same
/// event (id and body) to the endpoint's current URL. False if there is no such delivery or its
/// endpoint was deleted.
pub async fn resend(db: &Db, merchant_id: &str, id: i64, now: i64) -> anyhow::Result<bool> {
    Ok(db
        .exec(&RESEND, params![id, merchant_id, now])
        .await
        .context("resending a webhook delivery")?
        == 1)
}
