//! HTTP only: the route table, the security headers every response carries (error pages
//! included), and the access log. Handlers parse (with [`input`]), call a flow, the domain or
//! the store, and render (with [`html`] and [`errors`]).

pub mod api;
pub mod api_docs;
pub mod card_form;
pub mod checkout;
pub mod dashboard;
pub mod embed;
pub mod errors;
pub mod html;
pub mod input;
mod ops;
pub mod orders;
pub mod pay;
pub mod public;

use crate::descriptor;
use crate::error::AppError;
use crate::i18n;
use crate::metrics::Metrics;
use crate::state::AppState;
use poem::http::{HeaderValue, StatusCode, header};
use poem::web::Data;
use poem::{
    Endpoint, EndpointExt, IntoResponse, PathPattern, Request, Response, Route, get, handler,
};
use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant};

tokio::task_local! {
    /// The id of the request being answered (`req_` and 16 hex digits).
    static REQUEST_ID: String;
}

/// The id of the request this task is answering, if it is answering one.
pub fn request_id() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

/// What the frame around every handler needs: whether we are served over https (HSTS), the
/// whole-request deadline, and where requests are counted.
struct Frame {
    https: bool,
    deadline: Duration,
    metrics: Arc<Metrics>,
}

pub fn router(state: AppState) -> impl Endpoint<Output = Response> {
    let frame = Arc::new(Frame {
        https: state.settings.public_url.starts_with("https://"),
        deadline: state.settings.limits.request_timeout,
        metrics: state.metrics.clone(),
    });
    Route::new()
        .at("/", get(public::index))
        .at(descriptor::DESCRIPTOR_PATH, get(public::descriptor_json))
        .at(
            descriptor::SIGNATURE_VECTORS_PATH,
            get(public::signature_vectors),
        )
        .at(descriptor::MONEY_VECTORS_PATH, get(public::money_vectors))
        .at("/healthz", get(ops::healthz))
        .at("/readyz", get(ops::readyz))
        .at("/metrics", get(ops::metrics))
        .at("/assets/style.css", get(stylesheet))
        .at("/assets/embed.js", get(embed::script))
        .at("/assets/card.js", get(card_script))
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
        .around(move |ep, req| {
            let frame = frame.clone();
            async move { Ok(secure_and_log(ep, req, &frame).await) }
        })
}

/// What a handler that panicked answers: a 500 like any unexpected error (the API's shape
/// under `/v1`), logged with the request id; the headers are added as for every answer.
fn panicked(path: &str, json: bool, dashboard: Option<&i18n::Locale>) -> Response {
    tracing::error!("the handler panicked; answered 500");
    if path.starts_with("/v1/") {
        return api::errors::ApiError::internal().into_response();
    }
    let e = AppError::Unexpected(anyhow::anyhow!("a handler panicked"));
    error_page(e, json, dashboard)
}

/// An error answered here rather than by a handler: under `/dashboard` the dashboard's page in
/// the merchant's language (`dashboard` is their locale), elsewhere the shopper's in English
/// (no payment says which language).
fn error_page(e: AppError, json: bool, dashboard: Option<&i18n::Locale>) -> Response {
    match dashboard {
        Some(t) if !json => dashboard::error(t, e),
        _ => errors::page_or_json(e, json, &i18n::english()),
    }
}

/// Gives the request its id (in every log line of it, in `X-Request-Id` and on error pages),
/// answers a panic with a 500, adds the security headers to every response and writes one
/// access-log line (method, path without the query, status, time): never a body, query string
/// or cookie.
/// What a handler that ran past the deadline answers: 503 (the API's shape under `/v1`). The
/// handler is dropped where it was waiting; a pay step cut short there is completed by the
/// recovery sweep, as after a crash.
fn timed_out(path: &str, json: bool, dashboard: Option<&i18n::Locale>) -> Response {
    tracing::warn!("the request ran past its deadline; answered 503");
    if path.starts_with("/v1/") {
        return api::errors::ApiError::deadline().into_response();
    }
    error_page(AppError::DeadlineExceeded, json, dashboard)
}

async fn secure_and_log<E: Endpoint>(ep: E, req: Request, frame: &Frame) -> Response {
    use futures_util::FutureExt;
    use tracing::Instrument;
    let started = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let json = errors::wants_json(&req);
    let dashboard = (path == "/dashboard" || path.starts_with("/dashboard/"))
        .then(|| dashboard::text::locale(&req));
    let id = format!("req_{}", crate::crypto::random_hex::<8>());
    let span = tracing::info_span!("request", id = %id);
    // A panic unwinds no further than this request; what it held is dropped (locks tolerate
    // it, see store::payment_list::shown and the merchant cache).
    let answer = tokio::time::timeout(
        frame.deadline,
        std::panic::AssertUnwindSafe(ep.get_response(req)).catch_unwind(),
    );
    let mut resp = REQUEST_ID
        .scope(id.clone(), async {
            let resp = match answer.await {
                Ok(Ok(resp)) => resp,
                Ok(Err(_)) => panicked(&path, json, dashboard.as_ref()),
                Err(_) => timed_out(&path, json, dashboard.as_ref()),
            };
            // poem's own 404 (no route) is plain text; ours are pages or JSON already.
            let ours = |ct: &str| ct.starts_with("text/html") || ct.starts_with("application/json");
            if resp.status() == StatusCode::NOT_FOUND && !resp.content_type().is_some_and(ours) {
                return error_page(AppError::NotFound, json, dashboard.as_ref());
            }
            resp
        })
        .instrument(span.clone())
        .await;
    let _entered = span.enter();
    let h = resp.headers_mut();
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        static DEFAULT_CSP: LazyLock<HeaderValue> =
            LazyLock::new(|| HeaderValue::from_str(&html::csp(None)).expect("the CSP is ASCII"));
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
    if frame.https {
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
    let elapsed = started.elapsed().as_secs_f64();
    let status = resp.status().as_u16();
    tracing::info!(%method, path, status, ms = elapsed * 1000.0, "request");
    // By the route's pattern (`/pay/:id`), never the path: ids would make a series each.
    static UNMATCHED: LazyLock<Arc<str>> = LazyLock::new(|| Arc::from("unmatched"));
    let route = resp
        .data::<PathPattern>()
        .map_or_else(|| UNMATCHED.clone(), |p| p.0.clone());
    frame.metrics.request(route, &method, status, elapsed);
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
fn stylesheet() -> Response {
    include_str!("../../templates/style.css")
        .with_content_type("text/css; charset=utf-8")
        .with_header(header::CACHE_CONTROL, "public, max-age=3600")
        .into_response()
}

/// The card form's script (see the file): our origin only, like the stylesheet.
#[handler]
fn card_script() -> Response {
    html::CARD_JS
        .with_content_type("text/javascript; charset=utf-8")
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
