//! Order management (protocol.md section 5): a verified capture, refund or void request acts on
//! the merchant's payment. The request is checked against the payment by the domain, the signed
//! answer is made before the write (so the write can keep it as the first answer for replays),
//! the store performs the operation as one unit of work, and a refusal is explained by the
//! domain rule applied to the payment as it is now.

use crate::crypto::sortable_hex;
use crate::domain::form::Fields;
use crate::domain::operations::{Money, OperationKind, OperationRequest, Refusal, Target, apply};
use crate::domain::response::{Outcome, ResponseValues, ResultKind};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::merchants::Signed;
use crate::store::operations::{self, Perform, Performed};
use crate::store::{now_millis, payments};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

/// An order-management request as received.
pub struct Request<'a> {
    pub fields: &'a Fields,
    /// The body's bytes: a byte-identical request is a replay.
    pub raw: &'a [u8],
    /// The `Idempotency-Key` header, if sent.
    pub idempotency_key: Option<&'a str>,
}

/// Which earlier request a request replays: its scope (`key:<Idempotency-Key>`, or
/// `body:<digest>` without one) and the digest of its bytes.
struct ReplayScope {
    scope_key: String,
    digest: String,
}

impl ReplayScope {
    fn of(kind: OperationKind, r: &Request<'_>) -> Result<Self, AppError> {
        let digest = hex::encode(Sha256::digest(
            [kind.as_str().as_bytes(), b"\n", r.raw].concat(),
        ));
        let scope_key = match r.idempotency_key {
            None => format!("body:{digest}"),
            Some(k)
                if !k.is_empty() && k.len() <= 255 && k.bytes().all(|b| b.is_ascii_graphic()) =>
            {
                format!("key:{k}")
            }
            Some(_) => {
                return Err(AppError::Malformed {
                    detail: "Idempotency-Key must be 1 to 255 visible ASCII characters".into(),
                    field: Some("Idempotency-Key".into()),
                });
            }
        };
        Ok(Self { scope_key, digest })
    }
}

/// The answer: an HTTP status and the JSON body.
pub struct Answer {
    pub status: u16,
    pub body: String,
}

/// Performs the operation `kind` that the request (verified as the merchant's) asks for.
pub async fn operate(
    state: &AppState,
    signed: &Signed,
    kind: OperationKind,
    r: Request<'_>,
) -> Result<Answer, AppError> {
    let merchant = &signed.merchant;
    let fields = r.fields;
    let request =
        OperationRequest::from_fields(fields, kind, state.settings.allow_private_targets)?;
    let payment = payments::find_by_gateway_reference(
        &state.db,
        &merchant.account_id,
        &request.gateway_reference,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let currency = payment.amount.currency();
    request.check_against(&Target {
        reference: &payment.reference,
        test: payment.test,
        currency,
    })?;

    // The answer is signed before the write, so the unit of work can store it as the first
    // answer.
    let operation_id = format!("gw_{}", sortable_hex::<6>());
    let mut echo: Vec<(String, String)> =
        vec![("x_account_id".into(), merchant.account_id.clone())];
    if let Some((_, text)) = &request.amount {
        echo.push(("x_amount".into(), text.clone()));
        echo.push(("x_currency".into(), currency.code().into()));
    }
    echo.push(("x_reference".into(), payment.reference.clone()));
    echo.push((
        "x_test".into(),
        fields
            .get("x_test")
            .filter(|t| !t.is_empty())
            .unwrap_or(if payment.test { "true" } else { "false" })
            .into(),
    ));
    let values = ResponseValues::sign(
        &echo,
        &Outcome {
            gateway_reference: &operation_id,
            result: ResultKind::Completed,
            transaction_type: kind.as_str(),
            message: None,
            card: None,
            at: OffsetDateTime::now_utc(),
        },
        signed.secret(),
    );
    let body: serde_json::Map<String, serde_json::Value> = values
        .pairs()
        .iter()
        .map(|(n, v)| (n.clone(), serde_json::Value::String(v.clone())))
        .collect();
    let answer_body = serde_json::Value::Object(body).to_string();
    let replay = ReplayScope::of(kind, &r)?;
    let callback_body = values.to_form();
    let performed = operations::perform(
        &state.db,
        Perform {
            payment_id: &payment.id,
            merchant_id: &merchant.account_id,
            op: request.operation(),
            amount_text: request.amount.as_ref().map(|(_, t)| t.as_str()),
            currency: currency.code(),
            operation_id: &operation_id,
            scope_key: &replay.scope_key,
            request_digest: &replay.digest,
            answer: &answer_body,
            callback: request
                .url_callback
                .as_ref()
                .map(|u| (u.as_str(), callback_body.as_str())),
            now: now_millis(),
        },
    )
    .await?;
    match performed {
        Performed::Done => {
            if request.url_callback.is_some() {
                state.callback_wake.notify_one();
            }
            tracing::info!(payment = %payment.id, operation = %operation_id, kind = kind.as_str(), "operation applied");
            Ok(Answer {
                status: 200,
                body: answer_body,
            })
        }
        Performed::Replay { status, body } => Ok(Answer { status, body }),
        Performed::KeyReused => Err(AppError::Invalid {
            field: "Idempotency-Key".into(),
            detail: "this Idempotency-Key was used for a different request".into(),
        }),
        Performed::Refused => {
            // Say why from the payment as it is now (it may have changed concurrently).
            let now = payments::find(&state.db, &payment.id)
                .await?
                .ok_or(AppError::NotFound)?;
            let money = Money {
                status: now.status,
                kind: now.transaction_type,
                authorized: now.authorized,
                captured: now.captured,
                refunded: now.refunded,
            };
            Err(match apply(&money, request.operation()) {
                Err(Refusal::Excessive(why)) => AppError::Invalid {
                    field: "x_amount".into(),
                    detail: why.into(),
                },
                Err(Refusal::NotAllowed(why)) => {
                    AppError::Conflict(format!("{why}; the payment is {}", now.status.as_str()))
                }
                Ok(_) => {
                    AppError::Conflict("the payment changed at the same moment; try again".into())
                }
            })
        }
    }
}
