//! What every `/v1` call passes before its handler: the API key (`Authorization: Bearer`,
//! looked up by its hash; T26), the key's rate limit (a GCRA limiter per key, governor's), and
//! for a POST with `Idempotency-Key` the replay of an earlier answer (T16). The handler finds
//! the authenticated key in the request's extensions.

use super::errors::ApiError;
use crate::limits::Keyed;
use crate::state::AppState;
use crate::store::api_keys::{self, ApiKey};
use crate::store::idempotency::{self, Claim};
use crate::store::now_millis;
use poem::http::{Method, StatusCode, header};
use poem::{Body, Endpoint, IntoResponse, Request, Response};
use sha2::{Digest, Sha256};
use std::sync::Arc;
use std::time::Duration;

/// The largest JSON body an API call takes.
pub const MAX_BODY: usize = 64 * 1024;
/// How long a request waits for a concurrent one with its `Idempotency-Key` to finish.
const WAIT_FOR_FIRST: Duration = Duration::from_secs(10);

/// Requests per key: `GATEWAY_API_RATE_LIMIT` a second, with bursts of as many.
pub type Limiter = Keyed<String>;

pub fn limiter(per_second: u32) -> Arc<Limiter> {
    Arc::new(Keyed::per_second("api", per_second.max(1)))
}

fn bearer(req: &Request) -> Option<&str> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// The `Idempotency-Key` of a POST, checked: 1 to 255 visible ASCII characters.
fn idempotency_key(req: &Request) -> Result<Option<String>, ApiError> {
    if req.method() != Method::POST {
        return Ok(None);
    }
    let Some(value) = req.headers().get("idempotency-key") else {
        return Ok(None);
    };
    match value.to_str() {
        Ok(k) if !k.is_empty() && k.len() <= 255 && k.bytes().all(|b| b.is_ascii_graphic()) => {
            Ok(Some(k.to_string()))
        }
        _ => Err(ApiError::invalid(
            "parameter_invalid",
            "Idempotency-Key must be 1 to 255 visible ASCII characters",
            Some("Idempotency-Key"),
        )),
    }
}

