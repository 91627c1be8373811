//! HTTP only: the route table, the security headers every response carries (error pages
//! included), and the access log. Handlers parse (with [`input`]), call a flow, the domain or
//! the store, and render (with [`html`] and [`errors`]).

pub mod api;
pub mod api_docs;
pub mod checkout;
pub mod dashboard;
pub mod embed;
pub mod errors;
pub mod html;
pub mod input;
pub mod orders;
pub mod pay;
pub mod public;

use crate::descriptor;
use crate::error::AppError;
use crate::i18n;
use crate::state::AppState;
use poem::http::{HeaderValue, StatusCode, header};
use poem::web::Data;
use poem::{Endpoint, EndpointExt, IntoResponse, Request, Response, Route, get, handler};
use std::time::Instant;

tokio::task_local! {
    /// The id of the request being answered (`req_` and 16 hex digits).
    static REQUEST_ID: String;
}

/// The id of the request this task is answering, if it is answering one.
pub fn request_id() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

pub fn router(state: AppState) -> impl Endpoint<Output = Response> {
    let https = state.settings.public_url.starts_with("https://");
    Route::new()
        .at("/", get(public::index))
        .at(descriptor::DESCRIPTOR_PATH, get(public::descriptor_json))
        .at(
            descriptor::SIGNATURE_VECTORS_PATH,
            get(public::signature_vectors),
        )
        .at(descriptor::MONEY_VECTORS_PATH, get(public::money_vectors))
        .at("/healthz", get(healthz))
        .at("/readyz", get(readyz))
        .at("/assets/style.css", get(stylesheet))
        .at("/assets/embed.js", get(embed::script))
        .at("/favicon.ico", get(favicon))
        .at(
            "/checkout",
            get(checkout::checkout).post(checkout::checkout),
        )
        .at("/pay/:id", get(pay::show).post(pay::submit))
        .at("/pay/:id/challenge", poem::post(pay::challenge))
        .at("/pay/:id/cancel", get(pay::cancel))
        .at("/capture", poem::post(orders::capture))
        .at("/refund", poem::post(orders::refund))
        .at("/void", poem::post(orders::void))
        .nest("/dashboard", dashboard::routes())
        .at("/v1/openapi.json", get(api_document))
        .at("/docs/api", get(api_docs::page))
        .nest("/v1", api::endpoint(&state))
        .data(api::Document::new(&state.settings.public_url))
        .data(state)
        .around(move |ep, req| async move { Ok(secure_and_log(ep, req, https).await) })
}

/// What a handler that panicked answers: a 500 like any unexpected error (the API's shape
/// under `/v1`), logged with the request id; the headers are added as for every answer.
fn panicked(path: &str, json: bool) -> Response {
    tracing::error!("the handler panicked; answered 500");
    if path.starts_with("/v1/") {
        return api::errors::ApiError::internal().into_response();
    }
    errors::page_or_json(
        AppError::Unexpected(anyhow::anyhow!("a handler panicked")),
        json,
        &i18n::EN,
    )
}

