//! The sessions API (protocol.md sections 11 and 12): JSON under `/v1`, typed with
//! poem-openapi so the OpenAPI document (`/v1/openapi.json`) is generated from these very
//! handlers and types. Every call passes the [`guard`] (key, rate limit, idempotency) and every
//! failure has the error shape of [`errors`]. Handlers call the same flows and store as the
//! `x_` routes and the dashboard.

pub mod errors;
pub mod guard;
pub mod payments;
pub mod sessions;
pub mod webhooks;

use crate::error::AppError;
use crate::state::AppState;
use crate::store::api_keys::ApiKey;
use crate::store::payment_list::is_payment_id;
use crate::store::payments::{self as stored, Payment};
use errors::ApiError;
use poem::{Endpoint, EndpointExt, Request, Response};
use poem_openapi::auth::Bearer;
use poem_openapi::{OpenApiService, SecurityScheme, Tags};
use std::sync::Arc;

#[derive(Tags)]
pub enum Tag {
    /// Checkout sessions: create one, send the shopper to its page, read the outcome.
    Sessions,
    /// Payments from sessions and from `x_` requests: read, list, capture, refund, void.
    Payments,
    /// Where events are sent, signed with the Standard Webhooks scheme.
    Webhooks,
}

/// `Authorization: Bearer sk_test_…` (or `sk_live_…`): a merchant's API key. Test keys see and
/// make test payments only.
#[derive(SecurityScheme)]
#[oai(
    ty = "bearer",
    bearer_format = "sk_test_… or sk_live_…",
    checker = "authenticated"
)]
pub struct KeyAuth(pub ApiKey);

/// The key the guard authenticated.
async fn authenticated(req: &Request, _bearer: Bearer) -> Option<ApiKey> {
    req.extensions().get::<ApiKey>().cloned()
}

/// The key's payment `id`: another merchant's, or one of the other mode, is not found.
pub async fn own_payment(state: &AppState, key: &ApiKey, id: &str) -> Result<Payment, ApiError> {
    if !is_payment_id(id) {
        return Err(ApiError::not_found("payment"));
    }
    match stored::find(&state.db, id).await.map_err(AppError::from)? {
        Some(p) if p.merchant_id == key.merchant_id && p.test != key.livemode => {
            Ok(crate::flows::expiry::as_of_now(state, p)
                .await
                .map_err(AppError::from)?)
        }
        _ => Err(ApiError::not_found("payment")),
    }
}

/// The key's session `id`, as it stands now (expired first if its time has come).
pub async fn own_session(state: &AppState, key: &ApiKey, id: &str) -> Result<Payment, ApiError> {
    let found = stored::find_by_session(&state.db, &key.merchant_id, id)
        .await
        .map_err(AppError::from)?;
    match found {
        Some(p) if p.test != key.livemode => Ok(crate::flows::expiry::as_of_now(state, p)
            .await
            .map_err(AppError::from)?),
        _ => Err(ApiError::not_found("session")),
    }
}

pub type Api = (
    sessions::SessionsApi,
    payments::PaymentsApi,
    webhooks::WebhooksApi,
);

/// The API and its document, served from `{public_url}/v1`.
pub fn service(public_url: &str) -> OpenApiService<Api, ()> {
    OpenApiService::new(
        (
            sessions::SessionsApi,
            payments::PaymentsApi,
            webhooks::WebhooksApi,
        ),
        "offsite-gateway API",
        env!("CARGO_PKG_VERSION"),
    )
    .description(include_str!("../../../docs/api-overview.md"))
    .server(format!("{}/v1", public_url.trim_end_matches('/')))
}

/// The request objects that refuse unknown fields (`deny_unknown_fields`, so a mistyped
/// optional field is an error rather than silently ignored): poem-openapi does not write that
/// into their schemas, so the document says it here.
const CLOSED_SCHEMAS: [&str; 5] = [
    "CreateSession",
    "Customer",
    "CaptureRequest",
    "RefundRequest",
    "CreateEndpoint",
];

/// The shapes the handlers and the domain check themselves (answering 422, or 400 for a
/// header or cursor), written into the document as patterns a client can apply first. They
/// are not poem-openapi `pattern` validators: those compile their regex on every request,
/// which cost the sessions API nine tenths of its throughput (BENCHMARKS.md, round 6).
const PATTERNS: [(&str, &str, &str); 7] = [
    ("CreateSession", "currency", "^[A-Z]{3}$"),
    ("CreateSession", "reference", "^[^\\x00-\\x1f\\x7f-\\x9f]+$"),
    ("CreateSession", "return_url", "^https?://[^\\s\\\\]+$"),
    ("CreateSession", "cancel_url", "^https?://[^\\s\\\\]+$"),
    (
        "CreateSession",
        "locale",
        "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$",
    ),
    ("Customer", "email", "^[^@\\s]+@[^@\\s]+$"),
    ("CreateEndpoint", "url", "^https?://[^\\s\\\\]+$"),
];
/// Parameters' patterns: the `Idempotency-Key` header (the guard's rule) and the list's cursor.
const PARAMETER_PATTERNS: [(&str, &str); 2] = [
    ("Idempotency-Key", "^[!-~]+$"),
    ("starting_after", "^[0-9a-f]{32}$"),
];

/// The document of one router, generated at its first use and then served as it is by
/// `/v1/openapi.json` and rendered by `/docs/api` (one router, one public URL: no document is
/// shared between gateways in one process, as tests run them).
#[derive(Clone)]
pub struct Document {
    public_url: String,
    json: Arc<std::sync::OnceLock<String>>,
}