/// Runs `ep` for an authenticated, rate-limited request, replaying the first answer of a reused
/// `Idempotency-Key`.
pub async fn guard<E: Endpoint>(
    ep: &E,
    mut req: Request,
    state: &AppState,
    limiter: &Limiter,
) -> Response {
    let Some(token) = bearer(&req).map(str::to_string) else {
        return ApiError::unauthorized("send your API key as Authorization: Bearer sk_test_…")
            .into_response();
    };
    let key = match api_keys::authenticate(&state.db, &token).await {
        Ok(Some(key)) => key,
        Ok(None) => {
            return ApiError::unauthorized("this API key is unknown or was revoked")
                .into_response();
        }
        Err(e) => {
            tracing::error!(error = format!("{e:#}"), "authenticating an API key failed");
            return ApiError::internal().into_response();
        }
    };
    if let Err(seconds) = limiter.check(&key.id) {
        tracing::info!(key = %key.id, "API rate limit reached");
        return ApiError::rate_limited(seconds).into_response();
    }
    let idempotency = match idempotency_key(&req) {
        Ok(k) => k,
        Err(e) => return e.into_response(),
    };
    req.extensions_mut().insert(key.clone());
    // Every body is bounded (T8), whether or not the request is idempotent.
    let body = match req.take_body().into_bytes_limit(MAX_BODY).await {
        Ok(b) => b,
        Err(_) => {
            return ApiError::invalid(
                "payload_too_large",
                "the body is larger than 64 KiB, or was cut short",
                None,
            )
            .into_response();
        }
    };
    let Some(idem) = idempotency else {
        req.set_body(Body::from(body));
        return call(ep, req).await;
    };
    // A key's answers are its mode's: a test key never replays a live key's answer.
    let idem = format!("{}:{idem}", if key.livemode { "live" } else { "test" });
    let digest = {
        let mut h = Sha256::new();
        h.update(req.method().as_str());
        h.update(b"\n");
        h.update(req.uri().path());
        h.update(b"\n");
        h.update(&body);
        hex::encode(h.finalize())
    };
    req.set_body(Body::from(body));
    let started = tokio::time::Instant::now();
    loop {
        match idempotency::claim(&state.db, &key.merchant_id, &idem, &digest, now_millis()).await {
            Ok(Claim::Fresh) => break,
            Ok(Claim::Replay { status, body }) => {
                return match open_answer(state, &key, &idem, &body) {
                    Some(body) => replay(status, body),
                    None => ApiError::internal().into_response(),
                };
            }
            Ok(Claim::Mismatch) => {
                return ApiError::idempotency(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "idempotency_key_reused",
                    "this Idempotency-Key was used for a different request",
                )
                .into_response();
            }
            Ok(Claim::Running) if started.elapsed() < WAIT_FOR_FIRST => {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            Ok(Claim::Running) => {
                return ApiError::idempotency(
                    StatusCode::CONFLICT,
                    "idempotency_key_in_use",
                    "a request with this Idempotency-Key is still running; retry later",
                )
                .into_response();
            }
            Err(e) => {
                tracing::error!(
                    error = format!("{e:#}"),
                    "claiming an idempotency key failed"
                );
                return ApiError::internal().into_response();
            }
        }
    }
    let resp = call(ep, req).await;
    keep(state, &key, &idem, resp).await
}

async fn call<E: Endpoint>(ep: &E, req: Request) -> Response {
    let path = req.uri().path().to_string();
    match ep.call(req).await {
        Ok(r) => r.into_response(),
        Err(e) => {
            let mut resp = super::errors::from_poem(e);
            if resp.status() == StatusCode::METHOD_NOT_ALLOWED
                && let Ok(allow) = super::allowed_methods(&path).join(", ").parse()
            {
                resp.headers_mut().insert(header::ALLOW, allow);
            }
            resp
        }
    }
}

fn replay(status: u16, body: String) -> Response {
    Response::builder()
        .status(StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR))
        .content_type("application/json; charset=utf-8")
        .header("idempotent-replayed", "true")
        .body(body)
}

/// What binds a kept answer to its merchant and key.
fn answer_aad(key: &ApiKey, idem: &str) -> Vec<u8> {
    format!("idempotent_answer:{}:{idem}", key.merchant_id).into_bytes()
}

/// A kept answer is sealed under the master key: some answers hold a secret shown once (a
/// webhook endpoint's), which must not lie in the database in the clear for 24 h.
fn seal_answer(state: &AppState, key: &ApiKey, idem: &str, body: &[u8]) -> String {
    hex::encode(state.key.seal(body, &answer_aad(key, idem)))
}

fn open_answer(state: &AppState, key: &ApiKey, idem: &str, kept: &str) -> Option<String> {
    let sealed = hex::decode(kept).ok()?;
    let opened = state.key.open(&sealed, &answer_aad(key, idem)).ok()?;
    String::from_utf8(secrecy::ExposeSecret::expose_secret(&opened).clone()).ok()
}

/// Keeps the answer for replays (a server error releases the key instead, so a retry runs).
async fn keep(state: &AppState, key: &ApiKey, idem: &str, resp: Response) -> Response {
    let status = resp.status();
    let (parts, body) = resp.into_parts();
    let bytes = body.into_vec().await.unwrap_or_default();
    let kept = if status.is_server_error() {
        idempotency::release(&state.db, &key.merchant_id, idem).await
    } else {
        let sealed = seal_answer(state, key, idem, &bytes);
        idempotency::finish(&state.db, &key.merchant_id, idem, status.as_u16(), &sealed).await
    };
    if let Err(e) = kept {
        tracing::error!(
            error = format!("{e:#}"),
            "keeping an idempotent answer failed"
        );
    }
    Response::from_parts(parts, Body::from(bytes))
}
