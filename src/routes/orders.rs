//! `POST /capture`, `/refund`, `/void` (protocol.md section 5): server-to-server requests whose
//! signed values are in the body, JSON or a form. The answer is JSON: signed response values on
//! success, `{"x_result": "failed", "x_message": …}` with 401/404/409/422 otherwise. Replays of a
//! byte-identical request (or of an `Idempotency-Key`) within 24 h answer the first answer.

use super::{read_body, verified_merchant};
use crate::crypto::sortable_hex;
use crate::domain::form::{Fields, Limits};
use crate::domain::money::Currency;
use crate::domain::operations::{Money, OperationKind, OperationRequest, Refusal, apply};
use crate::domain::response::{Outcome, ResponseValues, ResultKind};
use crate::error::AppError;
use crate::startup::AppState;
use crate::store::operations::{self, Perform, Performed};
use crate::store::{now_millis, payments};
use poem::http::StatusCode;
use poem::web::Data;
use poem::{Body, Request, Response, handler};
use secrecy::ExposeSecret;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

#[handler]
pub async fn capture(req: &Request, body: Body, Data(state): Data<&AppState>) -> Response {
    answer(
        operate(req, body, state, OperationKind::Capture).await,
        OperationKind::Capture,
    )
}

#[handler]
pub async fn refund(req: &Request, body: Body, Data(state): Data<&AppState>) -> Response {
    answer(
        operate(req, body, state, OperationKind::Refund).await,
        OperationKind::Refund,
    )
}

#[handler]
pub async fn void(req: &Request, body: Body, Data(state): Data<&AppState>) -> Response {
    answer(
        operate(req, body, state, OperationKind::Void).await,
        OperationKind::Void,
    )
}

fn json(status: StatusCode, body: String) -> Response {
    Response::builder()
        .status(status)
        .content_type("application/json")
        .body(body)
}

fn answer(result: Result<(StatusCode, String), AppError>, kind: OperationKind) -> Response {
    match result {
        Ok((status, body)) => json(status, body),
        Err(e) => {
            let status = e.status();
            let message = match &e {
                AppError::Unexpected(cause) => {
                    tracing::error!(error = format!("{cause:#}"), "order management failed");
                    "Something went wrong on our side; nothing was changed. Try again.".to_string()
                }
                AppError::Signature => "The signature is not valid.".to_string(),
                AppError::UnknownAccount => "The account is not known to this gateway.".to_string(),
                AppError::NotFound => {
                    "No payment of this account has this x_gateway_reference.".to_string()
                }
                other => other.to_string(),
            };
            tracing::info!(
                code = e.code(),
                operation = kind.as_str(),
                "order management refused"
            );
            let body = serde_json::json!({
                "x_result": "failed",
                "x_message": message,
                "x_transaction_type": kind.as_str(),
                "code": e.code(),
            });
            json(status, body.to_string())
        }
    }
}

/// Reads the body as JSON or as a form, by its Content-Type.
async fn body_fields(req: &Request, body: Body) -> Result<(Fields, Vec<u8>), AppError> {
    let mime = req
        .header("content-type")
        .and_then(|ct| ct.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let is_json = mime == "application/json";
    if !(is_json || mime.is_empty() || mime == "application/x-www-form-urlencoded") {
        return Err(AppError::Unsupported);
    }
    let bytes = read_body(req, body).await?;
    let fields = if is_json {
        Fields::from_json(&bytes, Limits::default())?
    } else {
        Fields::parse(&bytes, Limits::default())?
    };
    Ok((fields, bytes))
}

/// The replay scope: the Idempotency-Key header, or the exact bytes of the request.
fn scope_key(req: &Request, kind: OperationKind, raw: &[u8]) -> Result<(String, String), AppError> {
    let digest = hex::encode(Sha256::digest(
        [kind.as_str().as_bytes(), b"\n", raw].concat(),
    ));
    match req.header("idempotency-key") {
        None => Ok((format!("body:{digest}"), digest)),
        Some(k) if !k.is_empty() && k.len() <= 255 && k.bytes().all(|b| b.is_ascii_graphic()) => {
            Ok((format!("key:{k}"), digest))
        }
        Some(_) => Err(AppError::Malformed {
            detail: "Idempotency-Key must be 1 to 255 visible ASCII characters".into(),
            field: Some("Idempotency-Key".into()),
        }),
    }
}

async fn operate(
    req: &Request,
    body: Body,
    state: &AppState,
    kind: OperationKind,
) -> Result<(StatusCode, String), AppError> {
    let (fields, raw) = body_fields(req, body).await?;
    let merchant = verified_merchant(state, &fields).await?;
    let secret = &merchant.secret;
    let request =
        OperationRequest::from_fields(&fields, kind, state.settings.allow_private_targets)?;
    let payment = payments::find_by_gateway_reference(
        &state.db,
        &merchant.account_id,
        &request.gateway_reference,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let mismatch = |field: &str, detail: &str| AppError::Invalid {
        field: field.into(),
        detail: detail.into(),
    };
    if request
        .reference
        .as_ref()
        .is_some_and(|r| *r != payment.reference)
    {
        return Err(mismatch(
            "x_reference",
            "x_reference is not this payment's reference",
        ));
    }
    if request.test.is_some_and(|t| t != payment.test) {
        return Err(mismatch("x_test", "x_test differs from the payment's mode"));
    }
    let currency: Currency = payment.amount.currency();
    if let Some((amount, _)) = &request.amount
        && amount.currency() != currency
    {
        return Err(mismatch(
            "x_currency",
            "x_currency differs from the payment's currency",
        ));
    }

    // The answer is signed before the write, so the transaction can store it as the first answer.
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
        secret.expose_secret(),
    );
    let body: serde_json::Map<String, serde_json::Value> = values
        .pairs()
        .iter()
        .map(|(n, v)| (n.clone(), serde_json::Value::String(v.clone())))
        .collect();
    let answer_body = serde_json::Value::Object(body).to_string();
    let (scope, digest) = scope_key(req, kind, &raw)?;
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
            scope_key: &scope,
            request_digest: &digest,
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
            Ok((StatusCode::OK, answer_body))
        }
        Performed::Replay { status, body } => {
            Ok((StatusCode::from_u16(status).unwrap_or(StatusCode::OK), body))
        }
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
