//! `/v1/payments`: read and list payments from both ways in, and capture, refund or void them
//! (protocol.md sections 5 and 11) through the same order-management core as `/capture`,
//! `/refund`, `/void` and the dashboard.

use super::errors::ApiError;
use super::{KeyAuth, Tag, own_payment};
use crate::domain::operations::OperationKind;
use crate::flows::orders::{self, FromApi};
use crate::state::AppState;
use crate::store::objects::{OperationObject, PaymentObject, stored_status};
use crate::store::payment_list::{self, Filter};
use poem::web::Data;
use poem_openapi::param::{Header, Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{Enum, Object, OpenApi};
use sha2::{Digest, Sha256};

/// A payment's status, as the API names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename_all = "snake_case")]
pub enum PaymentStatus {
    Open,
    Pending,
    Authorized,
    Captured,
    PartiallyRefunded,
    Refunded,
    Voided,
    Failed,
    Cancelled,
    Expired,
}

impl PaymentStatus {
    fn as_str(self) -> &'static str {
        match self {
            PaymentStatus::Open => "open",
            PaymentStatus::Pending => "pending",
            PaymentStatus::Authorized => "authorized",
            PaymentStatus::Captured => "captured",
            PaymentStatus::PartiallyRefunded => "partially_refunded",
            PaymentStatus::Refunded => "refunded",
            PaymentStatus::Voided => "voided",
            PaymentStatus::Failed => "failed",
            PaymentStatus::Cancelled => "cancelled",
            PaymentStatus::Expired => "expired",
        }
    }
}

/// A page of payments, newest first.
#[derive(Debug, Clone, Object)]
pub struct PaymentList {
    /// Always `list`.
    pub object: String,
    pub data: Vec<PaymentObject>,
    /// More payments follow: ask again with `starting_after` set to the last one's id.
    pub has_more: bool,
}

/// A capture: of the whole authorization, or of part of it.
#[derive(Debug, Clone, Object)]
#[oai(deny_unknown_fields)]
pub struct CaptureRequest {
    /// In minor units; without it, everything authorized and not yet captured.
    #[oai(validator(minimum(value = "1")))]
    pub amount: Option<i64>,
}

/// A refund of captured money.
#[derive(Debug, Clone, Object)]
#[oai(deny_unknown_fields)]
pub struct RefundRequest {
    /// In minor units, at most what is captured and not yet refunded.
    #[oai(validator(minimum(value = "1")))]
    pub amount: i64,
}

pub struct PaymentsApi;

/// What a request asks, for the operation's own replay check.
fn digest(kind: OperationKind, id: &str, amount: Option<i64>) -> String {
    let asked = format!(
        "{}\n{id}\n{}",
        kind.as_str(),
        amount.map(|a| a.to_string()).unwrap_or_default()
    );
    hex::encode(Sha256::digest(asked.as_bytes()))
}

async fn operate(
    state: &AppState,
    auth: &KeyAuth,
    id: &str,
    kind: OperationKind,
    amount: Option<i64>,
    idempotency_key: Option<&str>,
) -> Result<Json<OperationObject>, ApiError> {
    let payment = own_payment(state, &auth.0, id).await?;
    let answer = orders::from_api(
        state,
        FromApi {
            payment: &payment,
            kind,
            amount,
            idempotency: idempotency_key.map(|k| (k, digest(kind, id, amount))),
        },
    )
    .await?;
    let object: OperationObject = serde_json::from_str::<serde_json::Value>(&answer.body)
        .ok()
        .and_then(|v| poem_openapi::types::ParseFromJSON::parse_from_json(Some(v)).ok())
        .ok_or_else(|| {
            ApiError::from(crate::error::AppError::Unexpected(anyhow::anyhow!(
                "an operation's kept answer is not an operation"
            )))
        })?;
    Ok(Json(object))
}

#[OpenApi(tag = "Tag::Payments")]
impl PaymentsApi {
    /// Retrieve a payment
    #[oai(path = "/payments/:id", method = "get", operation_id = "getPayment")]
    async fn get(
        &self,
        auth: KeyAuth,
        state: Data<&AppState>,
        id: Path<String>,
    ) -> Result<Json<PaymentObject>, ApiError> {
        let p = own_payment(&state, &auth.0, &id).await?;
        Ok(Json(PaymentObject::of(&p)))
    }

