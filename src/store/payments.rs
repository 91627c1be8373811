//! Payments: insert-or-find decided by the unique `(merchant_id, reference)` index, reads, and
//! state changes as single conditional updates (`WHERE status = ? AND declines = ?`), so of
//! two concurrent submits exactly one changes the row.

use super::db::{Db, Tx};
use super::outbox::{self, NewCallback};
use super::sql::{Row, Sql};
use super::{from_millis, millis, now_millis};
use crate::domain::money::{Amount, Currency};
use crate::domain::payment::Status;
use crate::domain::request::TransactionType;
use crate::domain::response::ResponseValues;
use anyhow::{Context, anyhow};
use time::OffsetDateTime;
use url::Url;

mod insert;
pub use insert::{NewPayment, insert, insert_or_get, insert_returning, new_id};

/// A stored payment.
#[derive(Debug, Clone)]
pub struct Payment {
    pub id: String,
    pub merchant_id: String,
    pub reference: String,
    pub request_signature: String,
    pub fields: Vec<(String, String)>,
    pub amount: Amount,
    pub test: bool,
    pub transaction_type: TransactionType,
    pub status: Status,
    pub declines: i32,
    pub message: Option<String>,
    pub csrf_token: String,
    pub url_complete: Url,
    /// As validated at checkout; kept as text, since only the return URL is ever taken apart
    /// (a URL parse is ~3k instructions, and every page view loads the payment).
    pub url_cancel: String,
    pub url_callback: String,
    pub locale: Option<String>,
    pub card_brand: Option<String>,
    pub card_last4: Option<String>,
    pub gateway_reference: String,
    pub response: Option<ResponseValues>,
    pub settle_at: Option<OffsetDateTime>,
    /// Money in minor units: refunded <= captured <= authorized.
    pub authorized: i64,
    pub captured: i64,
    pub refunded: i64,
    /// The idempotency key of a processor call in flight, until its outcome is applied.
    pub attempt_in_flight: Option<String>,
    /// The version of the merchant secret that verified the request; its answers are signed
    /// with it while it is valid.
    pub secret_version: i64,
    /// When it expires if still unpaid (milliseconds since the epoch; `None`: never).
    pub expires_at: Option<i64>,
    pub created_at: i64,
    /// Set when the payment was made by the sessions API (protocol.md section 11): the
    /// session is this payment.
    pub session: Option<SessionPart>,
}

/// What a payment made by the sessions API keeps beyond an `x_` request's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionPart {
    /// `cs_…`.
    pub id: String,
    /// The page is shown in the merchant's frame (protocol.md section 13).
    pub embedded: bool,
    /// Up to 20 string pairs, as JSON.
    pub metadata: String,
}

impl Payment {
    /// A stored request field, as received.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    /// The processor idempotency key of the current attempt.
    pub fn attempt_key(&self) -> String {
        format!("{}:{}", self.id, self.declines)
    }

    /// The processor idempotency key of the shopper's answer to the current attempt's
    /// 3-D Secure challenge.
    pub fn challenge_key(&self) -> String {
        format!("{}:{}:3ds", self.id, self.declines)
    }

    /// The card kept from the last attempt, if any.
    pub fn card(&self) -> Option<(&str, &str)> {
        match (&self.card_brand, &self.card_last4) {
            (Some(b), Some(l)) => Some((b.as_str(), l.as_str())),
            _ => None,
        }
    }
}

/// Every column a [`Payment`] is read from, in [`payment`]'s order.
macro_rules! columns {
    () => {
        "id, merchant_id, reference, request_signature, request_fields, amount_minor, currency, \
         test, transaction_type, status, declines, message, csrf_token, url_complete, \
         url_cancel, url_callback, locale, card_brand, card_last4, gateway_reference, response, \
         settle_at, authorized_minor, captured_minor, refunded_minor, attempt_key, \
         secret_version, expires_at, created_at, session_id, ui_mode, metadata"
    };
}

pub(super) use columns;

