//! The JSON objects of the sessions API (protocol.md section 11) made from stored payments: a
//! payment, and a session (which is its payment seen from the API that made it). The same
//! objects answer API calls and are the `data.object` of webhook events, so a webhook and a
//! `GET` of the same state are the same JSON. Their OpenAPI schemas come from these types.

use super::payment_list::{Listed, Refunded};
use super::payments::Payment;
use crate::domain::operations::OperationKind;
use crate::domain::payment::Status;
use poem_openapi::Object;
use poem_openapi::types::ToJSON;
use std::collections::BTreeMap;

/// The last card used on a payment: brand and last four digits, never more.
#[derive(Debug, Clone, PartialEq, Eq, Object)]
pub struct CardObject {
    /// `visa`, `mastercard`, `amex`, …
    pub brand: String,
    pub last4: String,
}

/// A payment, however it was made (an `x_` request or a session).
#[derive(Debug, Clone, PartialEq, Eq, Object)]
pub struct PaymentObject {
    /// The payment id (32 hex digits).
    pub id: String,
    /// Always `payment`.
    pub object: String,
    /// One of `open pending authorized captured partially_refunded refunded voided failed
    /// cancelled expired`.
    pub status: String,
    /// In minor units of the currency.
    pub amount: i64,
    pub amount_captured: i64,
    pub amount_refunded: i64,
    /// ISO 4217 code.
    pub currency: String,
    /// The merchant's own reference (unique per merchant).
    pub reference: String,
    #[oai(nullable)]
    pub card: Option<CardObject>,
    /// Unix seconds.
    pub created_at: i64,
    /// Whether this is a live payment (false: a test payment).
    pub livemode: bool,
}

/// A session's payment, in brief.
#[derive(Debug, Clone, PartialEq, Eq, Object)]
pub struct SessionPayment {
    pub id: String,
    pub status: String,
}

/// A checkout session: where to send the shopper, and what became of the payment.
#[derive(Debug, Clone, PartialEq, Eq, Object)]
pub struct SessionObject {
    /// `cs_…`.
    pub id: String,
    /// Always `session`.
    pub object: String,
    /// `open` (not paid yet), `complete` (its payment is authorized or captured) or `expired`.
    pub status: String,
    /// The hosted payment page: redirect the shopper here, or frame it (`ui_mode: embedded`).
    pub url: String,
    pub amount: i64,
    pub currency: String,
    pub reference: String,
    /// `hosted` or `embedded`.
    pub ui_mode: String,
    /// Unix seconds.
    pub expires_at: i64,
    #[oai(nullable)]
    pub payment: Option<SessionPayment>,
    /// Unix seconds.
    pub created_at: i64,
    pub metadata: BTreeMap<String, String>,
    pub livemode: bool,
}

/// Every payment status the API names, in the order a payment can reach them.
pub const API_STATUSES: [&str; 10] = [
    "open",
    "pending",
    "authorized",
    "captured",
    "partially_refunded",
    "refunded",
    "voided",
    "failed",
    "cancelled",
    "expired",
];

/// The stored status (and refund state) an API status names.
pub fn stored_status(api: &str) -> Option<(Status, Option<Refunded>)> {
    Some(match api {
        "open" => (Status::Open, None),
        "pending" => (Status::Pending, None),
        "authorized" => (Status::Authorized, None),
        "captured" => (Status::Captured, Some(Refunded::None)),
        "partially_refunded" => (Status::Captured, Some(Refunded::Partly)),
        "refunded" => (Status::Captured, Some(Refunded::Fully)),
        "voided" => (Status::Voided, None),
        "failed" => (Status::Failed, None),
        "cancelled" => (Status::Cancelled, None),
        "expired" => (Status::Expired, None),
        _ => return None,
    })
}

/// The API's name of a payment's state.
pub fn api_status(p: &Payment) -> &'static str {
    status_name(p.status, p.captured, p.refunded)
}

/// The API's name of a state: `status` with that much captured and refunded.
pub fn status_name(status: Status, captured: i64, refunded: i64) -> &'static str {
    match status {
        Status::Open | Status::Challenge => "open",
        Status::Pending => "pending",
        Status::Authorized => "authorized",
        Status::Captured if refunded > 0 && refunded >= captured => "refunded",
        Status::Captured if refunded > 0 => "partially_refunded",
        Status::Captured => "captured",
        Status::Failed => "failed",
        Status::Cancelled => "cancelled",
        Status::Voided => "voided",
        Status::Expired => "expired",
    }
}