impl Document {
    pub fn new(public_url: &str) -> Self {
        Self {
            public_url: public_url.to_string(),
            json: Arc::default(),
        }
    }

    /// The document, as JSON text.
    pub fn json(&self) -> &str {
        self.json.get_or_init(|| document(&self.public_url))
    }
}

/// The OpenAPI document of [`service`].
pub fn document(public_url: &str) -> String {
    let spec = service(public_url).spec();
    let Ok(mut doc) = serde_json::from_str::<serde_json::Value>(&spec) else {
        return spec;
    };
    for name in CLOSED_SCHEMAS {
        if let Some(schema) = doc
            .pointer_mut(&format!("/components/schemas/{name}"))
            .and_then(|s| s.as_object_mut())
        {
            schema.insert("additionalProperties".into(), false.into());
        }
    }
    for (schema, property, pattern) in PATTERNS {
        if let Some(p) = doc
            .pointer_mut(&format!(
                "/components/schemas/{schema}/properties/{property}"
            ))
            .and_then(|p| p.as_object_mut())
        {
            p.insert("pattern".into(), pattern.into());
        }
    }
    // `get_mut`, not `[..]`: indexing a JSON object mutably inserts a null where the key is
    // missing, and an operation without parameters would then have `"parameters": null`.
    let paths = doc.get_mut("paths").and_then(|p| p.as_object_mut());
    for ops in paths.into_iter().flat_map(|p| p.values_mut()) {
        for op in ops.as_object_mut().into_iter().flat_map(|o| o.values_mut()) {
            let params = op.get_mut("parameters").and_then(|p| p.as_array_mut());
            for param in params.into_iter().flatten() {
                let name = param["name"].as_str().unwrap_or_default().to_string();
                if let Some((_, pattern)) = PARAMETER_PATTERNS.iter().find(|(n, _)| *n == name)
                    && let Some(schema) = param["schema"].as_object_mut()
                {
                    schema.insert("pattern".into(), (*pattern).into());
                }
            }
        }
    }
    serde_json::to_string_pretty(&doc).unwrap_or(spec)
}

/// The methods the document lists for the operation path `path` (`/v1/sessions/cs_1`), for
/// the `Allow` header of a 405.
pub fn allowed_methods(path: &str) -> Vec<String> {
    static PATHS: std::sync::OnceLock<Vec<(Vec<String>, Vec<String>)>> = std::sync::OnceLock::new();
    let paths = PATHS.get_or_init(|| {
        let doc: serde_json::Value = serde_json::from_str(&service("").spec()).unwrap_or_default();
        doc["paths"]
            .as_object()
            .map(|paths| {
                paths
                    .iter()
                    .map(|(template, ops)| {
                        let parts = template.split('/').map(str::to_string).collect();
                        let methods = ops
                            .as_object()
                            .map(|o| o.keys().map(|m| m.to_ascii_uppercase()).collect())
                            .unwrap_or_default();
                        (parts, methods)
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let asked: Vec<&str> = path
        .strip_prefix("/v1")
        .unwrap_or(path)
        .split('/')
        .collect();
    paths
        .iter()
        .find(|(parts, _)| {
            parts.len() == asked.len()
                && parts
                    .iter()
                    .zip(&asked)
                    .all(|(t, a)| t == a || (t.starts_with('{') && !a.is_empty()))
        })
        .map(|(_, methods)| methods.clone())
        .unwrap_or_default()
}

/// The `/v1` endpoint: the service behind the guard, every error in the API's shape.
pub fn endpoint(state: &AppState) -> impl Endpoint<Output = Response> + use<> {
    let limiter = guard::limiter(state.settings.api_rate_limit);
    let guarded_state = state.clone();
    // The guard answers poem's own errors (parse errors, no such route) in the API's shape.
    service(&state.settings.public_url).around(move |ep, req| {
        let (state, limiter): (AppState, Arc<guard::Limiter>) =
            (guarded_state.clone(), limiter.clone());
        async move { Ok(guard::guard(&ep, req, &state, &limiter).await) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_adds_patterns_and_closed_objects_and_nothing_else() {
        let raw: serde_json::Value =
            serde_json::from_str(&service("https://gw.example").spec()).unwrap();
        let doc: serde_json::Value = serde_json::from_str(&document("https://gw.example")).unwrap();
        for (path, ops) in doc["paths"].as_object().unwrap() {
            for (method, op) in ops.as_object().unwrap() {
                let had = raw["paths"][path][method].get("parameters").is_some();
                assert_eq!(op.get("parameters").is_some(), had, "{method} {path}");
                if let Some(p) = op.get("parameters") {
                    assert!(p.is_array(), "{method} {path}");
                }
            }
        }
        for (schema, property, pattern) in PATTERNS {
            let p = &doc["components"]["schemas"][schema]["properties"][property]["pattern"];
            assert_eq!(p, pattern, "{schema}.{property}");
        }
        for name in CLOSED_SCHEMAS {
            assert_eq!(
                doc["components"]["schemas"][name]["additionalProperties"], false,
                "{name}"
            );
        }
        let key = &doc["paths"]["/sessions"]["post"]["parameters"][0];
        assert_eq!(key["name"], "Idempotency-Key");
        assert_eq!(key["schema"]["pattern"], "^[!-~]+$");
    }
}