/// Gives the request its id (in every log line of it, in `X-Request-Id` and on error pages),
/// answers a panic with a 500, adds the security headers to every response and writes one
/// access-log line (method, path without the query, status, time): never a body, query string
/// or cookie.
async fn secure_and_log<E: Endpoint>(ep: E, req: Request, https: bool) -> Response {
    use futures_util::FutureExt;
    use tracing::Instrument;
    let started = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let json = errors::wants_json(&req);
    let id = format!("req_{}", crate::crypto::random_hex::<8>());
    let span = tracing::info_span!("request", id = %id);
    // A panic unwinds no further than this request; what it held is dropped (locks tolerate
    // it, see store::payment_list::shown and the merchant cache).
    let answer = std::panic::AssertUnwindSafe(ep.get_response(req)).catch_unwind();
    let mut resp = REQUEST_ID
        .scope(id.clone(), async {
            let resp = match answer.await {
                Ok(resp) => resp,
                Err(_) => panicked(&path, json),
            };
            // poem's own 404 (no route) is plain text; ours are pages or JSON already.
            let ours = |ct: &str| ct.starts_with("text/html") || ct.starts_with("application/json");
            if resp.status() == StatusCode::NOT_FOUND && !resp.content_type().is_some_and(ours) {
                return errors::page_or_json(AppError::NotFound, json, &i18n::EN);
            }
            resp
        })
        .instrument(span.clone())
        .await;
    let _entered = span.enter();
    let h = resp.headers_mut();
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        static DEFAULT_CSP: std::sync::LazyLock<HeaderValue> = std::sync::LazyLock::new(|| {
            HeaderValue::from_str(&html::csp(None)).expect("the CSP is ASCII")
        });
        h.insert(header::CONTENT_SECURITY_POLICY, DEFAULT_CSP.clone());
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if let Ok(v) = HeaderValue::from_str(&id) {
        h.insert("x-request-id", v);
    }
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), usb=()"),
    );
    if https {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    // The dashboard's own forms must carry a real Origin (under `no-referrer` browsers send
    // `Origin: null`, which a same-site attacker can send too), so its pages keep the referrer
    // within our origin; every other page sends none (payment page addresses stay private).
    let referrer_policy = if path.starts_with("/dashboard") {
        "same-origin"
    } else {
        "no-referrer"
    };
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static(referrer_policy),
    );
    // Only an embedded payment page names frame ancestors (protocol.md section 13); every
    // other answer refuses frames in both ways browsers understand.
    let framable = h
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|csp| !csp.contains("frame-ancestors 'none'"));
    if !framable {
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    tracing::info!(
        %method,
        path,
        status = resp.status().as_u16(),
        ms = started.elapsed().as_secs_f64() * 1000.0,
        "request"
    );
    resp
}

/// The OpenAPI document, generated from the API's handlers and types.
#[handler]
fn api_document(Data(document): Data<&api::Document>) -> Response {
    document
        .json()
        .to_string()
        .with_content_type("application/json; charset=utf-8")
        .into_response()
}

#[handler]
fn healthz() -> &'static str {
    "ok"
}

/// How long the callback worker may go without a turn of its loop (it turns at least once a
/// second) before the process counts as not ready.
const WORKER_STALE_MS: i64 = 10_000;

/// Ready to take traffic: the database answers and the callback worker is running. 503 with
/// what is wrong otherwise, so a load balancer takes the process out.
#[handler]
async fn readyz(Data(state): Data<&AppState>) -> Response {
    let database = match crate::store::ping(&state.db).await {
        Ok(()) => "ok".to_string(),
        Err(e) => {
            tracing::warn!(error = format!("{e:#}"), "not ready: the database");
            "unavailable".to_string()
        }
    };
    let beat = state.worker_beat.load(std::sync::atomic::Ordering::Relaxed);
    let worker = if beat > 0 && crate::store::now_millis() - beat < WORKER_STALE_MS {
        "ok"
    } else {
        "stalled"
    };
    let ready = database == "ok" && worker == "ok";
    let body = serde_json::json!({"database": database, "worker": worker}).to_string();
    Response::builder()
        .status(if ready {
            StatusCode::OK
        } else {
            StatusCode::SERVICE_UNAVAILABLE
        })
        .content_type("application/json; charset=utf-8")
        .body(body)
}

#[handler]
fn stylesheet() -> Response {
    include_str!("../../templates/style.css")
        .with_content_type("text/css; charset=utf-8")
        .with_header(header::CACHE_CONTROL, "public, max-age=3600")
        .into_response()
}

/// No icon: an empty answer keeps browsers from logging a 404 on every page.
#[handler]
fn favicon() -> Response {
    Response::builder()
        .status(StatusCode::NO_CONTENT)
        .header(header::CACHE_CONTROL, "public, max-age=86400")
        .finish()
}