fn seconds(ms: i64) -> i64 {
    ms.div_euclid(1000)
}

impl PaymentObject {
    pub fn of(p: &Payment) -> Self {
        Self {
            id: p.id.clone(),
            object: "payment".into(),
            status: api_status(p).into(),
            amount: p.amount.minor(),
            amount_captured: p.captured,
            amount_refunded: p.refunded,
            currency: p.amount.currency().code().into(),
            reference: p.reference.clone(),
            card: p.card().map(|(brand, last4)| CardObject {
                brand: brand.into(),
                last4: last4.into(),
            }),
            created_at: seconds(p.created_at),
            livemode: !p.test,
        }
    }

    /// A payment as a list reads it.
    pub fn of_listed(p: &Listed) -> Self {
        Self {
            id: p.id.clone(),
            object: "payment".into(),
            status: status_name(p.status, p.captured, p.refunded).into(),
            amount: p.amount.minor(),
            amount_captured: p.captured,
            amount_refunded: p.refunded,
            currency: p.amount.currency().code().into(),
            reference: p.reference.clone(),
            card: match (&p.card_brand, &p.card_last4) {
                (Some(brand), Some(last4)) => Some(CardObject {
                    brand: brand.clone(),
                    last4: last4.clone(),
                }),
                _ => None,
            },
            created_at: seconds(p.created_at),
            livemode: !p.test,
        }
    }

    pub fn json(&self) -> serde_json::Value {
        self.to_json().unwrap_or_default()
    }
}

/// The session a payment is, if the sessions API made it; `public_url` is the gateway's own
/// address, for the page's URL.
pub fn session_of(p: &Payment, public_url: &str) -> Option<SessionObject> {
    let s = p.session.as_ref()?;
    let status = match p.status {
        Status::Expired => "expired",
        _ if p.authorized > 0 => "complete",
        // Its last card attempt failed: it can take no more, and ends at its time.
        Status::Failed if p.expires_at.is_some_and(|e| e <= super::now_millis()) => "expired",
        _ => "open",
    };
    Some(SessionObject {
        id: s.id.clone(),
        object: "session".into(),
        status: status.into(),
        url: format!("{}/pay/{}", public_url.trim_end_matches('/'), p.id),
        amount: p.amount.minor(),
        currency: p.amount.currency().code().into(),
        reference: p.reference.clone(),
        ui_mode: if s.embedded { "embedded" } else { "hosted" }.into(),
        expires_at: seconds(p.expires_at.unwrap_or(p.created_at)),
        payment: Some(SessionPayment {
            id: p.id.clone(),
            status: api_status(p).into(),
        }),
        created_at: seconds(p.created_at),
        metadata: serde_json::from_str(&s.metadata).unwrap_or_default(),
        livemode: !p.test,
    })
}

impl SessionObject {
    pub fn json(&self) -> serde_json::Value {
        self.to_json().unwrap_or_default()
    }
}

/// A capture, refund or void the API performed.
#[derive(Debug, Clone, PartialEq, Eq, Object)]
pub struct OperationObject {
    /// `op_…`.
    pub id: String,
    /// Always `operation`.
    pub object: String,
    /// `capture`, `refund` or `void`.
    pub kind: String,
    /// In minor units; none for a void.
    #[oai(nullable)]
    pub amount: Option<i64>,
    /// Always `succeeded` (a refused operation is an error, and changes nothing).
    pub status: String,
    /// The payment as the operation left it.
    pub payment: PaymentObject,
}

impl OperationObject {
    pub fn of(id: &str, kind: OperationKind, amount: Option<i64>, after: &Payment) -> Self {
        Self {
            id: id.into(),
            object: "operation".into(),
            kind: kind.as_str().into(),
            amount,
            status: "succeeded".into(),
            payment: PaymentObject::of(after),
        }
    }

    pub fn json(&self) -> serde_json::Value {
        self.to_json().unwrap_or_default()
    }
}