pub(super) fn payment(r: &Row<'_>) -> anyhow::Result<Payment> {
    let id: String = r.get(0)?;
    let bad = |what: &str| anyhow!("payment {id} has an unreadable {what}");
    let text = |i: usize| r.get::<String>(i);
    let currency = Currency::parse(&text(6)?).ok_or_else(|| bad("currency"))?;
    let url = |i: usize| -> anyhow::Result<Url> { Url::parse(&text(i)?).map_err(|_| bad("url")) };
    Ok(Payment {
        merchant_id: text(1)?,
        reference: text(2)?,
        request_signature: text(3)?,
        fields: serde_json::from_str(&text(4)?).map_err(|_| bad("request"))?,
        amount: Amount::from_minor(r.get(5)?, currency),
        test: r.get(7)?,
        transaction_type: TransactionType::parse(&text(8)?)
            .ok_or_else(|| bad("transaction type"))?,
        status: Status::parse(&text(9)?).ok_or_else(|| bad("status"))?,
        declines: r.get(10)?,
        message: r.get(11)?,
        csrf_token: text(12)?,
        url_complete: url(13)?,
        url_cancel: text(14)?,
        url_callback: text(15)?,
        locale: r.get(16)?,
        card_brand: r.get(17)?,
        card_last4: r.get(18)?,
        gateway_reference: text(19)?,
        response: match r.get::<Option<String>>(20)? {
            Some(json) => Some(serde_json::from_str(&json).map_err(|_| bad("response"))?),
            None => None,
        },
        settle_at: r.get::<Option<i64>>(21)?.map(from_millis),
        authorized: r.get(22)?,
        captured: r.get(23)?,
        refunded: r.get(24)?,
        attempt_in_flight: r.get(25)?,
        secret_version: r.get(26)?,
        expires_at: r.get(27)?,
        created_at: r.get(28)?,
        session: match r.get::<Option<String>>(29)? {
            Some(session_id) => Some(SessionPart {
                id: session_id,
                embedded: r.get::<Option<String>>(30)?.as_deref() == Some("embedded"),
                metadata: r.get::<Option<String>>(31)?.unwrap_or_else(|| "{}".into()),
            }),
            None => None,
        },
        id,
    })
}

/// The result of storing a request.
pub enum Stored {
    /// A new payment, by its id.
    New(String),
    /// The merchant already has a payment with this reference.
    Existing(Box<Payment>),
}

static BY_ID: Sql = Sql::new(concat!(
    "SELECT ",
    columns!(),
    " FROM payments WHERE id = $1"
));
static BY_REFERENCE: Sql = Sql::new(concat!(
    "SELECT ",
    columns!(),
    " FROM payments WHERE merchant_id = $1 AND reference = $2"
));
static BY_SESSION: Sql = Sql::new(concat!(
    "SELECT ",
    columns!(),
    " FROM payments WHERE session_id = $1 AND merchant_id = $2"
));
static BY_GATEWAY_REFERENCE: Sql = Sql::new(concat!(
    "SELECT ",
    columns!(),
    " FROM payments WHERE merchant_id = $1 AND gateway_reference = $2"
));
static DUE_FOR_SETTLEMENT: Sql = Sql::new(concat!(
    "SELECT ",
    columns!(),
    " FROM payments WHERE status = 'pending' AND settle_at <= $1 ORDER BY settle_at LIMIT $2"
));

pub async fn find(db: &Db, id: &str) -> anyhow::Result<Option<Payment>> {
    db.fetch_optional(&BY_ID, params![id], payment).await
}

/// The merchant's payment that is session `session_id` (another merchant's is not found).
pub async fn find_by_session(
    db: &Db,
    merchant_id: &str,
    session_id: &str,
) -> anyhow::Result<Option<Payment>> {
    db.fetch_optional(&BY_SESSION, params![session_id, merchant_id], payment)
        .await
}

/// [`find`], in a unit of work: the payment as that unit has changed it so far.
pub async fn find_in(tx: Tx<'_>, id: &str) -> anyhow::Result<Option<Payment>> {
    tx.fetch_optional(&BY_ID, params![id], payment).await
}

