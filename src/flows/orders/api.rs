//! The third way to ask for an operation: the sessions API (`POST /v1/payments/{id}/capture`,
//! `…/refunds`, `…/void`). Its answer is the operation object, made in the unit of work; its
//! replay scope is the request's `Idempotency-Key`.

use super::{Answer, Order, ReplayScope, perform};
use crate::crypto::sortable_hex;
use crate::domain::money::Amount;
use crate::domain::operations::{Operation, OperationKind};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::now_millis;
use crate::store::payments::Payment;
use secrecy::ExposeSecret;

/// A capture, refund or void asked for through the sessions API.
pub struct FromApi<'a> {
    pub payment: &'a Payment,
    pub kind: OperationKind,
    /// Minor units: required for a refund; a capture without one takes what is not yet
    /// captured.
    pub amount: Option<i64>,
    /// The `Idempotency-Key` and the digest of what the request asks.
    pub idempotency: Option<(&'a str, String)>,
}

/// Performs an operation asked for through the sessions API on a payment the caller may see;
/// the answer is the operation object, and a replay of its `Idempotency-Key` gets it again.
pub async fn from_api(state: &AppState, a: FromApi<'_>) -> Result<Answer, AppError> {
    let payment = a.payment;
    let currency = payment.amount.currency();
    let op = match (a.kind, a.amount) {
        (OperationKind::Capture, amount) => {
            Operation::Capture(amount.unwrap_or(payment.authorized - payment.captured))
        }
        (OperationKind::Refund, Some(amount)) => Operation::Refund(amount),
        (OperationKind::Refund, None) => {
            return Err(AppError::Malformed {
                detail: "a refund needs an amount, in minor units".into(),
                field: Some("amount".into()),
            });
        }
        (OperationKind::Void, _) => Operation::Void,
    };
    let amount_text = match op {
        Operation::Capture(m) | Operation::Refund(m) => {
            Some(Amount::from_minor(m, currency).display())
        }
        Operation::Void => None,
    };
    let merchant = state
        .merchants
        .get(&state.db, &state.key, &payment.merchant_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let key = merchant.signing_key(payment.secret_version, now_millis());
    let replay = match a.idempotency {
        Some((key, digest)) => ReplayScope {
            scope_key: format!("api:{key}"),
            digest,
        },
        // Without a key every request is its own operation.
        None => ReplayScope {
            scope_key: format!("api-once:{}", sortable_hex::<10>()),
            digest: String::new(),
        },
    };
    perform(
        state,
        Order {
            payment,
            op,
            amount_text: amount_text.as_deref(),
            amount_field: "amount",
            test: if payment.test { "true" } else { "false" },
            secret: key.secret.expose_secret(),
            callback_url: (!payment.url_callback.is_empty()).then_some(&payment.url_callback),
            replay,
            by: None,
            api: true,
        },
    )
    .await
}
