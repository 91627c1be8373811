//! Storing a new payment, whichever way it came in (an `x_` request or a session): one
//! grouped statement whose unique `(merchant_id, reference)` index decides duplicates.

use super::{Payment, SessionPart, Stored, find_by_reference};
use crate::crypto::{random_bytes, sortable_hex_with};
use crate::domain::money::Amount;
use crate::domain::payment::Status;
use crate::domain::request::{PaymentRequest, TransactionType};
use crate::store::db::Db;
use crate::store::now_millis;
use crate::store::sql::Sql;
use anyhow::Context;
use std::time::Duration;
use url::Url;

/// One statement per payment, group-committed with the others arriving together; the unique
/// index decides duplicates (a row not inserted was already there).
static INSERT: Sql = Sql::new(
    "INSERT INTO payments (id, merchant_id, reference, request_signature, request_fields,
         amount_minor, amount_text, currency, test, transaction_type, status, declines, message,
         csrf_token, url_complete, url_cancel, url_callback, locale, card_brand, card_last4,
         gateway_reference, response, settle_at, created_at, updated_at, authorized_minor,
         captured_minor, refunded_minor, secret_version, expires_at, session_id, ui_mode,
         metadata)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', 0, NULL, $11, $12, $13, $14, $15,
         NULL, NULL, $16, NULL, NULL, $17, $17, 0, 0, 0, $18, $19, $20, $21, $22)
     ON CONFLICT (merchant_id, reference) DO NOTHING",
);

/// A payment to store, whichever way it came in.
pub struct NewPayment<'a> {
    pub merchant_id: &'a str,
    pub reference: &'a str,
    /// The `x_signature` of the request (lower-case), or empty for a session.
    pub signature: &'a str,
    pub fields: &'a [(String, String)],
    pub amount: Amount,
    /// The amount as received (`x_amount`), or as the API's minor units read.
    pub amount_text: &'a str,
    pub test: bool,
    pub transaction_type: TransactionType,
    pub url_complete: &'a str,
    pub url_cancel: &'a str,
    /// Empty when there is no storefront callback (sessions use webhooks).
    pub url_callback: &'a str,
    pub locale: Option<String>,
    pub secret_version: i64,
    pub ttl: Duration,
    /// (session id, embedded, metadata JSON) for a session.
    pub session: Option<(&'a str, bool, &'a str)>,
}

/// The values a new payment's row is made of beyond what [`NewPayment`] says.
struct Made {
    csrf_token: String,
    gateway_reference: String,
    now: i64,
    expires_at: i64,
}

impl Made {
    fn of(random: &[u8; 32], ttl: Duration) -> Self {
        let now = now_millis();
        Self {
            csrf_token: hex::encode(&random[10..26]),
            gateway_reference: format!("gw_{}", sortable_hex_with(&random[26..])),
            now,
            expires_at: now.saturating_add(i64::try_from(ttl.as_millis()).unwrap_or(i64::MAX)),
        }
    }
}

/// Inserts the row; false if the merchant already has a payment with this reference.
async fn insert_row(db: &Db, id: &str, new: &NewPayment<'_>, made: &Made) -> anyhow::Result<bool> {
    let values = params![
        id,
        new.merchant_id,
        new.reference,
        new.signature.to_ascii_lowercase(),
        serde_json::to_string(new.fields)?,
        new.amount.minor(),
        new.amount_text,
        new.amount.currency().code(),
        new.test,
        new.transaction_type.as_str(),
        made.csrf_token.as_str(),
        new.url_complete,
        new.url_cancel,
        new.url_callback,
        new.locale.clone(),
        made.gateway_reference.as_str(),
        made.now,
        new.secret_version,
        made.expires_at,
        new.session.map(|(s, _, _)| s),
        new.session
            .map(|(_, embedded, _)| if embedded { "embedded" } else { "hosted" }),
        new.session.map(|(_, _, metadata)| metadata),
    ];
    Ok(db
        .exec_grouped(&INSERT, values)
        .await
        .context("storing a payment")?
        == 1)
}

async fn existing(db: &Db, new: &NewPayment<'_>) -> anyhow::Result<Box<Payment>> {
    let existing = find_by_reference(db, new.merchant_id, new.reference)
        .await?
        .context("a duplicate reference without its payment")?;
    Ok(Box::new(existing))
}

/// Stores `new` under `id` (a fresh [`new_id`]), payable for its ttl, or finds the payment that
/// already holds its reference.
pub async fn insert(
    db: &Db,
    id: String,
    random: &[u8; 32],
    new: &NewPayment<'_>,
) -> anyhow::Result<Stored> {
    let made = Made::of(random, new.ttl);
    if insert_row(db, &id, new, &made).await? {
        return Ok(Stored::New(id));
    }
    Ok(Stored::Existing(existing(db, new).await?))
}

/// [`insert`], answering the payment as stored (built from what was written, without reading
/// it back), or `Err` with the payment that already holds the reference.
pub async fn insert_returning(
    db: &Db,
    id: String,
    random: &[u8; 32],
    new: &NewPayment<'_>,
) -> anyhow::Result<Result<Payment, Box<Payment>>> {
    let made = Made::of(random, new.ttl);
    if !insert_row(db, &id, new, &made).await? {
        return Ok(Err(existing(db, new).await?));
    }
    Ok(Ok(Payment {
        id,
        merchant_id: new.merchant_id.to_string(),
        reference: new.reference.to_string(),
        request_signature: new.signature.to_ascii_lowercase(),
        fields: new.fields.to_vec(),
        amount: new.amount,
        test: new.test,
        transaction_type: new.transaction_type,
        status: Status::Open,
        declines: 0,
        message: None,
        csrf_token: made.csrf_token,
        url_complete: Url::parse(new.url_complete).context("a stored return URL")?,
        url_cancel: new.url_cancel.to_string(),
        url_callback: new.url_callback.to_string(),
        locale: new.locale.clone(),
        card_brand: None,
        card_last4: None,
        gateway_reference: made.gateway_reference,
        response: None,
        settle_at: None,
        authorized: 0,
        captured: 0,
        refunded: 0,
        attempt_in_flight: None,
        secret_version: new.secret_version,
        expires_at: Some(made.expires_at),
        created_at: made.now,
        session: new.session.map(|(id, embedded, metadata)| SessionPart {
            id: id.to_string(),
            embedded,
            metadata: metadata.to_string(),
        }),
    }))
}

/// A fresh payment id and the random bytes its other random values come from (one draw from
/// the OS for the payment's three random values).
pub fn new_id() -> (String, [u8; 32]) {
    let random = random_bytes::<32>();
    (sortable_hex_with(&random[..10]), random)
}

/// Stores a verified request, payable for `ttl`, or returns the payment that already holds its
/// reference.
pub async fn insert_or_get(
    db: &Db,
    request: &PaymentRequest,
    signature: &str,
    secret_version: i64,
    ttl: Duration,
) -> anyhow::Result<Stored> {
    let (id, random) = new_id();
    let amount_text = request
        .stored_fields
        .iter()
        .find(|(n, _)| n == "x_amount")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    let new = NewPayment {
        merchant_id: &request.account_id,
        reference: &request.reference,
        signature,
        fields: &request.stored_fields,
        amount: request.amount,
        amount_text,
        test: request.test,
        transaction_type: request.transaction_type,
        url_complete: request.url_complete.as_str(),
        url_cancel: request.url_cancel.as_str(),
        url_callback: request.url_callback.as_str(),
        locale: request.locale.clone(),
        secret_version,
        ttl,
        session: None,
    };
    insert(db, id, &random, &new).await
}