pub async fn find_by_reference(
    db: &Db,
    merchant_id: &str,
    reference: &str,
) -> anyhow::Result<Option<Payment>> {
    db.fetch_optional(&BY_REFERENCE, params![merchant_id, reference], payment)
        .await
}

/// A merchant's payment by its gateway reference (another merchant's is not found).
pub async fn find_by_gateway_reference(
    db: &Db,
    merchant_id: &str,
    gateway_reference: &str,
) -> anyhow::Result<Option<Payment>> {
    db.fetch_optional(
        &BY_GATEWAY_REFERENCE,
        params![merchant_id, gateway_reference],
        payment,
    )
    .await
}

/// Pending payments whose settle time has come, oldest first.
pub async fn due_for_settlement(
    db: &Db,
    now: OffsetDateTime,
    limit: u64,
) -> anyhow::Result<Vec<Payment>> {
    db.fetch_all(
        &DUE_FOR_SETTLEMENT,
        params![millis(now), limit as i64],
        payment,
    )
    .await
}

/// A change of state, applied only if the payment is still as the caller saw it.
#[derive(Debug, Clone)]
pub struct Change {
    pub status: Status,
    pub declines: i32,
    pub message: Option<String>,
    pub card: Option<(String, String)>,
    pub response: Option<ResponseValues>,
    pub settle_at: Option<OffsetDateTime>,
    /// (authorized, captured) once the processor approved.
    pub money: Option<(i64, i64)>,
}

/// The conditional update behind [`Change`]: optional parts keep the stored value when unset.
/// Whatever attempt was in flight has its outcome now.
static CHANGE_IF: Sql = Sql::new(
    "UPDATE payments SET status = $1, declines = $2, message = $3,
         settle_at = $4, updated_at = $5, attempt_key = NULL, attempt_at = NULL,
         card_brand = COALESCE($6, card_brand), card_last4 = COALESCE($7, card_last4),
         authorized_minor = COALESCE($8, authorized_minor),
         captured_minor = COALESCE($9, captured_minor),
         response = COALESCE($10, response)
     WHERE id = $11 AND status = $12 AND declines = $13",
);

/// Applies `change` if the payment is in `from` with `from_declines`, and queues `callback` with
/// it, in the caller's unit of work; returns whether the payment changed. Nothing is queued when
/// it did not.
pub async fn change_if(
    tx: Tx<'_>,
    id: &str,
    (from, from_declines): (Status, i32),
    change: &Change,
    callback: Option<&NewCallback>,
) -> anyhow::Result<bool> {
    let response = match &change.response {
        Some(r) => Some(serde_json::to_string(r)?),
        None => None,
    };
    let now = now_millis();
    let changed = tx
        .exec(
            &CHANGE_IF,
            params![
                change.status.as_str(),
                change.declines,
                change.message.clone(),
                change.settle_at.map(millis),
                now,
                change.card.as_ref().map(|(b, _)| b.as_str()),
                change.card.as_ref().map(|(_, l)| l.as_str()),
                change.money.map(|(a, _)| a),
                change.money.map(|(_, c)| c),
                response,
                id,
                from.as_str(),
                from_declines,
            ],
        )
        .await
        .context("updating a payment")?
        == 1;
    if changed && let Some(cb) = callback {
        outbox::enqueue(tx, cb, now).await?;
    }
    Ok(changed)
}

/// A payment with a processor call in flight keeps its status until the outcome is applied.
static SET_STATUS_IF: Sql = Sql::new(
    "UPDATE payments SET status = $1, updated_at = $2
     WHERE id = $3 AND status = $4 AND attempt_key IS NULL",
);

/// Moves a payment from one status to another without other changes, unless a processor call
/// is in flight for it.
pub async fn set_status_if(db: &Db, id: &str, from: Status, to: Status) -> anyhow::Result<bool> {
    let changed = db
        .exec(
            &SET_STATUS_IF,
            params![to.as_str(), now_millis(), id, from.as_str()],
        )
        .await
        .context("updating a payment")?;
    Ok(changed == 1)
}
