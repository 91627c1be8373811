//! A webhook endpoint's events and deliveries: an event is queued in the callback outbox, one
//! row per subscribed endpoint, in the unit of work of the change it reports; the merchant lists
//! an endpoint's newest deliveries and sends one again (the same event, id and body, as a new
//! series of attempts).

use crate::crypto::sortable_hex;
use crate::domain::callback::CallbackStatus;
use crate::domain::webhook::Subscription;
use crate::store::audit::{self, Change, Event};
use crate::store::db::{Db, Tx};
use crate::store::merchants::Actor;
use crate::store::objects::{PaymentObject, SessionObject};
use crate::store::sql::Sql;
use anyhow::{Context, anyhow};

/// The `data.object` of an event, as the API shows it.
#[derive(Debug, Clone)]
pub enum EventObject {
    Payment(PaymentObject),
    Session(SessionObject),
}

impl EventObject {
    fn json(&self) -> serde_json::Value {
        match self {
            EventObject::Payment(p) => p.json(),
            EventObject::Session(s) => s.json(),
        }
    }
}

/// An event to queue: its type, what it is about, and when. Its id (`evt_…`, the
/// `webhook-id` of every attempt) and body are made only when an endpoint wants it, so a
/// change of a merchant without endpoints pays one indexed read and nothing more.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub event_type: &'static str,
    pub merchant_id: String,
    pub payment_id: String,
    pub object: EventObject,
    /// Milliseconds since the epoch.
    pub at: i64,
}

impl NewEvent {
    /// The body every attempt sends, byte for byte.
    fn body(&self, id: &str) -> String {
        serde_json::json!({
            "id": id,
            "type": self.event_type,
            "created_at": self.at.div_euclid(1000),
            "data": {"object": self.object.json()},
        })
        .to_string()
    }
}

/// The merchant's endpoints (id, URL) that want `event_type`.
pub async fn subscribed(
    tx: Tx<'_>,
    merchant_id: &str,
    event_type: &str,
) -> anyhow::Result<Vec<(String, String)>> {
    let endpoints: Vec<(String, String, String)> = tx
        .fetch_all(&SUBSCRIBED, params![merchant_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .await
        .context("finding webhook endpoints")?;
    Ok(endpoints
        .into_iter()
        .filter(|(_, _, events)| Subscription::from_text(events).wants(event_type))
        .map(|(id, url, _)| (id, url))
        .collect())
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
    let wanted = subscribed(tx, &event.merchant_id, event.event_type).await?;
    queue(tx, &wanted, event, now).await
}

/// Queues `event` for `endpoints` (from [`subscribed`]), one event id for all of them.
pub async fn queue(
    tx: Tx<'_>,
    endpoints: &[(String, String)],
    event: &NewEvent,
    now: i64,
) -> anyhow::Result<usize> {
    if endpoints.is_empty() {
        return Ok(0);
    }
    let event_id = format!("evt_{}", sortable_hex::<10>());
    let body = event.body(&event_id);
    let rows = endpoints
        .iter()
        .map(|(id, url)| {
            params![
                event.payment_id.as_str(),
                event.merchant_id.as_str(),
                url.as_str(),
                body.as_str(),
                event.event_type,
                now,
                id.as_str(),
                event_id.as_str(),
            ]
        })
        .collect();
    tx.exec_each(&QUEUE, rows)
        .await
        .context("queueing webhook deliveries")?;
    Ok(endpoints.len())
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
/// event (id and body) to the endpoint's current URL, audit-logged given `by`. False if there
/// is no such delivery or its endpoint was deleted, and then nothing is recorded.
pub async fn resend(
    db: &Db,
    merchant_id: &str,
    id: i64,
    now: i64,
    by: Option<&Actor>,
) -> anyhow::Result<bool> {
    let change = by.map(|by| {
        let detail = format!("webhook delivery {id} sent again");
        Change::by(merchant_id, by, Event::WebhookResent, detail, now)
    });
    audit::changed_with(db, &RESEND, params![id, merchant_id, now], change)
        .await
        .context("resending a webhook delivery")
}