    /// List payments
    ///
    /// The key's payments (test keys see test payments, live keys live ones) from sessions and
    /// from `x_` requests alike, newest first.
    #[oai(path = "/payments", method = "get", operation_id = "listPayments")]
    async fn list(
        &self,
        auth: KeyAuth,
        state: Data<&AppState>,
        /// 1 to 100, default 20.
        #[oai(validator(minimum(value = "1"), maximum(value = "100")))]
        limit: Query<Option<i64>>,
        /// The id of the last payment of the previous page.
        starting_after: Query<Option<String>>,
        status: Query<Option<PaymentStatus>>,
        /// The merchant's reference.
        reference: Query<Option<String>>,
    ) -> Result<Json<PaymentList>, ApiError> {
        let limit = usize::try_from(limit.0.unwrap_or(20)).unwrap_or(20);
        let (status, refunded) = match status.0 {
            Some(s) => {
                let (st, r) = stored_status(s.as_str()).ok_or_else(ApiError::internal)?;
                (Some(st), r)
            }
            None => (None, None),
        };
        if let Some(cursor) = &starting_after.0
            && !payment_list::is_payment_id(cursor)
        {
            return Err(ApiError::invalid(
                "parameter_invalid",
                "starting_after must be a payment id",
                Some("starting_after"),
            ));
        }
        let filter = Filter {
            status,
            reference: reference.0.clone(),
            test: Some(!auth.0.livemode),
            refunded,
            ..Filter::default()
        };
        let page = payment_list::list(
            &state.db,
            &auth.0.merchant_id,
            &filter,
            starting_after.0.as_deref(),
            limit,
        )
        .await
        .map_err(|e| ApiError::from(crate::error::AppError::Unexpected(e)))?;
        Ok(Json(PaymentList {
            object: "list".into(),
            data: page.rows.iter().map(PaymentObject::of_listed).collect(),
            has_more: page.next.is_some(),
        }))
    }

    /// Capture a payment
    ///
    /// Takes authorized money (`capture: manual`), all of it or part; several partial captures
    /// may follow one another up to the authorized amount.
    #[oai(
        path = "/payments/:id/capture",
        method = "post",
        operation_id = "capturePayment"
    )]
    async fn capture(
        &self,
        auth: KeyAuth,
        state: Data<&AppState>,
        id: Path<String>,
        /// Makes a retry safe: the same key and body within 24 h get the first answer.
        #[oai(name = "Idempotency-Key", validator(min_length = 1, max_length = 255))]
        idempotency_key: Header<Option<String>>,
        body: Json<CaptureRequest>,
    ) -> Result<Json<OperationObject>, ApiError> {
        let key = idempotency_key.0.as_deref();
        operate(
            &state,
            &auth,
            &id,
            OperationKind::Capture,
            body.0.amount,
            key,
        )
        .await
    }

    /// Refund a payment
    ///
    /// Gives back captured money, all or part; refunds never add up to more than the capture.
    #[oai(
        path = "/payments/:id/refunds",
        method = "post",
        operation_id = "refundPayment"
    )]
    async fn refund(
        &self,
        auth: KeyAuth,
        state: Data<&AppState>,
        id: Path<String>,
        /// Makes a retry safe: the same key and body within 24 h get the first answer.
        #[oai(name = "Idempotency-Key", validator(min_length = 1, max_length = 255))]
        idempotency_key: Header<Option<String>>,
        body: Json<RefundRequest>,
    ) -> Result<Json<OperationObject>, ApiError> {
        let key = idempotency_key.0.as_deref();
        operate(
            &state,
            &auth,
            &id,
            OperationKind::Refund,
            Some(body.0.amount),
            key,
        )
        .await
    }

    /// Void a payment
    ///
    /// Releases an authorization that was not captured.
    #[oai(
        path = "/payments/:id/void",
        method = "post",
        operation_id = "voidPayment"
    )]
    async fn void(
        &self,
        auth: KeyAuth,
        state: Data<&AppState>,
        id: Path<String>,
        /// Makes a retry safe: the same key within 24 h gets the first answer.
        #[oai(name = "Idempotency-Key", validator(min_length = 1, max_length = 255))]
        idempotency_key: Header<Option<String>>,
    ) -> Result<Json<OperationObject>, ApiError> {
        let key = idempotency_key.0.as_deref();
        operate(&state, &auth, &id, OperationKind::Void, None, key).await
    }
}
