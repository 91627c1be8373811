//! `/v1/webhook_endpoints`: where a merchant's events go (protocol.md section 12). A secret is
//! shown when an endpoint is made and when it is rotated, never again.

use super::errors::ApiError;
use super::{KeyAuth, Tag};
use crate::domain::target::parse_target;
use crate::domain::webhook::Subscription;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::now_millis;
use crate::store::webhooks::{self, Endpoint, MAX_ENDPOINTS};
use poem::web::Data;
use poem_openapi::param::{Header, Path};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object, OpenApi};

/// An endpoint to create.
#[derive(Debug, Clone, Object)]
#[oai(deny_unknown_fields)]
pub struct CreateEndpoint {
    /// An https URL on a public host.
    #[oai(validator(max_length = 2048))]
    pub url: String,
    /// Event types, or `["*"]` for all: `payment.pending`, `payment.authorized`,
    /// `payment.completed`, `payment.failed`, `payment.captured`, `payment.refunded`,
    /// `payment.voided`, `session.expired`.
    #[oai(validator(min_items = 1, max_items = 9, unique_items))]
    pub events: Vec<String>,
}

/// A webhook endpoint.
#[derive(Debug, Clone, Object)]
pub struct EndpointObject {
    /// `we_…`.
    pub id: String,
    /// Always `webhook_endpoint`.
    pub object: String,
    pub url: String,
    pub events: Vec<String>,
    /// Unix seconds.
    pub created_at: i64,
    /// `whsec_…`: only when the endpoint is created or its secret rotated.
    #[oai(skip_serializing_if_is_none)]
    pub secret: Option<String>,
    /// While a rotated-out secret still signs too (Unix seconds).
    #[oai(nullable)]
    pub previous_secret_expires_at: Option<i64>,
}

/// The merchant's endpoints.
#[derive(Debug, Clone, Object)]
pub struct EndpointList {
    /// Always `list`.
    pub object: String,
    pub data: Vec<EndpointObject>,
    /// Always false: every endpoint is listed.
    pub has_more: bool,
}

/// A deleted endpoint.
#[derive(Debug, Clone, Object)]
pub struct Deleted {
    pub id: String,
    /// Always `webhook_endpoint`.
    pub object: String,
    /// Always true.
    pub deleted: bool,
}

#[derive(Debug, ApiResponse)]
pub enum EndpointCreated {
    /// The endpoint, with its secret (shown this once).
    #[oai(status = 201)]
    Created(Json<EndpointObject>),
}

fn object(e: Endpoint, secret: Option<String>) -> EndpointObject {
    EndpointObject {
        id: e.id,
        object: "webhook_endpoint".into(),
        url: e.url,
        events: e.events.entries().to_vec(),
        created_at: e.created_at.div_euclid(1000),
        secret,
        previous_secret_expires_at: e
            .previous_expires_at
            .filter(|t| *t > now_millis())
            .map(|t| t.div_euclid(1000)),
    }
}

fn unexpected(e: anyhow::Error) -> ApiError {
    ApiError::from(AppError::Unexpected(e))
}

pub struct WebhooksApi;

#[OpenApi(tag = "Tag::Webhooks")]
impl WebhooksApi {
    /// Create a webhook endpoint
    #[oai(
        path = "/webhook_endpoints",
        method = "post",
        operation_id = "createWebhookEndpoint"
    )]
    async fn create(
        &self,
        auth: KeyAuth,
        state: Data<&AppState>,
        /// Makes a retry safe: the same key and body within 24 h get the first answer.
        #[oai(name = "Idempotency-Key", validator(min_length = 1, max_length = 255))]
        _idempotency_key: Header<Option<String>>,
        body: Json<CreateEndpoint>,
    ) -> Result<EndpointCreated, ApiError> {
        let url = parse_target(&body.0.url, state.settings.target_rules()).map_err(|e| {
            AppError::Invalid {
                field: "url".into(),
                detail: format!("url {e}"),
            }
        })?;
        let events = Subscription::parse(&body.0.events).map_err(|e| AppError::Invalid {
            field: "events".into(),
            detail: e.to_string(),
        })?;
        let made = webhooks::create(
            &state.db,
            &state.key,
            &auth.0.merchant_id,
            url.as_str(),
            &events,
            now_millis(),
            None,
        )
        .await
        .map_err(unexpected)?;
        let Some((endpoint, secret)) = made else {
            return Err(AppError::Invalid {
                field: "url".into(),
                detail: format!("an account has at most {MAX_ENDPOINTS} webhook endpoints"),
            }
            .into());
        };
        tracing::info!(merchant = %auth.0.merchant_id, endpoint = %endpoint.id, "webhook endpoint created");
        Ok(EndpointCreated::Created(Json(object(
            endpoint,
            Some(secret),
        ))))
    }

    /// List webhook endpoints
    #[oai(
        path = "/webhook_endpoints",
        method = "get",
        operation_id = "listWebhookEndpoints"
    )]
    async fn list(
        &self,
        auth: KeyAuth,
        state: Data<&AppState>,
    ) -> Result<Json<EndpointList>, ApiError> {
        let all = webhooks::list(&state.db, &auth.0.merchant_id)
            .await
            .map_err(unexpected)?;
        Ok(Json(EndpointList {
            object: "list".into(),
            data: all.into_iter().map(|e| object(e, None)).collect(),
            has_more: false,
        }))
    }

    /// Delete a webhook endpoint
    ///
    /// Nothing more is sent to it; deliveries still queued give up.
    #[oai(
        path = "/webhook_endpoints/:id",
        method = "delete",
        operation_id = "deleteWebhookEndpoint"
    )]
    async fn delete(
        &self,
        auth: KeyAuth,
        state: Data<&AppState>,
        /// `we_…`
        id: Path<String>,
    ) -> Result<Json<Deleted>, ApiError> {
        if !webhooks::delete(&state.db, &auth.0.merchant_id, &id, now_millis(), None)
            .await
            .map_err(unexpected)?
        {
            return Err(ApiError::not_found("webhook endpoint"));
        }
        tracing::info!(merchant = %auth.0.merchant_id, endpoint = %id.0, "webhook endpoint deleted");
        Ok(Json(Deleted {
            id: id.0,
            object: "webhook_endpoint".into(),
            deleted: true,
        }))
    }

    /// Rotate a webhook endpoint's secret
    ///
    /// Returns the new secret (shown this once); for 24 h every delivery carries a signature
    /// by the old secret too.
    #[oai(
        path = "/webhook_endpoints/:id/rotate_secret",
        method = "post",
        operation_id = "rotateWebhookSecret"
    )]
    async fn rotate(
        &self,
        auth: KeyAuth,
        state: Data<&AppState>,
        /// `we_…`
        id: Path<String>,
        /// Makes a retry safe: the same key within 24 h gets the first answer.
        #[oai(name = "Idempotency-Key", validator(min_length = 1, max_length = 255))]
        _idempotency_key: Header<Option<String>>,
    ) -> Result<Json<EndpointObject>, ApiError> {
        let rotated = webhooks::rotate(
            &state.db,
            &state.key,
            &auth.0.merchant_id,
            &id,
            now_millis(),
            None,
        )
        .await
        .map_err(unexpected)?;
        let Some((endpoint, secret)) = rotated else {
            return Err(ApiError::not_found("webhook endpoint"));
        };
        tracing::info!(merchant = %auth.0.merchant_id, endpoint = %endpoint.id, "webhook secret rotated");
        Ok(Json(object(endpoint, Some(secret))))
    }
}
