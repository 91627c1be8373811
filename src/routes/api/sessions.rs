//! `/v1/sessions`: create, read and expire checkout sessions (protocol.md section 11).

use super::errors::ApiError;
use super::{KeyAuth, Tag, own_session};
use crate::domain::session::Input;
use crate::flows::sessions;
use crate::state::AppState;
use crate::store::objects::{SessionObject, session_of};
use crate::store::payments::Payment;
use poem::web::Data;
use poem_openapi::param::{Header, Path};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Enum, Object, OpenApi};
use std::collections::BTreeMap;

/// When the money is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename_all = "lowercase")]
pub enum Capture {
    /// At payment (a sale).
    Automatic,
    /// Later, by `POST /v1/payments/{id}/capture` (an authorization).
    Manual,
}

/// How the page is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename_all = "lowercase")]
pub enum UiMode {
    /// Redirect the shopper to the session's `url`.
    Hosted,
    /// Frame the session's `url` on one of the merchant's frame origins.
    Embedded,
}

/// The shopper, if known.
#[derive(Debug, Clone, Object)]
#[oai(deny_unknown_fields)]
pub struct Customer {
    #[oai(validator(max_length = 1000))]
    pub email: Option<String>,
    #[oai(validator(max_length = 1000))]
    pub name: Option<String>,
}

/// A session to create.
#[derive(Debug, Clone, Object)]
#[oai(deny_unknown_fields)]
pub struct CreateSession {
    /// In minor units of the currency (cents): 1999 is 19.99 EUR.
    #[oai(validator(minimum(value = "1"), maximum(value = "999999999999")))]
    pub amount: i64,
    /// ISO 4217 code, like `EUR`.
    pub currency: String,
    /// The merchant's own reference, unique per merchant (like `x_reference`).
    #[oai(validator(min_length = 1, max_length = 255))]
    pub reference: String,
    /// `automatic` (default) or `manual`.
    pub capture: Option<Capture>,
    /// Where the shopper goes once paid; `session_id=cs_…` is appended. An https URL on a
    /// public host (and one of the account's allowed hosts, if it lists any).
    #[oai(validator(max_length = 2048))]
    pub return_url: String,
    /// Where the shopper goes on cancel; the same rules as `return_url`.
    #[oai(validator(max_length = 2048))]
    pub cancel_url: String,
    #[oai(validator(max_length = 1000))]
    pub description: Option<String>,
    pub customer: Option<Customer>,
    /// BCP 47 tag of the page's language, like `fr-FR`.
    pub locale: Option<String>,
    /// Seconds the session stays payable: 300 to 86400, default 3600.
    #[oai(validator(minimum(value = "300"), maximum(value = "86400")))]
    pub expires_in: Option<i64>,
    /// Up to 20 string pairs (keys up to 40 characters, values up to 500), returned with the
    /// session.
    #[oai(validator(max_properties = 20))]
    pub metadata: Option<BTreeMap<String, String>>,
    /// `hosted` (default) or `embedded`.
    pub ui_mode: Option<UiMode>,
}

#[derive(Debug, ApiResponse)]
pub enum SessionCreated {
    /// The session: send the shopper to its `url`.
    #[oai(status = 201)]
    Created(Json<SessionObject>),
}

pub struct SessionsApi;

fn object(state: &AppState, p: &Payment) -> Result<SessionObject, ApiError> {
    session_of(p, &state.settings.public_url).ok_or_else(|| ApiError::not_found("session"))
}

#[OpenApi(tag = "Tag::Sessions")]
impl SessionsApi {
    /// Create a session
    ///
    /// Creates a payment and the session that pays it. Redirect the shopper to `url` (or frame
    /// it, with `ui_mode: embedded`); when paid they return to `return_url` with `session_id`.
    #[oai(path = "/sessions", method = "post", operation_id = "createSession")]
    async fn create(
        &self,
        auth: KeyAuth,
        state: Data<&AppState>,
        /// Makes a retry safe: the same key and body within 24 h get the first answer.
        #[oai(name = "Idempotency-Key", validator(min_length = 1, max_length = 255))]
        _idempotency_key: Header<Option<String>>,
        body: Json<CreateSession>,
    ) -> Result<SessionCreated, ApiError> {
        let b = &body.0;
        let input = Input {
            amount: b.amount,
            currency: &b.currency,
            reference: &b.reference,
            capture: b.capture.map(|c| match c {
                Capture::Automatic => "automatic",
                Capture::Manual => "manual",
            }),
            return_url: &b.return_url,
            cancel_url: &b.cancel_url,
            description: b.description.as_deref(),
            customer_email: b.customer.as_ref().and_then(|c| c.email.as_deref()),
            customer_name: b.customer.as_ref().and_then(|c| c.name.as_deref()),
            locale: b.locale.as_deref(),
            expires_in: b.expires_in,
            metadata: b.metadata.as_ref(),
            ui_mode: b.ui_mode.map(|m| match m {
                UiMode::Hosted => "hosted",
                UiMode::Embedded => "embedded",
            }),
        };
        let p = sessions::create(&state, &auth.0, &input).await?;
        Ok(SessionCreated::Created(Json(object(&state, &p)?)))
    }

    /// Retrieve a session
    #[oai(path = "/sessions/:id", method = "get", operation_id = "getSession")]
    async fn get(
        &self,
        auth: KeyAuth,
        state: Data<&AppState>,
        /// `cs_…`
        id: Path<String>,
    ) -> Result<Json<SessionObject>, ApiError> {
        let p = own_session(&state, &auth.0, &id).await?;
        Ok(Json(object(&state, &p)?))
    }

    /// Expire a session
    ///
    /// Ends an open session now: its page stops taking payment. A paid or expired session
    /// answers 409.
    #[oai(
        path = "/sessions/:id/expire",
        method = "post",
        operation_id = "expireSession"
    )]
    async fn expire(
        &self,
        auth: KeyAuth,
        state: Data<&AppState>,
        /// `cs_…`
        id: Path<String>,
        /// Makes a retry safe: the same key within 24 h gets the first answer.
        #[oai(name = "Idempotency-Key", validator(min_length = 1, max_length = 255))]
        _idempotency_key: Header<Option<String>>,
    ) -> Result<Json<SessionObject>, ApiError> {
        let p = own_session(&state, &auth.0, &id).await?;
        let p = sessions::expire(&state, &p).await?;
        Ok(Json(object(&state, &p)?))
    }
}
