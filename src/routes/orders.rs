//! `POST /capture`, `/refund`, `/void` (protocol.md section 5): server-to-server requests whose
//! signed values are in the body, JSON or a form. The answer is JSON: signed response values on
//! success, `{"x_result": "failed", "x_message": …}` with 401/404/409/422 otherwise. Replays of a
//! byte-identical request (or of an `Idempotency-Key`) within 24 h answer the first answer.

use super::errors::{json, order_failure};
use super::input::{read_body, refused, verified_merchant};
use crate::domain::form::{Fields, Limits};
use crate::domain::operations::OperationKind;
use crate::error::AppError;
use crate::flows::orders::{self, Answer};
use crate::state::AppState;
use poem::http::StatusCode;
use poem::web::Data;
use poem::{Body, Request as HttpRequest, Response, handler};

#[handler]
pub async fn capture(req: &HttpRequest, body: Body, Data(state): Data<&AppState>) -> Response {
    answer(
        operate(req, body, state, OperationKind::Capture).await,
        OperationKind::Capture,
    )
}

#[handler]
pub async fn refund(req: &HttpRequest, body: Body, Data(state): Data<&AppState>) -> Response {
    answer(
        operate(req, body, state, OperationKind::Refund).await,
        OperationKind::Refund,
    )
}

#[handler]
pub async fn void(req: &HttpRequest, body: Body, Data(state): Data<&AppState>) -> Response {
    answer(
        operate(req, body, state, OperationKind::Void).await,
        OperationKind::Void,
    )
}

fn answer(result: Result<Answer, AppError>, kind: OperationKind) -> Response {
    match result {
        Ok(a) => json(
            StatusCode::from_u16(a.status).unwrap_or(StatusCode::OK),
            a.body,
        ),
        Err(e) => order_failure(e, kind),
    }
}

/// Reads the body as JSON or as a form, by its Content-Type.
async fn body_fields(req: &HttpRequest, body: Body) -> Result<(Fields, Vec<u8>), AppError> {
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

/// HTTP only: read the body and authenticate it; the flow does the rest.
async fn operate(
    req: &HttpRequest,
    body: Body,
    state: &AppState,
    kind: OperationKind,
) -> Result<Answer, AppError> {
    let (fields, raw) = body_fields(req, body).await?;
    let signed = verified_merchant(state, req, &fields, &raw).await?;
    // Counted once the signature verified, so forged requests cannot spend a merchant's quota.
    let account = &signed.merchant.account_id;
    if let Err(wait) = state.limits.orders.check(account) {
        return Err(refused(state, state.limits.orders.name, wait));
    }
    let request = orders::Request {
        fields: &fields,
        raw: &raw,
        idempotency_key: req.header("idempotency-key"),
    };
    orders::operate(state, &signed, kind, request).await
}
